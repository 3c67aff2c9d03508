import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PartialAnswers } from '../answers/schema.js';
import { UsageError } from '../errors.js';
import { BASE_PATH, type Placement } from '../state.js';
import { ANSWER_MIGRATIONS, type AnswerMigration, migrateAnswers, readState, type StoredState } from '../stored-state.js';

/** What the last generation left in the repository: its answers and, per file, the content it wrote. */
export interface PreviousGeneration {
  readonly version: string;
  readonly answers: PartialAnswers;
  /** Where each stored answer came from: a default or derived one may give way when other answers change. */
  readonly sources: Readonly<Record<string, string>>;
  readonly base: ReadonlyMap<string, string>;
  /** Where the last generation put files that do not go to their usual path. */
  readonly placement: Placement;
  /** What migrating the state to this version's schema changed, for the report. */
  readonly migrations: readonly string[];
}

/** Reads state.json and the merge base; reading the base of a version-1 state from git's objects is `readBlob`'s job. */
export async function readPreviousGeneration(
  dir: string,
  readBlob: (id: string) => Promise<string | undefined>,
  migrations: readonly AnswerMigration[] = ANSWER_MIGRATIONS,
): Promise<PreviousGeneration> {
  const state = await readState(dir, 'upgrade');
  const { answers, notes } = migrateAnswers(state, migrations);
  return {
    version: state.generator.version,
    answers,
    sources: state.answerSources ?? {},
    base: await readBase(dir, state, readBlob),
    migrations: notes,
    placement: state.placement ?? {},
  };
}

/** base.json since state schema 2; before, the content git stored under each file's blob id. */
async function readBase(dir: string, state: StoredState, readBlob: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const stored = await readFile(join(dir, BASE_PATH), 'utf8').then(
    (text) => JSON.parse(text) as { files?: Record<string, string> },
    () => undefined,
  );
  if (stored?.files) return new Map(Object.entries(stored.files));
  const base = new Map<string, string>();
  const missing: string[] = [];
  for (const [path, id] of Object.entries(state.files)) {
    const content = await readBlob(id);
    if (content === undefined) missing.push(path);
    else base.set(path, content);
  }
  if (missing.length > 0) {
    throw new UsageError(`the content generated last time is not available (no ${BASE_PATH}, and git does not hold it); nothing was changed`, [
      `missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
      'Upgrade in a full clone (not shallow) whose history holds the generated commit.',
    ]);
  }
  return base;
}
