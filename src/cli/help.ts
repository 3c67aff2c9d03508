import { allFields, defaultLabel, type FieldInfo } from '../answers/fields.js';
import { REQUIRED_KEYS } from '../answers/resolve.js';
import { flagName } from './flags.js';
import { RUN_OPTIONS } from './args.js';

/** --help, built from the answer schema and the run options so that it never drifts from them. */
export function helpText(version: string): string {
  const lines = [
    `create-secure-ai-landing ${version}: a secure Azure AI landing zone, ready to deploy`,
    '',
    'Usage',
    '  npm create secure-ai-landing@latest [folder] -- [flags]',
    '  secure-ai-landing [create] [folder] [flags]',
    '  secure-ai-landing upgrade [folder]      regenerate with this version (and changed answers), keeping your edits',
    '  secure-ai-landing validate [folder]     compile and check a landing zone against the guidance (Bicep from',
    '                                          BICEP_PATH, PATH or az bicep); exit 1 if a recommendation fails',
    '  secure-ai-landing schema                print the JSON schema of an answers file',
    '',
    'Answers (asked when not given; on a terminal without --yes)',
  ];
  for (const field of allFields()) lines.push(...describeField(field));
  lines.push('', 'Run options');
  for (const [name, option] of Object.entries(RUN_OPTIONS)) {
    const short = 'short' in option ? `-${option.short}, ` : '';
    const value = 'valueName' in option ? ` ${option.valueName}` : '';
    const flag = name === 'git' ? '--no-git' : `--${name}`;
    lines.push(`  ${pad(`${short}${flag}${value}`)}${option.description}`);
  }
  lines.push(
    '',
    'Without a terminal, with CI set or with --yes nothing is asked: answers without a default',
    `(${REQUIRED_KEYS.map((key) => `--${flagName(key)}`).join(', ')}) must be given, the rest take their defaults.`,
    'Exit codes: 0 done, 1 failure, 2 bad input (nothing written), 3 upgrade wrote conflicts to resolve,',
    '4 upgrade --check found changes, 130 cancelled.',
  );
  return `${lines.join('\n')}\n`;
}

function describeField(field: FieldInfo): string[] {
  const flag = `--${flagName(field.key)}`;
  const fallback = defaultLabel(field);
  const suffix = REQUIRED_KEYS.includes(field.key) && fallback === undefined ? ' (required)' : fallback ? ` (default: ${fallback})` : '';
  if (field.kind === 'boolean') {
    return [`  ${pad(`${flag}, --no-${flagName(field.key)}`)}${field.description}${suffix}`];
  }
  const valueName = field.ui.valueName ?? '<choice>';
  const head = `  ${pad(`${flag} ${valueName}`)}${field.description}${suffix}`;
  if (field.choices.length === 0) return [head];
  const choices = field.choices.map((choice) => `      ${pad(choice, 20)}${field.ui.hints?.[choice] ?? ''}`);
  return [field.kind === 'multi' ? `${head} Comma-separated, any of:` : head, ...choices];
}

function pad(text: string, width = 32): string {
  return text.length >= width ? `${text}  ` : text.padEnd(width);
}
