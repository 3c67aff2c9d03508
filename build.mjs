// Bundles the CLI and every runtime dependency into dist/index.cjs, so that `npm create` installs
// one package with zero dependencies and starts about as fast as bare Node.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';

// The options src/render/template-specs.ts compiles with from source (why each: there); test/e2e/bundle-output.test.ts
// compares the bundle's output with the output rendered from source.
const COMPILE_OPTIONS = JSON.parse(await readFile('src/render/compile-options.json', 'utf8'));

/**
 * Every template under templates/, built in now: each .hbs file precompiled (so the bundle carries no Handlebars
 * compiler), each other file as its text (so the CLI reads no template file and the package ships no templates/).
 */
async function builtInTemplates() {
  const entries = await readdir('templates', { recursive: true, withFileTypes: true });
  const specs = [];
  const texts = [];
  for (const entry of entries.filter((item) => item.isFile())) {
    const path = join(entry.parentPath, entry.name);
    const name = JSON.stringify(relative('templates', path).split(sep).join('/'));
    const source = await readFile(path, 'utf8');
    // A copy for each, as from source: precompile writes into the options it is given.
    if (entry.name.endsWith('.hbs')) specs.push(`${name}: ${Handlebars.precompile(source, { ...COMPILE_OPTIONS })}`);
    else texts.push(`${name}: ${JSON.stringify(source)}`);
  }
  return [
    'const SPECS = {',
    specs.join(',\n'),
    '};',
    'const TEXTS = {',
    texts.join(',\n'),
    '};',
    'export async function templateSpec(name) {',
    '  const spec = SPECS[name];',
    '  if (!spec) throw new Error(`template ${name} was not precompiled into the bundle`);',
    '  return spec;',
    '}',
    'export async function staticTemplate(name) {',
    '  const text = TEXTS[name];',
    '  if (text === undefined) throw new Error(`template ${name} was not built into the bundle`);',
    '  return text;',
    '}',
  ].join('\n');
}

const precompile = {
  name: 'built-in-templates',
  setup(builder) {
    builder.onLoad({ filter: /src[\\/]render[\\/]template-specs\.ts$/ }, async () => ({ contents: await builtInTemplates(), loader: 'js' }));
  },
};

const BUNDLE = 'dist/index.cjs';

// A stale bundle of an earlier layout (dist/index.js) must not be published.
await rm('dist', { recursive: true, force: true });

// CommonJS, not ESM: the bin compiles the bundle with node:vm, which takes V8's code cache on Node 20 (see
// bin/load-bundle.cjs); Node's own compile cache for ES modules starts at Node 22.
await build({
  entryPoints: ['src/main.ts'],
  outfile: BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  plugins: [precompile],
  // src/paths.ts finds CHANGELOG.md from its own URL; in the bundle that is the bundle's.
  define: { 'import.meta.url': '__bundleUrl' },
  // Lazy import() of Node built-ins becomes a lazy require(): a vm.Script has no loader for import().
  supported: { 'dynamic-import': false },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The first line names the bundle's content, so that a code cache made for another build is never used: V8 itself
// checks the source's length, not its content. Strict mode is declared before the banner, which esbuild puts ahead
// of its own "use strict" (the bundle's ES modules were strict code).
const code = await readFile(BUNDLE, 'utf8');
const bundleId = createHash('sha256').update(code).digest('hex').slice(0, 16);
await writeFile(BUNDLE, `// bundle ${bundleId}\n'use strict';\n${code}`);
