import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli, snapshotTree, tempDir } from '../helpers/cli.js';
import { isRoot, mountTmpfs, unmount } from '../helpers/mount.js';

/**
 * Failures of the machine, not of the input (issue #17, item 7), met for real: a read-only file system,
 * a full one (a 64 KB tmpfs), a name longer than the 255 bytes a file name may have, a reader that
 * closes the pipe. One message naming the path and the cause, exit 1, no stack trace.
 */
const ARGS = ['--yes', '--location', 'swedencentral', '--topology', 'single-vnet', '--gateway', 'none', '--no-jumpbox', '--no-git'];
const mounts: string[] = [];
afterEach(async () => {
  for (const dir of mounts.splice(0)) await unmount(dir);
});

/** A folder nobody can write to: a read-only tmpfs where mounting is allowed, else (not root) mode 555. */
async function readOnlyFolder(): Promise<{ dir: string; cause: string }> {
  const dir = join(await tempDir('sail-ro-'), 'ro');
  await mkdir(dir);
  if (await mountTmpfs(dir, { sizeKb: 64, readOnly: true })) {
    mounts.push(dir);
    return { dir, cause: 'the file system is read-only' };
  }
  if (isRoot()) throw new Error('this test needs a read-only folder: root ignores mode 555, and mounting a read-only tmpfs is not allowed here');
  await chmod(dir, 0o555);
  return { dir, cause: 'permission denied' };
}

function expectOneClearMessage(result: { exitCode?: number; stderr: string }, message: string) {
  expect(result.exitCode, result.stderr).toBe(1);
  expect(result.stderr.split('\n')[0]).toBe(`error: ${message}`);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('unexpected failure');
}

describe('system failures', () => {
  it('a read-only folder: create and --dry-run refuse alike, naming the folder and the cause', async () => {
    const { dir, cause } = await readOnlyFolder();
    for (const extra of [[], ['--dry-run']]) {
      const result = await runCli(['lz', ...ARGS, ...extra], { cwd: dir });
      expectOneClearMessage(result, `cannot write ${dir}: ${cause}; nothing was written`);
      expect(result.stdout).toBe('');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('--json: the error object carries details', async () => {
    const { dir, cause } = await readOnlyFolder();
    const result = await runCli(['lz', ...ARGS, '--json'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, error: `cannot write ${dir}: ${cause}; nothing was written` });
    expect(report.details.length).toBeGreaterThan(0);
  });

  it('a full disk: exit 1 naming the file and "no space", and nothing left on the device', async () => {
    const dir = join(await tempDir('sail-full-'), 'small');
    await mkdir(dir);
    const mounted = await mountTmpfs(dir, { sizeKb: 64 });
    if (mounted) mounts.push(dir);
    // Where mounting is not allowed, the same message comes from the unit test on /dev/full (system-error.test.ts).
    if (!mounted) return;
    const result = await runCli(['lz', ...ARGS], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error: cannot write ${dir}/lz/\\S+: no space is left on the device; nothing was written\\n`));
    expect(result.stderr).toContain(`${dir}/lz is exactly as it was before.`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a folder name longer than a file system allows: exit 1 naming the cause', async () => {
    const work = await tempDir();
    const name = 'n'.repeat(300);
    const result = await runCli([name, ...ARGS], { cwd: work });
    expectOneClearMessage(result, `cannot read ${join(work, name)}: a name on the path is too long (at most 255 bytes per folder or file name)`);
    expect(result.stderr).toContain('Choose a shorter folder name.');
    expect(await readdir(work)).toEqual([]);
  });

  it('upgrade --dry-run in a read-only landing zone refuses as the real upgrade would; --check still tells', async () => {
    const work = await tempDir();
    expect((await runCli(['lz', ...ARGS], { cwd: work })).exitCode).toBe(0);
    const target = join(work, 'lz');
    const bound = await execa('sh', ['-c', `mount --bind "${target}" "${target}" && mount -o remount,bind,ro "${target}"`], { reject: false });
    if (bound.exitCode !== 0) return; // mounting not allowed here: the create test above covers the check
    mounts.push(target);
    const before = await snapshotTree(target);
    for (const extra of [['--dry-run'], []]) {
      const result = await runCli(['upgrade', '--set', 'vpn=p2s', '--allow-dirty', ...extra], { cwd: target });
      expectOneClearMessage(result, `cannot write ${target}: the file system is read-only; nothing was changed`);
    }
    const check = await runCli(['upgrade', '--set', 'vpn=p2s', '--check'], { cwd: target });
    expect(check.exitCode, check.stderr).toBe(4);
    expect(await snapshotTree(target)).toEqual(before);
  });

  it('a reader that closes the pipe early (`| true`, `| head -1`) does not crash the CLI', async () => {
    for (const command of ['schema | true', '--help | head -1 >/dev/null']) {
      const result = await execa('bash', ['-c', `"${process.execPath}" "${BIN}" ${command}; echo "exit \${PIPESTATUS[0]}" >&2`], { reject: false });
      expect(result.stderr, command).toBe('exit 0');
    }
  });
});
