import { allFields, defaultLabel, type FieldInfo } from '../answers/fields.js';
import { conditionallyRequired, REQUIRED_KEYS } from '../answers/resolve.js';
import { proseList } from '../prose.js';
import { RUN_OPTIONS } from './args.js';
import { flagName, flagOf } from './flags.js';
import { twoColumns, wrapWords } from './wrap.js';

/** --help fits a classic terminal: every line is at most this wide. */
export const HELP_WIDTH = 80;
/** Where the descriptions start. */
const COLUMN = 30;
/** Where a choice's hint starts, below its answer. */
const CHOICE_COLUMN = 20;

/** --help, built from the answer schema and the run options so that it never drifts from them. */
export function helpText(version: string): string {
  const entry = (left: string, right: string) => twoColumns(`  ${left}`, right, COLUMN, HELP_WIDTH);
  const paragraph = (text: string) => wrapWords(text, HELP_WIDTH);
  const lines = [
    ...paragraph(`create-secure-ai-landing ${version}: a secure Azure AI landing zone, ready to deploy`),
    '',
    'Usage',
    '  npm create secure-ai-landing@latest [folder] -- [flags]',
    '  secure-ai-landing [create] [folder] [flags]',
    ...entry('secure-ai-landing upgrade', 'regenerate [folder] with this version (and changed answers), keeping your edits'),
    ...entry(
      'secure-ai-landing validate',
      'compile and check [folder] against the guidance (Bicep from BICEP_PATH, PATH or az bicep); exit 1 if a recommendation fails',
    ),
    ...entry('secure-ai-landing schema', 'print the JSON schema of an answers file'),
    '',
    'Answers (asked when not given; on a terminal without --yes)',
  ];
  for (const field of allFields()) lines.push(...describeField(field, entry));
  lines.push('', 'Run options');
  for (const [name, option] of Object.entries(RUN_OPTIONS)) {
    const short = 'short' in option ? `-${option.short}, ` : '';
    const value = 'valueName' in option ? ` ${option.valueName}` : '';
    const flag = name === 'git' ? '--no-git' : `--${name}`;
    lines.push(...entry(`${short}${flag}${value}`, option.description));
  }
  lines.push(
    '',
    ...paragraph(`Without a terminal, with CI set or with --yes nothing is asked: ${stillRequired()} The rest take their defaults.`),
    '',
    ...paragraph('A flag may be given once, or repeated with the same value; list flags (such as --environments) add up.'),
    '',
    ...paragraph(
      'Exit codes: 0 done, 1 failure, 2 bad input (nothing written), 3 upgrade wrote conflicts to resolve, 4 upgrade --check found changes, 130 cancelled.',
    ),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The answers that have no default under the defaults, computed from the schema: what a first
 * `--yes` run that follows this help must pass (the default gateway needs a publisher email).
 */
function stillRequired(): string {
  const always = REQUIRED_KEYS.filter((key) => defaultLabel(allFields().find((field) => field.key === key)!) === undefined);
  const byDefaults = conditionallyRequired({}).map(({ key, because }) => `${flagOf(key)} (${because.replace(/^the /, 'for the ')})`);
  return `give ${proseList([...always.map(flagOf), ...byDefaults])}, and --name when the folder name is not a valid workload name; other choices name what they need.`;
}

function describeField(field: FieldInfo, entry: (left: string, right: string) => string[]): string[] {
  const flag = `--${flagName(field.key)}`;
  const fallback = defaultLabel(field);
  const suffix = REQUIRED_KEYS.includes(field.key) && fallback === undefined ? ' (required)' : fallback ? ` (default: ${fallback})` : '';
  if (field.kind === 'boolean') return entry(`${flag}, --no-${flagName(field.key)}`, `${field.description}${suffix}`);
  const valueName = field.ui.valueName ?? '<choice>';
  const values = field.ui.valuesHint ? ` ${field.ui.valuesHint}` : field.suggestions.length > 0 ? ` Valid: ${field.suggestions.join(', ')}.` : '';
  const head = entry(`${flag} ${valueName}`, `${field.description}${suffix}${values}${field.kind === 'multi' ? ' Comma-separated, any of:' : ''}`);
  const choices = field.choices.flatMap((choice) => twoColumns(`      ${choice}`, field.ui.hints?.[choice] ?? '', COLUMN - 4 + CHOICE_COLUMN - 16, HELP_WIDTH));
  return [...head, ...choices];
}
