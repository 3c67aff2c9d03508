import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { STATE_PATH } from '../state.js';

export type TargetState =
  | { readonly kind: 'missing' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'non-empty'; readonly entries: readonly string[] }
  | { readonly kind: 'landing-zone' }
  /** A clone of a repository GitHub just created: only `.git` and the files GitHub offers to add. */
  | { readonly kind: 'fresh-repository'; readonly files: readonly string[] }
  | { readonly kind: 'not-a-folder' };

/** A folder holding only `.git` counts as empty: a freshly cloned empty repository is a fine target. */
const IGNORED_ENTRIES = new Set(['.git']);

/**
 * What GitHub's "create a new repository" adds when asked to: a README, a license and a .gitignore.
 * Such a clone is a target without --force: the license stays, the .gitignore is merged, and the
 * person's README stays with the generated one beside it.
 */
export const FRESH_REPOSITORY_FILES: ReadonlySet<string> = new Set(['README.md', 'LICENSE', '.gitignore']);

export async function inspectTarget(dir: string): Promise<TargetState> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    // A file where a folder on the path should be: `create notes.txt/lz`.
    if (code === 'ENOTDIR') return { kind: 'not-a-folder' };
    throw error;
  }
  if (!info.isDirectory()) return { kind: 'not-a-folder' };
  if (await exists(join(dir, STATE_PATH))) return { kind: 'landing-zone' };
  const all = await readdir(dir);
  const entries = all.filter((entry) => !IGNORED_ENTRIES.has(entry)).sort();
  if (entries.length === 0) return { kind: 'empty' };
  if (all.includes('.git') && entries.every((entry) => FRESH_REPOSITORY_FILES.has(entry))) return { kind: 'fresh-repository', files: entries };
  return { kind: 'non-empty', entries };
}

/**
 * Refuses, before anything is written, a target that cannot be written: the target, or the nearest
 * folder above it that exists, must allow writing. access(2) answers EACCES for a folder without
 * write permission and EROFS on a read-only file system (the latter even for root), exactly what a
 * real write would meet first, so `--dry-run` refuses what a real run would.
 */
export async function checkWritable(target: string): Promise<void> {
  let dir = target;
  while (!(await exists(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  await access(dir, constants.W_OK | constants.X_OK);
}

/** Whether something is at the path; only "nothing there" is false, other errors (EACCES, EIO…) are thrown. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

/** A file's text, or undefined when there is no such file; a file that cannot be read (EACCES, EISDIR…) is an error, not "missing". */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** ENOENT, or ENOTDIR where a file stands where a folder of the path should be. */
const isMissing = (error: unknown) => ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '');
