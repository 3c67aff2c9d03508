import type { AnswerKey } from '../answers/schema.js';

/** `addressSpace` → `--address-space`: every answer's flag is its key in kebab case. */
export function flagName(key: AnswerKey): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function flagOf(key: AnswerKey): string {
  return `--${flagName(key)}`;
}
