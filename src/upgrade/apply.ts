import { copyFile, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** One file's new content, or `undefined` to remove it. */
export interface FileChange {
  readonly path: string;
  readonly content: string | undefined;
}

/**
 * Applies every change or none: the files about to change are first copied to a backup folder inside the
 * target; if any write fails, every touched file is put back (and every added one removed) before the error
 * goes on. New content is written beside its file and renamed over it, so no file is ever half written.
 */
export async function applyAll(target: string, changes: readonly FileChange[], writeHook: (path: string) => Promise<void> = async () => undefined): Promise<void> {
  const backup = await mkdtemp(join(target, '.secure-ai-landing-upgrade-'));
  const touched: { path: string; existed: boolean }[] = [];
  try {
    for (const { path } of changes) {
      const existed = await readFile(join(target, path)).then(() => true, () => false);
      if (existed) {
        await mkdir(dirname(join(backup, path)), { recursive: true });
        await copyFile(join(target, path), join(backup, path));
      }
      touched.push({ path, existed });
    }
    for (const { path, content } of changes) {
      await writeHook(path);
      const file = join(target, path);
      if (content === undefined) {
        await unlink(file).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      } else {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(`${file}.upgrade-tmp`, content, { encoding: 'utf8', mode: path.endsWith('.sh') ? 0o755 : 0o644 });
        await rename(`${file}.upgrade-tmp`, file);
      }
    }
  } catch (error) {
    for (const { path, existed } of touched) {
      const file = join(target, path);
      await rm(`${file}.upgrade-tmp`, { force: true });
      if (existed) await copyFile(join(backup, path), file);
      else await rm(file, { force: true });
    }
    throw error;
  } finally {
    await rm(backup, { recursive: true, force: true });
  }
}
