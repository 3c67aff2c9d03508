// Times the whole process of `create --yes` for the largest configuration this version generates,
// against bare `node -e ''` on the same machine (runs in pairs, the median of the pairs' ratios), and prints
// the size of the packed tarball. Budgets (issue #18, DESIGN.md): within 1.5x of bare Node (2x with the git
// commit); tarball under 400 KB. The first run of a release writes the bundle's code cache (bin/load-bundle.cjs):
// it is timed on its own, and the pairs measure the runs after it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LARGEST } from './largest.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin/create-secure-ai-landing.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const verdict = (met, budget) => (met ? `within ${budget}` : `OVER ${budget}`);

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function measure(label, extra) {
  const work = mkdtempSync(join(tmpdir(), 'sail-bench-'));
  const ratios = [];
  const create = [];
  for (let run = 0; run < RUNS; run++) {
    const bare = time(['-e', ''], work);
    create.push(time([bin, `lz${run}`, ...LARGEST, ...extra], work));
    ratios.push(create.at(-1) / bare);
  }
  rmSync(work, { recursive: true, force: true });
  const ratio = median(ratios);
  console.log(
    `${label.padEnd(28)} median ${median(create).toFixed(1)} ms   ratio to node -e '' ${ratio.toFixed(2)}x (pairs: min ${Math.min(...ratios).toFixed(2)}x, max ${Math.max(...ratios).toFixed(2)}x)   ${verdict(ratio <= budgetOf(extra), `budget ${budgetOf(extra)}x`)}`,
  );
  return ratio;
}

const budgetOf = (extra) => (extra.includes('--no-git') ? 1.5 : 2);

/** The first run after a build: no code cache yet, so it compiles the bundle and writes the cache. */
function firstRun() {
  rmSync(join(root, 'code-cache'), { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'sail-bench-'));
  const ms = time([bin, 'lz', ...LARGEST, '--no-git'], work);
  rmSync(work, { recursive: true, force: true });
  const cached = readdirSync(join(root, 'code-cache'));
  console.log(
    `${'first run (writes the cache)'.padEnd(28)} ${ms.toFixed(1)} ms; code cache ${cached.map((file) => `${file} ${(statSync(join(root, 'code-cache', file)).size / 1024).toFixed(0)} KB`).join(', ')}`,
  );
}

execFileSync(process.execPath, ['build.mjs'], { cwd: root });
console.log(`create --yes, ${RUNS} pairs each, ${LARGEST.slice(1).join(' ')}`);
firstRun();
measure('create (files only)', ['--no-git']);
measure('create (with git commit)', []);

const packDir = mkdtempSync(join(tmpdir(), 'sail-pack-'));
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }));
const bytes = statSync(join(packDir, pack.filename)).size;
console.log(
  `tarball ${(bytes / 1024).toFixed(1)} KB ${verdict(bytes <= 400 * 1024, 'budget 400 KB')}; unpacked ${(pack.unpackedSize / 1024).toFixed(1)} KB in ${pack.entryCount} files; bundle dist/index.cjs ${(statSync(join(root, 'dist/index.cjs')).size / 1024).toFixed(1)} KB`,
);
rmSync(packDir, { recursive: true, force: true });
