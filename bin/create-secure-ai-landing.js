#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can cache the compiled bundle between runs (a no-op where it cannot), so the bundle is
// imported only after the cache is on.
module.enableCompileCache?.();
// A reader that stops early (`| head -1`) closes the pipe: the rest of the output has nowhere to go,
// which is not a failure of the run (EPIPE is ignored; any other stream error still surfaces).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
const { main } = await import('../dist/index.js');

// Ending at once once the run is over leaves a stop signal no moment in which Node, tearing down, would give it its
// default action back and end a finished run by the signal (stdout and stderr are synchronous on POSIX pipes and files).
process.exit(await main(process.argv.slice(2)));
