#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can cache the compiled bundle between runs (a no-op where it cannot), so the bundle is
// imported only after the cache is on.
module.enableCompileCache?.();
const { main } = await import('../dist/index.js');

process.exitCode = await main(process.argv.slice(2));
