import { checkWritable, readTextIfExists } from '../fs/target.js';
import { basename, join, relative, resolve } from 'node:path';
import { readAnswersFile } from '../answers/config-file.js';
import { describeIssues } from '../answers/issues.js';
import { finalize, mergeLayers, type Resolved } from '../answers/resolve.js';
import { ANSWER_KEYS, type PartialAnswers } from '../answers/schema.js';
import type { ParsedArgs } from '../cli/args.js';
import { flagOf } from '../cli/flags.js';
import { EXIT, UsageError } from '../errors.js';
import { conflictMarkerLinesText, findConflictMarkers } from '../fs/conflict-markers.js';
import { undoneWriteError } from '../fs/undone.js';
import { readGitBlob, uncommittedChanges } from '../git.js';
import { CHANGELOG_PATH, TEMPLATES_DIR } from '../paths.js';
import { generateLandingZone } from '../generate.js';
import { watchSignals } from '../signals.js';
import { STATE_FILES } from '../state.js';
import { type Io, todayIn } from '../ui/io.js';
import { applyAll, type FileChange } from '../upgrade/apply.js';
import { unifiedDiff } from '../upgrade/diff.js';
import { decide, type FileAction } from '../upgrade/merge.js';
import { modelVersionNotes } from '../upgrade/model-versions.js';
import { type PreviousGeneration, readPreviousGeneration } from '../upgrade/previous.js';
import { type ReleaseNote, releasesBetween } from '../upgrade/release-notes.js';
import { GENERATOR_VERSION } from '../version.js';
import { checkModelChoice } from './create-model.js';
import { answersFromSet } from './upgrade-set.js';

export interface FileOutcome {
  readonly path: string;
  readonly action: FileAction['kind'];
}

/** What each kind of outcome is called in the report. */
const ACTION_TEXT: Record<FileAction['kind'], string> = {
  unchanged: 'unchanged',
  add: 'added',
  update: 'updated',
  'keep-edits': 'kept (your edits; the generator did not change it)',
  merge: "merged (your edits and the generator's)",
  conflict: 'CONFLICT (both changed the same lines: resolve the markers)',
  remove: 'removed (no longer generated, never edited)',
  'keep-deleted': 'stays deleted (you deleted it)',
  'keep-orphan': 'kept (no longer generated, but you edited it: delete it if it is no longer needed)',
};

/**
 * `upgrade`: regenerates the landing zone with this version of the generator and the stored answers
 * (changed by --set, answer flags or --config), and merges the result into the user's files, all or nothing.
 */
export async function runUpgrade(args: ParsedArgs, io: Io, templatesDir: string = TEMPLATES_DIR): Promise<number> {
  const { options } = args;
  const target = resolve(io.cwd, args.target ?? '.');
  const changesNothing = options.dryRun || options.check;
  if (!options.allowDirty && !changesNothing) {
    const dirty = await uncommittedChanges(target);
    if (dirty && dirty.length > 0) {
      throw new UsageError(`${target} has uncommitted changes; nothing was changed`, [
        ...dirty.slice(0, 5),
        "Commit or stash them first, so that the upgrade's changes can be reviewed and undone on their own (or pass --allow-dirty).",
      ]);
    }
  }

  const previous = await readPreviousGeneration(target, (id) => readGitBlob(target, id));
  await refuseConflictMarkers(target, previous.base.keys());
  // A dry run refuses what the real run would; --check only tells, and works in a read-only checkout.
  if (!options.check) {
    await checkWritable(target).catch((error: unknown) => {
      throw undoneWriteError(error, target, 'nothing was changed');
    });
  }
  const answers = await resolveAnswers(args, io, previous, basename(target));
  // Moving to a retired model is refused as create refuses it; one already there is reported below instead.
  if (answers.answers.model !== previous.answers.model && answers.answers.services.includes('openai')) checkModelChoice(answers.answers.model, todayIn(io));
  const { plan, landingZone: next, tree } = await generateLandingZone(answers, templatesDir, previous.placement);
  const labels = { current: 'your edits', next: `create-secure-ai-landing ${GENERATOR_VERSION}` };

  const outcomes: FileOutcome[] = [];
  const changes: FileChange[] = [];
  const diffs: string[] = [];
  // The parameter files as the upgrade leaves them: the model versions they deploy are judged below.
  const parameterFiles = new Map<string, string>();
  for (const path of [...new Set([...previous.base.keys(), ...next.keys()])].sort()) {
    const current = await readTextIfExists(join(target, path));
    const action = decide({ base: previous.base.get(path), current, next: next.get(path) }, labels);
    outcomes.push({ path, action: action.kind });
    const content = 'content' in action ? action.content : action.kind === 'remove' ? undefined : current;
    if (content !== undefined && /^infra\/params\/[^/]+\.bicepparam$/.test(path)) parameterFiles.set(path, content);
    if (content !== current) {
      changes.push({ path, content, executable: plan.executable.has(path) });
      diffs.push(unifiedDiff(path, current, content));
    }
  }
  const landingZoneChanged = changes.length > 0;
  for (const path of STATE_FILES) {
    const content = tree.get(path)!;
    const current = await readTextIfExists(join(target, path));
    if (current !== content) changes.push({ path, content });
  }

  const conflicts = outcomes.filter((outcome) => outcome.action === 'conflict').map((outcome) => outcome.path);
  const changedAnswers = ANSWER_KEYS.filter((key) => JSON.stringify(previous.answers[key]) !== JSON.stringify(answers.answers[key]));
  const summary = {
    target,
    from: previous.version,
    to: GENERATOR_VERSION,
    releases: releasesBetween((await readTextIfExists(CHANGELOG_PATH)) ?? '', previous.version, GENERATOR_VERSION),
    changedAnswers: Object.fromEntries(changedAnswers.map((key) => [key, { from: previous.answers[key], to: answers.answers[key] }])),
    migrations: previous.migrations,
    models: modelVersionNotes(parameterFiles, todayIn(io)),
    files: outcomes.filter((outcome) => outcome.action !== 'unchanged'),
    conflicts,
  };

  if (options.check || options.dryRun) {
    report(
      io,
      options.json,
      { ...summary, ok: true, dryRun: options.dryRun, check: options.check, wouldChange: landingZoneChanged },
      options.dryRun ? diffs : [],
    );
    return options.check && changes.length > 0 ? EXIT.outdated : EXIT.ok;
  }
  if (changes.length > 0) await applyStoppably(target, changes, io);
  report(
    io,
    options.json,
    { ...summary, ok: true, dryRun: false, check: false, changed: changes.map((change) => change.path).filter((path) => !STATE_FILES.includes(path)) },
    [],
  );
  return conflicts.length > 0 ? EXIT.conflicts : EXIT.ok;
}

/**
 * Markers committed by mistake would be merged as if they were content (and a later upgrade could no
 * longer tell them from its own): upgrade, --check and --dry-run refuse until they are resolved.
 */
async function refuseConflictMarkers(target: string, tracked: Iterable<string>): Promise<void> {
  const markers = await findConflictMarkers(target, tracked);
  if (markers.length === 0) return;
  const files = [...new Set(markers.map((marker) => marker.path))];
  throw new UsageError(`unresolved conflict markers in ${files.join(', ')}; nothing was changed`, [
    ...conflictMarkerLinesText(markers),
    'Resolve each conflict (keep the lines you want, delete the <<<<<<<, ======= and >>>>>>> lines), commit, then run upgrade again.',
  ]);
}

/**
 * Applies the changes all or nothing, also when a stop signal (Ctrl-C, SIGTERM) arrives while they are
 * written: every file is then put back and the run ends with 130, the folder exactly as it was.
 */
async function applyStoppably(target: string, changes: readonly FileChange[], io: Io): Promise<void> {
  const signals = watchSignals(io.signals);
  await applyAll(target, changes, async () => signals.checkpoint()).catch((error: unknown) => {
    throw undoneWriteError(error, target, 'nothing was changed');
  });
}

/**
 * Stored answers, then --config over them, then --set and answer flags over both; validated like create's.
 * A stored answer that was a default or derived (e.g. the VPN's client pool) gives way when a changed answer
 * makes it invalid (`--set vpn=none`); one the user chose never does, and its conflict is reported.
 */
async function resolveAnswers(args: ParsedArgs, io: Io, previous: PreviousGeneration, folderName: string) {
  const config = args.options.config ? await readAnswersFile(resolve(io.cwd, args.options.config), args.options.config) : {};
  const flags = { ...args.flags, ...answersFromSet(args.options.set) };
  const attempt = (stored: PartialAnswers) => {
    const layers = mergeLayers({ flags, file: { ...stored, ...config } }, folderName);
    return { ...layers, result: finalize(layers.merged, layers.sources) };
  };
  // An answer carried over keeps where it first came from (a default stays a default, and may give way later).
  const withOriginalSources = (resolved: Resolved): Resolved => ({
    ...resolved,
    sources: Object.fromEntries(
      Object.entries(resolved.sources).map(([key, source]) => [key, source === 'file' && !(key in config) ? (previous.sources[key] ?? source) : source]),
    ) as Resolved['sources'],
  });
  const first = attempt(previous.answers);
  if (!('issues' in first.result)) return withOriginalSources(first.result);
  const given = new Set([...Object.keys(flags), ...Object.keys(config)]);
  const yielding = first.result.issues
    .map((issue) => String(issue.path[0]))
    .filter((key) => !given.has(key) && ['default', 'derived'].includes(previous.sources[key] ?? ''));
  const retried = yielding.length > 0 ? attempt(Object.fromEntries(Object.entries(previous.answers).filter(([key]) => !yielding.includes(key)))) : first;
  if ('issues' in retried.result)
    throw new UsageError('invalid answers; nothing was changed', describeIssues(retried.result.issues, retried.merged, 'answers', flagOf));
  return withOriginalSources(retried.result);
}

type Summary = Record<string, unknown> & {
  target: string;
  from: string;
  to: string;
  files: FileOutcome[];
  conflicts: string[];
  releases: readonly ReleaseNote[];
  changedAnswers: Record<string, { from: unknown; to: unknown }>;
  migrations: readonly string[];
  models: readonly string[];
};

function report(io: Io, json: boolean, summary: Summary, diffs: readonly string[]): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(diffs.length > 0 ? { ...summary, diff: diffs.join('\n') } : summary, null, 2)}\n`);
    return;
  }
  const shown = relative(io.cwd, summary.target) || '.';
  const lines = [
    `Upgrade of ${shown}: create-secure-ai-landing ${summary.from} → ${summary.to}${summary.dryRun ? ' (dry run: nothing changed)' : summary.check ? ' (check: nothing changed)' : ''}`,
  ];
  for (const release of summary.releases) lines.push(`  release ${release.version}: ${release.changes || 'see CHANGELOG.md'}`);
  for (const note of summary.migrations) lines.push(`  note: ${note}`);
  for (const note of summary.models) lines.push(`  model: ${note}`);
  const shownValue = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
  for (const [key, change] of Object.entries(summary.changedAnswers)) lines.push(`  answer ${key}: ${shownValue(change.from)} → ${shownValue(change.to)}`);
  const changing = summary.files.filter((file) => !['keep-edits', 'keep-deleted', 'keep-orphan'].includes(file.action));
  if (changing.length === 0) lines.push('  Nothing to change: every file is up to date.');
  for (const file of summary.files) lines.push(`  ${file.path}: ${ACTION_TEXT[file.action]}`);
  if (summary.conflicts.length > 0) {
    lines.push(`${summary.conflicts.length} file(s) with conflicts: resolve the <<<<<<< ======= >>>>>>> markers, then commit.`);
  }
  io.stdout.write(`${lines.join('\n')}\n${diffs.length > 0 ? `\n${diffs.join('\n')}\n` : ''}`);
}
