import { copyFile, lstat, mkdir, mkdtemp, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { modeOf } from '../fs/write.js';
import { withPath } from '../system-error.js';

/** One file's new content, or `undefined` to remove it. */
export interface FileChange {
  readonly path: string;
  readonly content: string | undefined;
  /** A new file is written executable (a file that exists keeps its own permissions). */
  readonly executable?: boolean;
}

/**
 * Applies every change or none: the files about to change are first copied to a backup folder inside the
 * target; if any write fails, every touched file is put back (and every added one removed) before the error
 * goes on. New content is written beside its file and renamed over it, so no file is ever half written.
 */
export async function applyAll(
  target: string,
  changes: readonly FileChange[],
  writeHook: (path: string) => Promise<void> = async () => undefined,
): Promise<void> {
  const backup = await mkdtemp(join(target, '.secure-ai-landing-upgrade-'));
  const touched: { path: string; mode?: number }[] = [];
  const createdDirs: string[] = [];
  try {
    for (const { path } of changes) {
      const mode = await lstat(join(target, path)).then(
        (info) => info.mode & 0o777,
        () => undefined,
      );
      if (mode !== undefined) {
        await mkdir(dirname(join(backup, path)), { recursive: true });
        await copyFile(join(target, path), join(backup, path));
      }
      touched.push({ path, ...(mode !== undefined && { mode }) });
    }
    for (const [index, { path, content }] of changes.entries()) {
      await writeHook(path);
      const file = join(target, path);
      if (content === undefined) {
        await unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      } else {
        const created = await mkdir(dirname(file), { recursive: true });
        if (created) createdDirs.push(created);
        // A file keeps the permissions it has (the user may have made a script executable).
        await writeFile(`${file}.upgrade-tmp`, content, { encoding: 'utf8', mode: touched[index]!.mode ?? modeOf(changes[index]!.executable === true) }).catch(
          (error: unknown) => {
            throw withPath(error, file);
          },
        );
        await rename(`${file}.upgrade-tmp`, file);
      }
    }
  } catch (error) {
    // Every file is put back on its own: one that cannot be restored must not keep the others from it.
    const unrestored: string[] = [];
    for (const { path, mode } of touched) {
      const file = join(target, path);
      try {
        await rm(`${file}.upgrade-tmp`, { force: true });
        if (mode !== undefined) await copyFile(join(backup, path), file);
        else await rm(file, { force: true });
      } catch {
        unrestored.push(path);
      }
    }
    for (const dir of createdDirs.reverse()) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    if (unrestored.length > 0) {
      throw new Error(`${(error as Error).message}; and these files could not be restored: ${unrestored.join(', ')} (backup kept in ${backup})`);
    }
    await rm(backup, { recursive: true, force: true });
    throw error;
  }
  await rm(backup, { recursive: true, force: true });
}
