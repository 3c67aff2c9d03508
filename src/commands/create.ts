import { basename, relative, resolve } from 'node:path';
import { readAnswersFile } from '../answers/config-file.js';
import { describeIssues } from '../answers/issues.js';
import { conditionallyRequired, finalize, mergeLayers, missingRequired, type Resolved } from '../answers/resolve.js';
import { ANSWER_KEYS, type AnswerKey, type PartialAnswers, PartialAnswersSchema } from '../answers/schema.js';
import type { ParsedArgs } from '../cli/args.js';
import { flagOf } from '../cli/flags.js';
import { CancelledError, EXIT, UsageError } from '../errors.js';
import { besideRepositoryFiles, placementIn } from '../fs/fresh-repository.js';
import { inspectTarget, type TargetState } from '../fs/target.js';
import { undoneWriteError } from '../fs/undone.js';
import { planWrite, type WritePlan, writeTree } from '../fs/write.js';
import { generateLandingZone } from '../generate.js';
import { type GitOutcome, initRepository } from '../git.js';
import type { PromptStreams } from '../prompts/ask.js';
import type { RenderedTree } from '../render/render.js';
import { InterruptedError, watchSignals } from '../signals.js';
import { type Io, isCi, todayIn } from '../ui/io.js';
import { plainReporter, type Reporter, silentReporter } from '../ui/reporter.js';
import { formatTree } from '../ui/tree.js';
import { GENERATOR_VERSION } from '../version.js';
import { checkModelChoice } from './create-model.js';
import { equivalentCommand, nextSteps, summaryLines } from './create-text.js';

/**
 * `create`: every decision (target folder, answers, confirmation) is taken before anything is
 * written; then the landing zone is planned and rendered in memory and written all or nothing.
 */
export async function runCreate(args: ParsedArgs, io: Io): Promise<number> {
  const { options } = args;
  const interactive = !options.yes && !options.json && !isCi(io.env) && io.stdin.isTTY === true && io.stdout.isTTY === true;
  // Prompts and their UI are evaluated only when a person is there to answer (they are in the bundle,
  // but their module code does not run in automation).
  const prompts = interactive ? await import('../prompts/ask.js') : undefined;
  const reporter: Reporter = options.json ? silentReporter() : interactive ? (await import('../ui/clack-reporter.js')).clackReporter(io) : plainReporter(io);
  // A getter: reading io.stdin makes Node's stdin stream, which a run without prompts never needs.
  const streams: PromptStreams = {
    get input() {
      return io.stdin;
    },
    output: io.stdout,
  };
  if (interactive) reporter.start(`create-secure-ai-landing ${GENERATOR_VERSION}`);

  const { flags } = args;
  const file = options.config ? await readAnswersFile(resolve(io.cwd, options.config), options.config) : {};
  // Before a conversation, refuse a flag that is already invalid; without one, the complete report of
  // every problem comes after resolving.
  const today = todayIn(io);
  if (prompts) {
    checkedLayer(flags);
    if (flags.model !== undefined) checkModelChoice(flags.model, today);
  }
  const targetArg = args.target ?? (await prompts?.askTarget(streams));
  if (targetArg === undefined) {
    throw new UsageError('no target folder given', ['Name it first, e.g.: create-secure-ai-landing my-landing-zone --location swedencentral --yes']);
  }
  const target = resolve(io.cwd, targetArg);
  const targetState = await inspectTarget(target);
  await confirmTarget(targetState, target, options.force, prompts && ((message) => prompts.askYesNo(message, false, streams)));

  const folderName = basename(target);
  const prompted = (await prompts?.askMissing({ ...file, ...flags }, folderName, streams)) ?? {};
  // A flag or file answer the conversation had to ask again is replaced by the answer given there.
  const notAskedAgain = (layer: PartialAnswers) => Object.fromEntries(Object.entries(layer).filter(([key]) => !(key in prompted))) as PartialAnswers;
  const resolved = resolveAnswers({ flags: notAskedAgain(flags), file: notAskedAgain(file), prompted }, folderName);
  const modelWarning = resolved.answers.services.includes('openai') ? checkModelChoice(resolved.answers.model, today) : undefined;
  const warnings = modelWarning ? [modelWarning] : [];
  for (const warning of warnings) reporter.warn(warning);
  if (prompts) {
    const again = equivalentCommand(resolved.answers, resolved.sources, relative(io.cwd, target) || '.');
    reporter.note('Your landing zone', summaryLines(resolved.answers, target));
    // Outside the box, which would break the line: the terminal wraps it, so it copies as one command.
    reporter.info(`The same without questions, for automation:\n${again}`);
    if (!(await prompts.askYesNo('Write it?', true, streams))) throw new CancelledError();
  }

  const placement = placementIn(targetState);
  const generated = await generateLandingZone(resolved, undefined, placement);
  const { plan } = generated;
  const { tree, replaceable } = await besideRepositoryFiles(target, targetState, generated.tree);
  const paths = [...tree.keys()];
  const shownTarget = relative(io.cwd, target) || '.';

  if (options.dryRun) {
    await planWrite(target, tree, replaceable).catch((error: unknown) => {
      throw undoneWriteError(error, target, 'nothing was written');
    });
    if (options.json) io.stdout.write(`${JSON.stringify({ ok: true, dryRun: true, target, answers: resolved.answers, warnings, files: paths }, null, 2)}\n`);
    else reporter.note(`Would write ${paths.length} files (dry run: nothing written)`, formatTree(shownTarget, paths));
    return 0;
  }

  const inFreshRepository = targetState.kind === 'fresh-repository';
  const job = { target, tree, executable: plan.executable, replaceable, git: options.git, inFreshRepository };
  const { result, git } = await writeAndCommit(job, io, reporter, shownTarget);

  if (options.json) {
    const summary = {
      ok: true,
      dryRun: false,
      target,
      answers: resolved.answers,
      answerSources: resolved.sources,
      warnings,
      files: paths,
      written: result.toWrite,
      unchanged: result.unchanged,
      git,
    };
    io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    reporter.note('Next steps', nextSteps(plan.model, shownTarget, placement));
    reporter.finish('Your landing zone is ready.');
  }
  return 0;
}

/**
 * The write and the first commit, with stop signals handled: one arriving before the files are in place
 * undoes the write (exit 130, the target as it was); after that, no further git step starts and the error
 * says precisely what exists (exit 1). A signal that comes when nothing is left to stop changes nothing.
 */
async function writeAndCommit(
  job: { target: string; tree: RenderedTree; executable: ReadonlySet<string>; replaceable: ReadonlySet<string>; git: boolean; inFreshRepository: boolean },
  io: Io,
  reporter: Reporter,
  shownTarget: string,
): Promise<{ result: WritePlan; git: GitOutcome }> {
  const { target, tree } = job;
  const signals = watchSignals(io.signals);
  const result = await reporter
    .task(`Writing ${tree.size} files`, `Wrote ${tree.size} files to ${shownTarget}`, () =>
      writeTree(target, tree, { executable: job.executable, checkpoint: signals.checkpoint, replaceable: job.replaceable }),
    )
    .catch((error: unknown) => {
      throw undoneWriteError(error, target, 'nothing was written');
    });
  const git: GitOutcome = job.git
    ? await initRepository(target, [...tree.keys()], GENERATOR_VERSION, () => signals.received !== undefined, job.inFreshRepository)
    : { status: 'skipped', reason: '--no-git' };
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

/** Before a conversation, flags are checked first, so that a typo never costs the whole conversation. */
function checkedLayer(flags: PartialAnswers): void {
  const result = PartialAnswersSchema.safeParse(flags);
  if (!result.success) throw new UsageError('invalid flags', describeIssues(result.error.issues, flags, 'flags'));
}

/**
 * Merges and validates the answers, and reports every problem at once: answers without a default
 * that are missing, invalid answers, and choices this version does not generate yet.
 */
function resolveAnswers(layers: { flags: PartialAnswers; file: PartialAnswers; prompted: PartialAnswers }, folderName: string): Resolved {
  const { merged, sources } = mergeLayers(layers, folderName);
  const missing = missingRequired(merged);
  const requiredBy = new Map(conditionallyRequired(merged).map(({ key, because }) => [key, because]));
  const missingLines = missing.map((key) =>
    key === 'name'
      ? `--name: the folder name "${folderName}" is not a valid workload name, so give one (2–10 lowercase letters, digits and single hyphens)`
      : `${flagOf(key)} is required${key === 'location' ? ', e.g. --location swedencentral' : requiredBy.has(key) ? ` with ${requiredBy.get(key)}` : ''}`,
  );
  const result = finalize(merged, sources);
  const issues = 'issues' in result ? result.issues.filter((issue) => !missing.includes(issue.path[0] as AnswerKey)) : [];
  const defaulted = new Set(ANSWER_KEYS.filter((key) => sources[key] === undefined || sources[key] === 'derived'));
  const problems = [...missingLines, ...describeIssues(issues, merged, 'answers', flagOf, defaulted)];
  const headline =
    missing.length > 0
      ? `missing ${missing.length === 1 ? 'an answer that has' : 'answers that have'} no default: ${missing.map(flagOf).join(', ')}`
      : 'invalid answers';
  if (problems.length > 0) throw new UsageError(`${headline}; nothing was written`, problems);
  return result as Resolved;
}

/** Decides about the target folder before any question: refuses what cannot be written, asks about a non-empty folder. */
async function confirmTarget(state: TargetState, target: string, force: boolean, ask?: (message: string) => Promise<boolean>): Promise<void> {
  switch (state.kind) {
    case 'missing':
    case 'empty':
    case 'fresh-repository':
      return;
    case 'not-a-folder':
      throw new UsageError(`${target} cannot be a folder: it, or a folder on its path, is a file; choose another folder`);
    case 'landing-zone':
      throw new UsageError(`${target} already holds a landing zone made by create-secure-ai-landing; nothing was written`, [
        'To bring it up to date, or to change an answer, run `npx create-secure-ai-landing@latest upgrade` in it.',
      ]);
    case 'non-empty': {
      if (force) return;
      const listing = `${state.entries.slice(0, 5).join(', ')}${state.entries.length > 5 ? ', …' : ''}`;
      if (!ask) {
        throw new UsageError(`${target} is not empty (${listing}); nothing was written`, [
          'Pass --force to add the landing zone beside these files (nothing is deleted or overwritten), or choose an empty folder.',
        ]);
      }
      if (!(await ask(`${target} is not empty (${listing}). Add the landing zone beside these files? Nothing is deleted or overwritten.`))) {
        throw new CancelledError();
      }
    }
  }
}
