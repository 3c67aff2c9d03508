import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const BIN = fileURLToPath(new URL('../../bin/create-secure-ai-landing.cjs', import.meta.url));

/** Git that ignores the machine's own configuration and can always commit. */
export const ISOLATED_GIT_ENV = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
};

/** Runs the built bin the way a shell would, with no terminal attached. */
export async function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }) {
  const result = await execa(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    reject: false,
    stdin: 'ignore',
    timeout: 30_000,
    env: { ...ISOLATED_GIT_ENV, ...options.env },
  });
  return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), timedOut: result.timedOut };
}

export const tempDir = (prefix = 'sail-') => mkdtemp(join(tmpdir(), prefix));

/** Every file and folder below `dir` with a hash of its content: equal snapshots mean nothing changed. */
export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true }).catch(() => [])) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        snapshot[`${relative(dir, path)}/`] = 'dir';
        await walk(path);
      } else {
        snapshot[relative(dir, path)] = createHash('sha256')
          .update(await readFile(path))
          .digest('hex');
      }
    }
  };
  await walk(dir);
  return snapshot;
}
