import { createHash } from 'node:crypto';
import type { AnswerKey, Answers } from './answers/schema.js';
import type { AnswerSource } from './answers/resolve.js';
import type { RenderedTree } from './render/render.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';

export const STATE_PATH = '.secure-ai-landing/state.json';
/** The generated files exactly as generated: the base of the next upgrade's three-way merge, in any clone. */
export const BASE_PATH = '.secure-ai-landing/base.json';
/** 2 added base.json; a state of version 1 lacks it, and upgrade then takes the base from git's objects. */
export const STATE_SCHEMA_VERSION = 2;

/**
 * Where generated files go when the repository already had its own file at the generated path: a
 * freshly created GitHub repository keeps its README.md, and the generated one is written beside it.
 * Recorded in the state, so that every upgrade puts it in the same place.
 */
export interface Placement {
  /** The path of the generated README (README.md when absent). */
  readonly readme?: string;
}

/** Where the generated README goes beside a repository's own README.md. */
export const BESIDE_README = 'README.landing-zone.md';

/**
 * What a later `upgrade` needs: the generator version, the answers (and where each came from, so
 * that a `--yes` run can be reproduced), and the git blob id of every generated file as rendered,
 * the base of a three-way merge.
 */
export function stateFile(tree: RenderedTree, answers: Answers, sources: Readonly<Record<AnswerKey, AnswerSource>>, placement: Placement = {}): string {
  const files = Object.fromEntries([...tree].map(([path, content]) => [path, gitBlobId(content)]));
  const state = {
    schemaVersion: STATE_SCHEMA_VERSION,
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    answers,
    answerSources: sources,
    ...(Object.keys(placement).length > 0 && { placement }),
    files,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** Every generated file's content as generated, so that an upgrade finds its merge base in a fresh clone too. */
export function baseFile(tree: RenderedTree): string {
  return `${JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, files: Object.fromEntries(tree) }, null, 1)}\n`;
}

/** The files the generator owns besides the landing zone's own: they are rewritten, never merged. */
export const STATE_FILES: readonly string[] = [STATE_PATH, BASE_PATH];

/** The id git gives a file's content (`git hash-object`), computed without git. */
export function gitBlobId(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
