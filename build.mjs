// Bundles the CLI and every runtime dependency into dist/index.js, so that `npm create` installs
// one package with zero dependencies and starts about as fast as bare Node.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import Handlebars from 'handlebars';

// Must equal COMPILE_OPTIONS in src/render/template-specs.ts; test/e2e/bundle-output.test.ts
// compares the bundle's output with the output rendered from source.
const COMPILE_OPTIONS = { noEscape: true, strict: true };

/** Every .hbs template under templates/, compiled now, so the bundle carries no Handlebars compiler. */
async function precompiledTemplates() {
  const entries = await readdir('templates', { recursive: true, withFileTypes: true });
  const specs = [];
  for (const entry of entries.filter((item) => item.isFile() && item.name.endsWith('.hbs'))) {
    const path = join(entry.parentPath, entry.name);
    const name = relative('templates', path).split(sep).join('/');
    specs.push(`${JSON.stringify(name)}: ${Handlebars.precompile(await readFile(path, 'utf8'), COMPILE_OPTIONS)}`);
  }
  return [
    'const SPECS = {',
    specs.join(',\n'),
    '};',
    'export async function templateSpec(name) {',
    '  const spec = SPECS[name];',
    '  if (!spec) throw new Error(`template ${name} was not precompiled into the bundle`);',
    '  return spec;',
    '}',
  ].join('\n');
}

const precompile = {
  name: 'precompiled-templates',
  setup(builder) {
    builder.onLoad({ filter: /src[\\/]render[\\/]template-specs\.ts$/ }, async () => ({ contents: await precompiledTemplates(), loader: 'js' }));
  },
};

await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  plugins: [precompile],
  // Bundled CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
