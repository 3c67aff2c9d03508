import { allFields } from '../answers/fields.js';
import { ANSWER_KEYS, type AnswerKey, type PartialAnswers } from '../answers/schema.js';
import { parseCommandLine } from '../cli/args.js';
import { flagName } from '../cli/flags.js';
import { UsageError } from '../errors.js';

/**
 * `--set vpn=p2s`, `--set allowed-fqdns=pypi.org,*.example.com`: each becomes the answer flag it names, parsed
 * exactly as that flag would be, so that it is typed and later validated by the same schema.
 */
export function answersFromSet(assignments: readonly string[]): PartialAnswers {
  const argv: string[] = [];
  for (const assignment of assignments) {
    const separator = assignment.indexOf('=');
    const name = separator > 0 ? assignment.slice(0, separator).trim() : '';
    const key = ANSWER_KEYS.find((candidate) => candidate === name || flagName(candidate) === name);
    if (!key) {
      throw new UsageError(`--set ${assignment}: ${name ? `there is no answer called ${name}` : 'write it as <answer>=<value>'}; nothing was changed`, [
        `valid answers: ${ANSWER_KEYS.map(flagName).join(', ')}`,
      ]);
    }
    argv.push(...flagFor(key, assignment.slice(separator + 1).trim(), assignment));
  }
  return parseCommandLine(argv).flags;
}

function flagFor(key: AnswerKey, value: string, assignment: string): string[] {
  if (allFields().find((field) => field.key === key)?.kind !== 'boolean') return [`--${flagName(key)}=${value}`];
  if (value === 'true') return [`--${flagName(key)}`];
  if (value === 'false') return [`--no-${flagName(key)}`];
  throw new UsageError(`--set ${assignment}: ${flagName(key)} is true or false; nothing was changed`);
}
