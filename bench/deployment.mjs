// Generates the largest configuration this version can, runs `validate --json` on it with the real Bicep
// compiler (timed against its 8 s budget) and prints the figures of its deployment: the compiled template's size against the 1 MB
// budget (the platform limit is 4 MB), and the critical path (the longest chain of dependencies,
// weighted by typical creation minutes) against 1.1x the slowest single resource. Budgets: DESIGN.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGEST } from './largest.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const version = /Version="\[([^\]]+)\]"/.exec(readFileSync(join(root, 'test/compiler/BicepCompiler.csproj'), 'utf8'))[1];
const restored = join(root, '.cache/nuget/azure.bicep.commandline.linux-x64', version, 'tools/bicep');
const bicep = process.env.BICEP_PATH ?? (existsSync(restored) ? restored : 'bicep');
const verdict = (met, budget) => (met ? `within ${budget}` : `OVER ${budget}`);

const work = mkdtempSync(join(tmpdir(), 'sail-deploy-'));
try {
  execFileSync(process.execPath, ['build.mjs'], { cwd: root });
  const cli = join(root, 'bin/create-secure-ai-landing.cjs');
  execFileSync(process.execPath, [cli, 'lz', ...LARGEST, '--no-git'], { cwd: work, env: { ...process.env, CI: 'true' } });
  // The figures are validate's own: the same code a user runs (exit 1 would mean a recommendation fails).
  const started = performance.now();
  const validate = spawnSync(process.execPath, [cli, 'validate', 'lz', '--json'], {
    cwd: work,
    env: { ...process.env, BICEP_PATH: bicep },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (validate.status !== 0 && validate.status !== 1) throw new Error(`validate exited ${validate.status}: ${validate.stderr}`);
  const { figures, ok, environments } = JSON.parse(String(validate.stdout));
  // Budget (issue #18): one compiler process for every environment keeps validate of the largest configuration within 8 s.
  console.log(
    `validate of ${environments.length} environments: ${ok ? 'every recommendation passes' : 'FAILS'} in ${seconds.toFixed(1)} s ${verdict(seconds <= 8, 'budget 8 s')} (one run)`,
  );
  console.log(
    `compiled main.json ${(figures.bytes / 1024).toFixed(1)} KB ${verdict(figures.bytes <= figures.budgetBytes, 'budget 1 MB')} (platform limit 4 MB)`,
  );
  for (const key of ['parameters', 'variables', 'resources', 'outputs']) {
    const figure = figures[key];
    console.log(`  ${key}: ${figure.count} of ${figure.limit} (most in ${figure.template})`);
  }
  const path = figures.criticalPath;
  console.log(
    `critical path ${path.minutes.toFixed(1)} min; slowest resource ${path.slowest.name} ${path.slowest.minutes} min; ratio ${path.ratio.toFixed(2)}x ${verdict(path.ratio <= path.budget, `budget ${path.budget}x`)}`,
  );
  for (const { step, minutes } of path.chain) console.log(`  ${String(minutes).padStart(4)} min  ${step}`);
  for (const wait of path.waits) console.log(`  waits: ${wait}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
