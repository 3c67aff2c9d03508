import { abandonStaging, openStaging, type Staging } from '../fs/staging.js';
import { undoneWriteError } from '../fs/undone.js';
import { type WritePlan, writeTree } from '../fs/write.js';
import { commitInCreated, createRepository, type GitOutcome, initRepository } from '../git.js';
import type { RenderedTree } from '../render/render.js';
import { EXIT } from '../errors.js';
import { InterruptedError, type SignalWatch } from '../signals.js';
import type { Reporter } from '../ui/reporter.js';
import { GENERATOR_VERSION } from '../version.js';

/**
 * The steps of the write that need no content, started as soon as the plan names the files, so that they run
 * while the landing zone renders: the staging folder with its files created (see staging.ts), and for a new
 * target the repository, made in the staging folder (`git rev-parse` and `git init`, two processes).
 */
export interface EarlyWrite {
  readonly staging: Promise<Staging>;
  /** Whether the repository was made (undefined), or why not; absent when the repository is made after the write. */
  readonly repository?: Promise<GitOutcome | undefined>;
}

export function startWrite(target: string, paths: readonly string[], executable: ReadonlySet<string>, createRepositoryAhead: boolean): EarlyWrite {
  // A failure is the write's to report (it awaits the staging); until then it is not an unhandled rejection.
  const staging = new Promise<Staging>((resolve) => resolve(openStaging(target, paths, executable)));
  staging.catch(() => undefined);
  if (!createRepositoryAhead) return { staging };
  const notStaged: GitOutcome = { status: 'skipped', reason: 'nothing was written' };
  return {
    staging,
    repository: staging.then(
      ({ root }) => createRepository(root),
      () => notStaged,
    ),
  };
}

/** Undoes an early write that never got to writing (rendering failed): the target stays as it was. */
export async function abandonWrite(early: EarlyWrite): Promise<void> {
  await early.repository;
  await early.staging.then(abandonStaging, () => undefined);
}

export interface WriteJob {
  readonly target: string;
  readonly tree: RenderedTree;
  readonly executable: ReadonlySet<string>;
  readonly replaceable: ReadonlySet<string>;
  readonly git: boolean;
  readonly inFreshRepository: boolean;
  readonly early: EarlyWrite;
}

/**
 * The write and the first commit, with stop signals handled: one arriving before the files are in place
 * undoes the write (exit 130, the target as it was); after that, no further git step starts and the error
 * says precisely what exists (exit 1). A signal that comes when nothing is left to stop changes nothing.
 */
export async function writeAndCommit(
  job: WriteJob,
  signals: SignalWatch,
  reporter: Reporter,
  shownTarget: string,
): Promise<{ result: WritePlan; git: GitOutcome }> {
  const { target, tree, early } = job;
  // git must be done in the staging folder before it moves into place.
  const created = await early.repository;
  const result = await reporter
    .task(`Writing ${tree.size} files`, `Wrote ${tree.size} files to ${shownTarget}`, () =>
      writeTree(target, tree, { executable: job.executable, checkpoint: signals.checkpoint, replaceable: job.replaceable, staging: early.staging }),
    )
    .catch((error: unknown) => {
      throw undoneWriteError(error, target, 'nothing was written');
    });
  const stopped = () => signals.received !== undefined;
  const paths = [...tree.keys()];
  const git: GitOutcome = !job.git
    ? { status: 'skipped', reason: '--no-git' }
    : early.repository
      ? await commitInCreated(target, created, paths, GENERATOR_VERSION, stopped)
      : await initRepository(target, paths, GENERATOR_VERSION, stopped, job.inFreshRepository);
  if (git.status === 'interrupted') {
    const signal = signals.received!;
    throw new InterruptedError(
      signal,
      `interrupted by ${signal} after the files were written`,
      [`${target} holds all ${tree.size} generated files.`, `git: ${git.reason}.`],
      EXIT.failure,
    );
  }
  if (git.status === 'skipped' && job.git) reporter.warn(`no first commit: ${git.reason}`);
  return { result, git };
}
