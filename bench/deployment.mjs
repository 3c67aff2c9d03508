// Compiles the largest configuration this version generates with the real Bicep compiler and prints
// the figures of its deployment: the compiled template's size against the 1 MB budget (the platform
// limit is 4 MB), and the critical path (the longest chain of dependencies, weighted by typical
// creation minutes) against 1.1x the slowest single resource. Budgets: DESIGN.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { LARGEST } from './largest.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const version = /Version="\[([^\]]+)\]"/.exec(readFileSync(join(root, 'test/compiler/BicepCompiler.csproj'), 'utf8'))[1];
const restored = join(root, '.cache/nuget/azure.bicep.commandline.linux-x64', version, 'tools/bicep');
const bicep = process.env.BICEP_PATH ?? (existsSync(restored) ? restored : 'bicep');
const verdict = (met, budget) => (met ? `within ${budget}` : `OVER ${budget}`);

const work = mkdtempSync(join(tmpdir(), 'sail-deploy-'));
try {
  execFileSync(process.execPath, ['build.mjs'], { cwd: root });
  execFileSync(process.execPath, [join(root, 'bin/create-secure-ai-landing.js'), 'lz', ...LARGEST, '--no-git'], { cwd: work, env: { ...process.env, CI: 'true' } });
  execFileSync(bicep, ['build', join(work, 'lz/infra/main.bicep')], { stdio: ['ignore', 'ignore', 'inherit'] });
  const compiled = join(work, 'lz/infra/main.json');
  const bytes = statSync(compiled).size;
  console.log(`compiled main.json ${(bytes / 1024).toFixed(1)} KB ${verdict(bytes <= 1024 * 1024, 'budget 1 MB')} (platform limit 4 MB)`);

  // The critical-path code is TypeScript in src/validate; bundle it for this script.
  const module = join(work, 'critical-path.mjs');
  await build({ entryPoints: [join(root, 'src/validate/critical-path.ts')], bundle: true, format: 'esm', platform: 'node', outfile: module, logLevel: 'silent' });
  const { criticalPath } = await import(pathToFileURL(module).href);
  const path = criticalPath(JSON.parse(readFileSync(compiled, 'utf8')));
  const ratio = path.minutes / path.slowest.minutes;
  console.log(`critical path ${path.minutes.toFixed(1)} min; slowest resource ${path.slowest.name} ${path.slowest.minutes} min; ratio ${ratio.toFixed(2)}x ${verdict(ratio <= 1.1, 'budget 1.1x')}`);
  for (const step of path.chain) console.log(`  ${step}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
