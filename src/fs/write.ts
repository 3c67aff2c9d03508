import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import type { RenderedTree } from '../render/render.js';
import { exists } from './target.js';

export interface WriteResult {
  readonly written: readonly string[];
  /** Files already present with exactly the content that would have been written. */
  readonly unchanged: readonly string[];
}

/**
 * Writes the rendered tree all or nothing. Everything is first written to a staging folder beside
 * the target (same file system, so moves are renames); then either the staging folder becomes the
 * target, or each file moves in and a failure moves nothing back in place: what was added is
 * removed again. A file the user already has is never overwritten: if one differs, nothing is written.
 */
export async function writeTree(target: string, tree: RenderedTree): Promise<WriteResult> {
  const { toWrite, unchanged } = await compareWithExisting(target, tree);
  const parentCreated = await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), '.secure-ai-landing-staging-'));
  try {
    for (const path of toWrite) {
      const staged = join(staging, path);
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, tree.get(path)!, 'utf8');
    }
    if (!(await exists(target))) {
      await rename(staging, target);
    } else {
      await moveInto(staging, target, toWrite);
    }
    return { written: toWrite, unchanged };
  } catch (error) {
    if (parentCreated) await rm(parentCreated, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function compareWithExisting(target: string, tree: RenderedTree) {
  const toWrite: string[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  for (const [path, content] of tree) {
    const existing = await readFile(join(target, path), 'utf8').catch(() => undefined);
    if (existing === undefined) toWrite.push(path);
    else if (existing === content) unchanged.push(path);
    else conflicts.push(path);
  }
  if (conflicts.length > 0) {
    throw new UsageError(
      `${target} already has ${conflicts.length === 1 ? 'a file' : 'files'} that the landing zone would overwrite; nothing was written`,
      [...conflicts.map((path) => `exists and differs: ${path}`), 'Move these files away, or generate into an empty folder.'],
    );
  }
  return { toWrite, unchanged };
}

/** Moves staged files into an existing folder; on failure removes what it added, deepest first. */
async function moveInto(staging: string, target: string, paths: readonly string[]): Promise<void> {
  const moved: string[] = [];
  const createdDirs: string[] = [];
  try {
    for (const path of paths) {
      const destination = join(target, path);
      const firstCreated = await mkdir(dirname(destination), { recursive: true });
      if (firstCreated) createdDirs.push(firstCreated);
      await rename(join(staging, path), destination);
      moved.push(destination);
    }
  } catch (error) {
    for (const file of moved.reverse()) await unlink(file).catch(() => undefined);
    for (const dir of createdDirs.reverse()) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

