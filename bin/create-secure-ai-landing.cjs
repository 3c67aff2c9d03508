#!/usr/bin/env node
'use strict';
// CommonJS, like the bundle: an ES module entry point would start Node's ESM loader, about 10 ms of every run.
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.cjs');

// A reader that stops early (`| head -1`) closes the pipe: the rest of the output has nowhere to go,
// which is not a failure of the run (EPIPE is ignored; any other stream error still surfaces).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}
const argv = process.argv.slice(2);
const bundle = loadBundle(join(__dirname, '..', 'dist', 'index.cjs'), argv);
bundle.main(argv).then((code) => {
  bundle.saveCodeCache(code);
  // Ending at once once the run is over leaves a stop signal no moment in which Node, tearing down, would give it its
  // default action back and end a finished run by the signal (stdout and stderr are synchronous on POSIX pipes and files).
  process.exit(code);
});
