'use strict';
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * Loads dist/index.cjs through V8's code cache: compiling the bundle, and each function the first time it runs,
 * is most of a run's own time, and Node 20 caches neither for a package (`module.enableCompileCache` starts at
 * Node 22 and covers files loaded by Node, not a vm.Script). The cache is made after the first run, so it holds
 * the functions that run used, and is kept beside the package in code-cache/ (never published, never shared
 * between users: it is as private as the bundle it belongs to). Each command has a cache of its own, made by its
 * first successful run: one made by a first `--version`, or by `validate`, held too little of what `create` runs,
 * which then compiled most of its code at every run (1.17x the time, measured). NODE_DISABLE_COMPILE_CACHE turns
 * it off, as it does Node's own. Any failure to read or write the cache only costs speed.
 */
function loadBundle(bundlePath, argv) {
  const source = readFileSync(bundlePath, 'utf8');
  // build.mjs writes `// bundle <content hash>` as the first line; V8 checks the source's length, not its content.
  const bundleId = /^\/\/ bundle ([0-9a-f]+)\n/.exec(source)?.[1] ?? 'unnamed';
  const command = cachedCommand(argv);
  const enabled = !process.env.NODE_DISABLE_COMPILE_CACHE && bundleId !== 'unnamed' && command !== undefined;
  const cachePath = join(dirname(bundlePath), '..', 'code-cache', `${bundleId}-${command}-${process.version}-${process.arch}.bin`);
  const cachedData = enabled ? readIfPresent(cachePath) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
  return {
    main: bundle.exports.main,
    /** After a run: keeps what V8 compiled, when the run succeeded and there was no usable cache yet. */
    saveCodeCache(exitCode) {
      if (!enabled || exitCode !== 0 || (cachedData && !script.cachedDataRejected)) return;
      try {
        mkdirSync(dirname(cachePath), { recursive: true });
        const partial = `${cachePath}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cachePath);
      } catch {
        // A read-only install runs without the cache.
      }
    },
  };
}

/**
 * The command whose cache a run takes: the first word that is not an option (`create` when it is none of the
 * others, as the CLI reads it); none for --help and --version, which run too little to be worth a cache.
 */
function cachedCommand(argv) {
  if (argv.some((arg) => ['--help', '-h', '--version', '-v'].includes(arg))) return undefined;
  const word = argv.find((arg) => !arg.startsWith('-'));
  return ['upgrade', 'validate', 'schema'].includes(word) ? word : 'create';
}

function readIfPresent(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

module.exports = { loadBundle };
