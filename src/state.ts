import { createHash } from 'node:crypto';
import type { AnswerKey, Answers } from './answers/schema.js';
import type { AnswerSource } from './answers/resolve.js';
import type { RenderedTree } from './render/render.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';

export const STATE_PATH = '.secure-ai-landing/state.json';
export const STATE_SCHEMA_VERSION = 1;

/**
 * What a later `upgrade` needs: the generator version, the answers (and where each came from, so
 * that a `--yes` run can be reproduced), and the git blob id of every generated file as rendered,
 * the base of a three-way merge.
 */
export function stateFile(tree: RenderedTree, answers: Answers, sources: Readonly<Record<AnswerKey, AnswerSource>>): string {
  const files = Object.fromEntries([...tree].map(([path, content]) => [path, gitBlobId(content)]));
  const state = {
    schemaVersion: STATE_SCHEMA_VERSION,
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    answers,
    answerSources: sources,
    files,
  };
  return `${JSON.stringify(state, null, 2)}\n`;
}

/** The id git gives a file's content (`git hash-object`), computed without git. */
export function gitBlobId(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}
