import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANSWER_KEYS, type PartialAnswers } from '../answers/schema.js';
import { UsageError } from '../errors.js';
import { BASE_PATH, STATE_PATH, STATE_SCHEMA_VERSION } from '../state.js';

/** What the last generation left in the repository: its answers and, per file, the content it wrote. */
export interface PreviousGeneration {
  readonly version: string;
  readonly answers: PartialAnswers;
  /** Where each stored answer came from: a default or derived one may give way when other answers change. */
  readonly sources: Readonly<Record<string, string>>;
  readonly base: ReadonlyMap<string, string>;
  /** What migrating the state to this version's schema changed, for the report. */
  readonly migrations: readonly string[];
}

interface StoredState {
  readonly schemaVersion: number;
  readonly generator: { readonly name: string; readonly version: string };
  readonly answers: Record<string, unknown>;
  readonly answerSources?: Record<string, string>;
  readonly files: Record<string, string>;
}

/**
 * How answers changed between state schema versions: a renamed answer carries its value over, a removed
 * one is dropped; either way the report says so. Version 2 only added base.json, so the list is empty.
 */
export interface AnswerMigration {
  /** The state schema version this migration upgrades from. */
  readonly from: number;
  readonly renamed?: Readonly<Record<string, string>>;
}
export const ANSWER_MIGRATIONS: readonly AnswerMigration[] = [];

/** Reads state.json and the merge base; reading the base of a version-1 state from git's objects is `readBlob`'s job. */
export async function readPreviousGeneration(
  dir: string,
  readBlob: (id: string) => Promise<string | undefined>,
  migrations: readonly AnswerMigration[] = ANSWER_MIGRATIONS,
): Promise<PreviousGeneration> {
  const state = await readState(dir, 'upgrade');
  const { answers, notes } = migrateAnswers(state, migrations);
  return { version: state.generator.version, answers, sources: state.answerSources ?? {}, base: await readBase(dir, state, readBlob), migrations: notes };
}

/** The stored answers in this version's terms, and the version that stored them; for `validate`. */
export async function readStoredAnswers(dir: string, migrations: readonly AnswerMigration[] = ANSWER_MIGRATIONS): Promise<{ version: string; answers: PartialAnswers }> {
  const state = await readState(dir, 'validate');
  return { version: state.generator.version, answers: migrateAnswers(state, migrations).answers };
}

async function readState(dir: string, command: 'upgrade' | 'validate'): Promise<StoredState> {
  const state = parseState(await readFile(join(dir, STATE_PATH), 'utf8').catch(() => {
    throw new UsageError(`${dir} holds no landing zone made by create-secure-ai-landing (no ${STATE_PATH}); nothing was changed`, [
      `Run ${command} in the folder that create generated, or create a landing zone first.`,
    ]);
  }));
  if (state.schemaVersion > STATE_SCHEMA_VERSION) {
    throw new UsageError(
      `${STATE_PATH} was written by create-secure-ai-landing ${state.generator.version} (state schema ${state.schemaVersion}), newer than this one (schema ${STATE_SCHEMA_VERSION}); nothing was changed`,
      [`Run the newer generator: npx create-secure-ai-landing@latest ${command}`],
    );
  }
  return state;
}

function parseState(text: string): StoredState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${STATE_PATH} is not valid JSON (${(error as Error).message}); nothing was changed`, ['Restore it from git: git checkout -- ' + STATE_PATH]);
  }
  const state = data as Partial<StoredState>;
  const valid = typeof state.schemaVersion === 'number' && typeof state.generator?.version === 'string' && typeof state.answers === 'object' && state.answers !== null && typeof state.files === 'object' && state.files !== null;
  if (!valid) throw new UsageError(`${STATE_PATH} lacks schemaVersion, generator, answers or files; nothing was changed`, ['Restore it from git: git checkout -- ' + STATE_PATH]);
  return state as StoredState;
}

function migrateAnswers(state: StoredState, migrations: readonly AnswerMigration[]): { answers: PartialAnswers; notes: string[] } {
  const answers: Record<string, unknown> = { ...state.answers };
  const notes: string[] = [];
  for (const migration of migrations.filter((candidate) => candidate.from >= state.schemaVersion).sort((a, b) => a.from - b.from)) {
    for (const [from, to] of Object.entries(migration.renamed ?? {})) {
      if (!(from in answers)) continue;
      answers[to] = answers[from];
      delete answers[from];
      notes.push(`the answer ${from} is now called ${to}; its value was kept`);
    }
  }
  for (const key of Object.keys(answers).filter((candidate) => !(ANSWER_KEYS as readonly string[]).includes(candidate))) {
    delete answers[key];
    notes.push(`the answer ${key} no longer exists in this version; it was dropped`);
  }
  return { answers: answers as PartialAnswers, notes };
}

/** base.json since state schema 2; before, the content git stored under each file's blob id. */
async function readBase(dir: string, state: StoredState, readBlob: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const stored = await readFile(join(dir, BASE_PATH), 'utf8').then((text) => JSON.parse(text) as { files?: Record<string, string> }, () => undefined);
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
