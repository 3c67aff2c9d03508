import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { RenderedTree } from '../render/render.js';
import { withPath } from '../system-error.js';
import { checkWritable, exists, readTextIfExists } from './target.js';

export interface WritePlan {
  readonly toWrite: readonly string[];
  /** Files already present with exactly the content that would have been written. */
  readonly unchanged: readonly string[];
}

/**
 * What writing would do. A file the user already has is never overwritten unless it is `replaceable`
 * (a .gitignore merged with the user's lines): if one differs, this refuses before anything is written
 * (and `--dry-run` refuses the same way).
 */
export async function planWrite(target: string, tree: RenderedTree, replaceable: ReadonlySet<string> = new Set()): Promise<WritePlan> {
  await checkWritable(target);
  // A new folder holds nothing to compare with: one check instead of a failed read per file.
  if (!(await exists(target))) return { toWrite: [...tree.keys()], unchanged: [] };
  const toWrite: string[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  for (const [path, content] of tree) {
    const existing = await readTextIfExists(join(target, path));
    if (existing === undefined) toWrite.push(path);
    else if (existing === content) unchanged.push(path);
    else if (replaceable.has(path)) toWrite.push(path);
    else conflicts.push(path);
  }
  if (conflicts.length > 0) {
    throw new UsageError(`${target} already has ${conflicts.length === 1 ? 'a file' : 'files'} that the landing zone would overwrite; nothing was written`, [
      ...conflicts.map((path) => `exists and differs: ${path}`),
      'Move these files away, or generate into an empty folder.',
    ]);
  }
  return { toWrite, unchanged };
}

export interface WriteOptions {
  /** Files written executable. */
  readonly executable?: ReadonlySet<string>;
  /** Called between steps; throws when the run is to stop (a signal). */
  readonly checkpoint?: () => void;
  /** Existing files that may be replaced (kept aside until the write is complete, and put back on failure). */
  readonly replaceable?: ReadonlySet<string>;
}

/**
 * Writes the rendered tree all or nothing. Files are first written to a staging folder on the same
 * file system (inside the target when it exists, beside it when it does not), so that moving them
 * in is a rename. A new target is the staged folder renamed (one atomic step); into an existing one
 * each file moves in, and a failure removes again whatever was added. `checkpoint` is called between
 * steps and throws when the run is to stop (a signal): that too undoes everything before it goes on.
 */
export async function writeTree(target: string, tree: RenderedTree, options: WriteOptions = {}): Promise<WritePlan> {
  const { executable = new Set(), checkpoint = () => undefined, replaceable } = options;
  const plan = await planWrite(target, tree, replaceable);
  const targetExists = await exists(target);
  const parentCreated = targetExists ? undefined : await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(targetExists ? target : dirname(target), '.secure-ai-landing-staging-'));
  // mkdtemp makes a private (0700) folder; the tree goes into a folder made with the usual permissions.
  const stagedRoot = join(staging, basename(target));
  try {
    stage(stagedRoot, tree, plan.toWrite, { executable, checkpoint });
    if (targetExists) await moveInto({ stagedRoot, replacedRoot: join(staging, 'replaced') }, target, plan.toWrite, checkpoint);
    else {
      await mkdir(stagedRoot, { recursive: true });
      checkpoint();
      await rename(stagedRoot, target);
    }
    return plan;
  } catch (error) {
    if (parentCreated) await rm(parentCreated, { recursive: true, force: true });
    throw withFinalPath(error, stagedRoot, target);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Writes the files into the staging folder, synchronously: a hundred and more small files cost a few milliseconds
 * this way, several times that as promises. A stop signal that arrives meanwhile is handled right after, at the
 * checkpoint before anything is moved into place, so the run is still undone.
 */
function stage(
  stagedRoot: string,
  tree: RenderedTree,
  paths: readonly string[],
  { executable, checkpoint }: { executable: ReadonlySet<string>; checkpoint: () => void },
): void {
  const made = new Set<string>();
  for (const path of paths) {
    checkpoint();
    const staged = join(stagedRoot, path);
    try {
      const folder = dirname(staged);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(staged, tree.get(path)!, { encoding: 'utf8', mode: modeOf(executable.has(path)) });
    } catch (error) {
      throw withPath(error, staged);
    }
  }
}

/** A failure in the staging folder names the file where it was going: the staging folder is gone. */
function withFinalPath(error: unknown, stagedRoot: string, target: string): unknown {
  const failure = error as NodeJS.ErrnoException;
  if (typeof failure.path === 'string' && failure.path.startsWith(stagedRoot)) failure.path = target + failure.path.slice(stagedRoot.length);
  return error;
}

/** The mode a new file is written with: executable where the plan says so. */
export function modeOf(executable: boolean): number {
  return executable ? 0o755 : 0o644;
}

/**
 * Moves staged files into an existing folder; a file it replaces is first moved aside. On failure (or a
 * stop) it removes what it added, deepest first, and puts the replaced files back: the folder as it was.
 */
async function moveInto(
  { stagedRoot, replacedRoot }: { stagedRoot: string; replacedRoot: string },
  target: string,
  paths: readonly string[],
  checkpoint: () => void,
): Promise<void> {
  const moved: string[] = [];
  const replaced: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const path of paths) {
      checkpoint();
      const destination = join(target, path);
      const firstCreated = await mkdir(dirname(destination), { recursive: true });
      if (firstCreated) createdDirs.push(firstCreated);
      if (await exists(destination)) {
        await mkdir(dirname(join(replacedRoot, path)), { recursive: true });
        await rename(destination, join(replacedRoot, path));
        replaced.push(path);
      }
      await rename(join(stagedRoot, path), destination);
      moved.push(destination);
    }
  } catch (error) {
    for (const file of moved.reverse()) await unlink(file).catch(() => undefined);
    for (const path of replaced) await rename(join(replacedRoot, path), join(target, path)).catch(() => undefined);
    for (const dir of createdDirs.reverse()) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}
