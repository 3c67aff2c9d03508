import type * as z from 'zod/mini';
import { flagOf } from '../cli/flags.js';
import { closest } from '../did-you-mean.js';
import { ANSWER_KEYS, type AnswerKey } from './schema.js';

/**
 * Turns schema issues into lines a person can act on: which input (as the flag they would pass),
 * the value given, what is wrong and what would be valid.
 */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  given: Readonly<Record<string, unknown>>,
  origin: string,
  nameOf: (key: AnswerKey) => string = flagOf,
  defaulted: ReadonlySet<AnswerKey> = new Set(),
): string[] {
  return issues.map((issue) => {
    const [key, index] = issue.path as [AnswerKey | undefined, number | undefined];
    if (issue.code === 'unrecognized_keys') {
      return `${origin}: unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}; valid keys: ${ANSWER_KEYS.join(', ')}`;
    }
    if (key === undefined) return `${origin}: ${issue.message}`;
    const value = index === undefined ? given[key] : (given[key] as unknown[] | undefined)?.[index];
    // A value the user never gave is named as the default, so nobody hunts for a flag they did not pass.
    const shown = value === undefined ? '' : defaulted.has(key) ? ` (default ${JSON.stringify(value)})` : ` ${JSON.stringify(value)}`;
    return `${nameOf(key)}${shown}: ${explain(issue, value)}`;
  });
}

function explain(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_value': {
      const valid = issue.values.map(String);
      const meant = typeof value === 'string' ? closest(value, valid) : undefined;
      return `is not a valid choice; ${meant ? `did you mean ${meant}? ` : ''}valid: ${valid.join(', ')}`;
    }
    case 'invalid_type':
      if (issue.expected === 'boolean' && typeof value === 'string') return 'must be true or false, not a string (YAML reads yes, no, on and off as strings)';
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    default:
      return issue.message;
  }
}
