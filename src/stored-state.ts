import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasAvailabilityZones } from './answers/locations.js';
import { ANSWER_KEYS, type AnswerKey, type PartialAnswers } from './answers/schema.js';
import { UsageError } from './errors.js';
import { type Placement, STATE_PATH, STATE_SCHEMA_VERSION } from './state.js';

/**
 * Reading back what state.ts wrote: the state file of a generated repository, refused when it is missing,
 * broken or newer than this generator, and its answers in this version's terms. `upgrade` and `validate`
 * both start here, so they agree on what a landing zone made by this tool is.
 */

/** state.json as stateFile wrote it, in this or an earlier state schema. */
export interface StoredState {
  readonly schemaVersion: number;
  readonly generator: { readonly name: string; readonly version: string };
  readonly answers: Record<string, unknown>;
  readonly answerSources?: Record<string, string>;
  /** Where the README went beside the repository's own; absent (also in older states) means the usual places. */
  readonly placement?: Placement;
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

/**
 * Answers added since a state may have been written, with the value that keeps what its generator built,
 * whatever the new answer's default: upgrading must not redeploy a resource differently on its own.
 */
export const ADDED_ANSWERS: Readonly<
  Partial<Record<AnswerKey, { readonly keep: (answers: Readonly<Record<string, unknown>>) => unknown; readonly why: string }>>
> = {
  // Before the answer existed, the agents' Cosmos DB account was zone-redundant wherever the region has zones, and
  // an existing account's zone redundancy cannot change.
  cosmosZoneRedundant: {
    keep: (answers) => answers.agents === true && typeof answers.location === 'string' && hasAvailabilityZones(answers.location),
    why: "the agents' Cosmos DB account was created that way and its zone redundancy cannot change",
  },
};

/** The command that reads the state: its errors tell the user where to run it. */
export type StateReader = 'upgrade' | 'validate';

/** The state of the repository in `dir`; a UsageError (exit 2) when there is none, it is broken, or a newer generator wrote it. */
export async function readState(dir: string, command: StateReader): Promise<StoredState> {
  const state = parseState(
    await readFile(join(dir, STATE_PATH), 'utf8').catch(() => {
      throw new UsageError(`${dir} holds no landing zone made by create-secure-ai-landing (no ${STATE_PATH}); nothing was changed`, [
        `Run ${command} in the folder that create generated, or create a landing zone first.`,
      ]);
    }),
  );
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
    throw new UsageError(`${STATE_PATH} is not valid JSON (${(error as Error).message}); nothing was changed`, [
      'Restore it from git: git checkout -- ' + STATE_PATH,
    ]);
  }
  const state = data as Partial<StoredState>;
  const valid =
    typeof state.schemaVersion === 'number' &&
    typeof state.generator?.version === 'string' &&
    typeof state.answers === 'object' &&
    state.answers !== null &&
    typeof state.files === 'object' &&
    state.files !== null;
  if (!valid)
    throw new UsageError(`${STATE_PATH} lacks schemaVersion, generator, answers or files; nothing was changed`, [
      'Restore it from git: git checkout -- ' + STATE_PATH,
    ]);
  return state as StoredState;
}

/** The stored answers in this version's terms, and a note for each answer renamed or dropped on the way. */
export function migrateAnswers(state: StoredState, migrations: readonly AnswerMigration[] = ANSWER_MIGRATIONS): { answers: PartialAnswers; notes: string[] } {
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
  for (const [key, added] of Object.entries(ADDED_ANSWERS)) {
    if (key in answers) continue;
    const kept = added.keep(answers);
    answers[key] = kept;
    if (kept === true) notes.push(`the new answer ${key} is true for this repository: ${added.why}`);
  }
  for (const key of Object.keys(answers).filter((candidate) => !(ANSWER_KEYS as readonly string[]).includes(candidate))) {
    delete answers[key];
    notes.push(`the answer ${key} no longer exists in this version; it was dropped`);
  }
  return { answers: answers as PartialAnswers, notes };
}

/** The stored answers in this version's terms, and the version that stored them; for `validate`. */
export async function readStoredAnswers(
  dir: string,
  migrations: readonly AnswerMigration[] = ANSWER_MIGRATIONS,
): Promise<{ version: string; answers: PartialAnswers; files: readonly string[] }> {
  const state = await readState(dir, 'validate');
  return { version: state.generator.version, answers: migrateAnswers(state, migrations).answers, files: Object.keys(state.files) };
}
