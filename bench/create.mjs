// Times the whole process of `create --yes` for the largest configuration this version generates,
// against bare `node -e ''` on the same machine (several runs, medians, the ratio), and prints the
// size of the packed tarball. Budgets (DESIGN.md): within 1.5x of bare Node; tarball under 400 KB.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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
  const bare = [];
  const create = [];
  for (let run = 0; run < RUNS; run++) {
    bare.push(time(['-e', ''], work));
    create.push(time([bin, `lz${run}`, ...LARGEST, ...extra], work));
  }
  rmSync(work, { recursive: true, force: true });
  const ratio = median(create) / median(bare);
  console.log(
    `${label.padEnd(28)} median ${median(create).toFixed(1)} ms   node -e '' ${median(bare).toFixed(1)} ms   ratio ${ratio.toFixed(2)}x   ${verdict(ratio <= 1.5, 'budget 1.5x')}`,
  );
  return ratio;
}

execFileSync(process.execPath, ['build.mjs'], { cwd: root });
console.log(`create --yes, ${RUNS} runs each, ${LARGEST.slice(1).join(' ')}`);
measure('create (files only)', ['--no-git']);
measure('create (with git commit)', []);

const packDir = mkdtempSync(join(tmpdir(), 'sail-pack-'));
const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' }));
const bytes = statSync(join(packDir, pack.filename)).size;
console.log(
  `tarball ${(bytes / 1024).toFixed(1)} KB ${verdict(bytes <= 400 * 1024, 'budget 400 KB')}; unpacked ${(pack.unpackedSize / 1024).toFixed(1)} KB in ${pack.entryCount} files; bundle dist/index.cjs ${(statSync(join(root, 'dist/index.js')).size / 1024).toFixed(1)} KB`,
);
rmSync(packDir, { recursive: true, force: true });
