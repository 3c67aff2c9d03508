import { flagName, flagOf } from '../cli/flags.js';
import { fieldInfo } from './fields.js';
import type { AnswerKey, Answers, PartialAnswers } from './schema.js';

/**
 * Valid answers whose templates this version does not generate yet. The question set is fixed by
 * the design, so these values are accepted by the schema and shown in --help and the prompts, but
 * choosing one stops before anything is written, with the flags that do work today.
 */
export const NOT_YET_GENERATED: Readonly<Partial<Record<keyof Answers, readonly unknown[]>>> = {
  foundry: ['hub', 'none'],
  agents: [true],
};

/** Services this version deploys; the others come with the AI platform work. */
export const GENERATED_SERVICES: readonly string[] = ['openai'];

export interface Unavailable {
  readonly key: string;
  readonly value: string;
}

/** The given answers this version cannot generate; answers not given are not judged. */
export function unavailableChoices(answers: PartialAnswers): Unavailable[] {
  const found: Unavailable[] = [];
  for (const [key, values] of Object.entries(NOT_YET_GENERATED)) {
    const value = answers[key as keyof Answers];
    if (value !== undefined && values?.includes(value)) found.push({ key, value: String(value) });
  }
  for (const service of answers.services ?? []) {
    if (!GENERATED_SERVICES.includes(service)) found.push({ key: 'services', value: service });
  }
  return found;
}

export function isGenerated(key: keyof Answers, value: unknown): boolean {
  if (key === 'services') return GENERATED_SERVICES.includes(String(value));
  return !(NOT_YET_GENERATED[key]?.includes(value) ?? false);
}

/** What to pass instead of each choice this version cannot generate yet: the first value it can. */
export function alternativesFor(unavailable: readonly Unavailable[]): string[] {
  const flags = unavailable.map(({ key }) => {
    const field = fieldInfo(key as AnswerKey);
    if (field.kind === 'boolean') return `--no-${flagName(field.key)}`;
    const generated = field.kind === 'multi' ? GENERATED_SERVICES.join(',') : field.choices.find((choice) => isGenerated(field.key, choice));
    return `${flagOf(field.key)} ${generated}`;
  });
  return [...new Set(flags)];
}
