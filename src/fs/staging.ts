import { closeSync, mkdirSync, mkdtempSync, open, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { checkWritable, exists } from './target.js';

/**
 * Where a write puts its files before they move into place: a folder on the same file system as the target
 * (inside it when it exists, beside it when it does not), so that moving them in is a rename.
 */
export interface Staging {
  /** The folder made for this write, removed when the write ends. */
  readonly folder: string;
  /** The tree's root inside `folder`: renamed to the target when the target is new. */
  readonly root: string;
  readonly targetExisted: boolean;
  /** The first folder above the target this write created, removed again on failure. */
  readonly parentCreated: string | undefined;
  /** The files created ahead, open and empty, by path, once the thread pool has created them all. */
  readonly opened: Promise<Map<string, number>>;
}

/**
 * Makes the staging folder and starts creating the files it will hold, before their content exists. Creating a
 * file costs several times what writing its content does (on the measured VM about 0.3 ms a file against well
 * under 0.1 ms), and each `open` here is one request that libuv's thread pool completes on its own: a caller that
 * renders meanwhile has the files made on another core. The folders are made synchronously, so that the `open`s
 * are queued before this returns (a step awaited here would wait for the caller's rendering to yield). A file
 * that cannot be created ahead is left out of `opened`, and the write creates it itself and reports what fails.
 */
export function openStaging(target: string, paths: readonly string[], executable: ReadonlySet<string>): Staging {
  checkWritable(target);
  const targetExisted = exists(target);
  const parentCreated = targetExisted ? undefined : mkdirSync(dirname(target), { recursive: true });
  let folder: string;
  try {
    folder = mkdtempSync(join(targetExisted ? target : dirname(target), '.secure-ai-landing-staging-'));
  } catch (error) {
    if (parentCreated) rmSync(parentCreated, { recursive: true, force: true });
    throw error;
  }
  // mkdtemp makes a private (0700) folder; the tree goes into a folder made with the usual permissions.
  const root = join(folder, basename(target));
  return { folder, root, targetExisted, parentCreated, opened: createAhead(root, paths, executable) };
}

/** Closes what was created ahead and not written, and removes the staging folder; safe to call more than once. */
export async function discardStaging(staging: Staging): Promise<void> {
  const opened = await staging.opened;
  for (const fd of opened.values()) closeSync(fd);
  opened.clear();
  await rm(staging.folder, { recursive: true, force: true });
}

/** Removes the staging folder and the target's parents this write made: nothing of the write remains. */
export async function abandonStaging(staging: Staging): Promise<void> {
  await discardStaging(staging);
  if (staging.parentCreated) await rm(staging.parentCreated, { recursive: true, force: true });
}

/** The mode a new file is written with: executable where the plan says so. */
export function modeOf(executable: boolean): number {
  return executable ? 0o755 : 0o644;
}

/** The folders now (a file's folder must exist before the file), then one `open` per file, all at once. */
function createAhead(root: string, paths: readonly string[], executable: ReadonlySet<string>): Promise<Map<string, number>> {
  const folders = new Set([root, ...paths.map((path) => dirname(join(root, path)))]);
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch {
      // The write meets the same failure and reports it with the file it was for.
    }
  }
  const opened = new Map<string, number>();
  let pending = paths.length;
  return new Promise((resolve) => {
    if (pending === 0) resolve(opened);
    for (const path of paths) {
      open(join(root, path), 'w', modeOf(executable.has(path)), (error, fd) => {
        if (!error) opened.set(path, fd);
        if (--pending === 0) resolve(opened);
      });
    }
  });
}
