import { watch } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { BIN, ISOLATED_GIT_ENV, runCli, snapshotTree, tempDir } from '../helpers/cli.js';

/**
 * Ctrl-C, SIGTERM and a CI cancel while the built CLI writes (issue #17, item 6), with real processes
 * and real signals. No hook slows the write down: the test watches the folder (inotify) for the first
 * trace of the write (the staging or backup folder, or `.git`) and sends the signal then, after a
 * delay that varies from run to run, so that the signals land at many points of the write.
 */
const SLICE = ['--yes', '--location', 'swedencentral', '--topology', 'single-vnet', '--gateway', 'none', '--no-jumpbox'];
const LEFTOVER = /^\.secure-ai-landing-(staging|upgrade)-|\.upgrade-tmp$/;
const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, env: ISOLATED_GIT_ENV, reject: false });

/** Runs the CLI and sends `signal` `delayMs` after an entry matching `trigger` first appears in `watched`. */
async function interrupted(args: string[], cwd: string, watched: string, trigger: RegExp, signal: NodeJS.Signals, delayMs: number) {
  const run = execa(process.execPath, [BIN, ...args], { cwd, reject: false, stdin: 'ignore', env: ISOLATED_GIT_ENV, timeout: 60_000 });
  const watcher = watch(watched, (_event, name) => {
    if (name && trigger.test(name)) {
      watcher.close();
      setTimeout(() => run.kill(signal), delayMs);
    }
  });
  const result = await run;
  watcher.close();
  return { exitCode: result.exitCode, signal: result.signal, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Staging, backup and temporary files anywhere below `dir`. */
async function leftovers(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((path) => path.split('/').some((part) => LEFTOVER.test(part)));
}

const DELAYS_MS = [0, 1, 2, 4, 8, 16, 32, 64];
/**
 * The delays, then (until a run was stopped mid-write) up to 12 more at once: on a loaded machine the
 * watcher's event can come after a short write has ended, so one run is not enough to be sure to land in it.
 */
function* delays(outcomes: readonly string[]): Generator<number> {
  yield* DELAYS_MS;
  for (let extra = 0; extra < 12 && !outcomes.includes('130'); extra++) yield 0;
}

describe('a stop signal during create', () => {
  it('leaves nothing behind: exit 130 with nothing written, or the complete landing zone', async () => {
    const outcomes: string[] = [];
    for (const delay of delays(outcomes)) {
      const signal = outcomes.length % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      const work = await tempDir('sail-interrupt-');
      const result = await interrupted(['lz', ...SLICE, '--no-git'], work, work, /^\.secure-ai-landing-staging-/, signal, delay);
      const context = `${signal} after ${delay} ms: ${result.exitCode} ${result.stderr}`;
      expect(await leftovers(work), context).toEqual([]);
      if (result.exitCode === 130) {
        expect(result.stderr, context).toContain(`error: interrupted by ${signal}; nothing was written`);
        expect(await readdir(work), context).toEqual([]);
      } else {
        // The signal came after the rename: the landing zone is complete and the run succeeded.
        expect(result.exitCode, context).toBe(0);
        expect(Object.keys(await snapshotTree(join(work, 'lz'))), context).toContain('.secure-ai-landing/state.json');
      }
      outcomes.push(String(result.exitCode));
    }
    // The signal sent as the staging folder appears lands during the write, not after it.
    expect(outcomes).toContain('130');
  }, 120_000);

  it('--force into a folder with files of its own: the folder is byte for byte as before', async () => {
    const outcomes: string[] = [];
    for (const delay of delays(outcomes)) {
      const work = await tempDir('sail-interrupt-');
      await execa('sh', ['-c', 'mkdir -p docs infra && echo mine > docs/notes.md && echo keep > infra/own.txt && echo x > .env'], { cwd: work });
      const before = await snapshotTree(work);
      const result = await interrupted(['.', '--name', 'lz', ...SLICE, '--no-git', '--force'], work, work, /^\.secure-ai-landing-staging-/, 'SIGINT', delay);
      const context = `SIGINT after ${delay} ms: ${result.exitCode} ${result.stderr}`;
      expect(await leftovers(work), context).toEqual([]);
      if (result.exitCode === 130) expect(await snapshotTree(work), context).toEqual(before);
      else expect(result.exitCode, context).toBe(0);
      outcomes.push(String(result.exitCode));
    }
    expect(outcomes).toContain('130');
  }, 120_000);

  it('during the first commit: exit 1, and the message says precisely what exists', async () => {
    const outcomes: string[] = [];
    for (const delay of [0, 2, 8, 30]) {
      const work = await tempDir('sail-interrupt-');
      const result = await interrupted(['lz', ...SLICE], work, work, /^lz$/, 'SIGTERM', delay);
      const target = join(work, 'lz');
      const context = `SIGTERM after ${delay} ms: ${result.exitCode} ${result.stderr}`;
      expect(await leftovers(work), context).toEqual([]);
      const head = await git(target, 'rev-parse', '--verify', '--quiet', 'HEAD');
      outcomes.push(String(result.exitCode));
      if (result.exitCode === 0) {
        expect(head.exitCode, context).toBe(0);
        continue;
      }
      expect(result.exitCode, context).toBe(1);
      expect(result.stderr, context).toMatch(
        /^error: interrupted by SIGTERM after the files were written\n {2}.*lz holds all \d+ generated files\.\n {2}git: interrupted/,
      );
      expect(Object.keys(await snapshotTree(target))).toContain('.secure-ai-landing/state.json');
      // What the message says exists is what exists.
      const repository = await git(target, 'rev-parse', '--show-toplevel');
      if (/no git repository was created/.test(result.stderr)) expect(repository.exitCode, context).not.toBe(0);
      else expect(repository.stdout.trim(), context).toBe(target);
      if (/not committed/.test(result.stderr)) expect(head.exitCode, context).not.toBe(0);
      if (/files are staged/.test(result.stderr)) expect((await git(target, 'diff', '--cached', '--name-only')).stdout, context).toContain('infra/main.bicep');
    }
    expect(outcomes).toContain('1');
  }, 120_000);
});

describe('a stop signal during upgrade', () => {
  it('puts every file back: exit 130 and the folder byte for byte as before, or the upgrade complete', async () => {
    const outcomes: string[] = [];
    for (const delay of delays(outcomes)) {
      const work = await tempDir('sail-interrupt-');
      const created = await runCli(['lz', ...SLICE], { cwd: work });
      expect(created.exitCode, created.stderr).toBe(0);
      const target = join(work, 'lz');
      const before = await snapshotTree(target);
      const result = await interrupted(
        ['upgrade', '--set', 'vpn=p2s', '--set', 'firewall=true'],
        target,
        target,
        /^\.secure-ai-landing-upgrade-/,
        'SIGINT',
        delay,
      );
      const context = `SIGINT after ${delay} ms: ${result.exitCode} ${result.stderr}`;
      expect(await leftovers(target), context).toEqual([]);
      if (result.exitCode === 130) {
        expect(result.stderr, context).toContain('error: interrupted by SIGINT; nothing was changed');
        expect(await snapshotTree(target), context).toEqual(before);
      } else {
        expect(result.exitCode, context).toBe(0);
        expect(result.stdout, context).toContain('answer vpn: "none" → "p2s"');
      }
      outcomes.push(String(result.exitCode));
    }
    expect(outcomes).toContain('130');
  }, 180_000);
});
