import { parseArgs, type ParseArgsConfig } from 'node:util';
import { allFields, parseList } from '../answers/fields.js';
import type { PartialAnswers } from '../answers/schema.js';
import { closest } from '../did-you-mean.js';
import { UsageError } from '../errors.js';
import { flagName } from './flags.js';

export const COMMANDS = ['create', 'upgrade', 'validate', 'schema'] as const;
export type Command = (typeof COMMANDS)[number];

/** Options of the run itself, as opposed to answers about the landing zone. */
export interface RunOptions {
  readonly config?: string;
  readonly yes: boolean;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly git: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** upgrade: answers to change, as `key=value`. */
  readonly set: readonly string[];
  /** upgrade: proceed although the git working tree has uncommitted changes. */
  readonly allowDirty: boolean;
  /** upgrade: change nothing; exit 4 when an upgrade would change files. */
  readonly check: boolean;
  /** validate: also write the results as SARIF to this file. */
  readonly sarif?: string;
}

export interface ParsedArgs {
  readonly command: Command;
  readonly target?: string;
  readonly options: RunOptions;
  /** Answers given as flags, typed but not yet validated. */
  readonly flags: PartialAnswers;
}

export const RUN_OPTIONS = {
  config: { type: 'string', short: 'c', valueName: '<file>', description: 'Read answers from a JSON or YAML file (flags win over it).' },
  yes: { type: 'boolean', short: 'y', description: 'Ask nothing: take the default of every answer not given.' },
  force: { type: 'boolean', description: 'Write into a non-empty folder; never deletes or overwrites a file.' },
  'dry-run': { type: 'boolean', description: 'Print the files that would be written, and write nothing.' },
  json: { type: 'boolean', description: 'Print a machine-readable summary on stdout.' },
  git: { type: 'boolean', default: true, description: 'Do not create a git repository with a first commit.' },
  set: {
    type: 'string',
    multiple: true,
    valueName: '<answer=value>',
    description: 'upgrade: change an answer, e.g. --set vpn=p2s (repeatable; flags such as --vpn p2s work too).',
  },
  'allow-dirty': { type: 'boolean', description: 'upgrade: run although the git working tree has uncommitted changes.' },
  check: { type: 'boolean', description: 'upgrade: change nothing; exit 4 if an upgrade would change files (for a scheduled job).' },
  sarif: { type: 'string', valueName: '<file>', description: 'validate: also write the results as SARIF 2.1.0, for GitHub code scanning.' },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
  version: { type: 'boolean', short: 'v', description: 'Show the version.' },
} as const;

function parseConfig(): ParseArgsConfig['options'] {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, option] of Object.entries(RUN_OPTIONS)) {
    options[name] = {
      type: option.type,
      ...('short' in option ? { short: option.short } : {}),
      ...('default' in option ? { default: option.default } : {}),
      ...('multiple' in option ? { multiple: option.multiple } : {}),
    };
  }
  for (const field of allFields()) {
    const isList = field.kind === 'multi' || field.kind === 'list';
    options[flagName(field.key)] = { type: field.kind === 'boolean' ? 'boolean' : 'string', ...(isList ? { multiple: true } : {}) };
  }
  return options;
}

export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const config = parseConfig();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, allowNegative: true, strict: true, tokens: true });
  } catch (error) {
    throw explainParseError(error as Error & { code?: string }, Object.keys(config ?? {}));
  }
  refuseConflictingRepeats(parsed.tokens ?? [], config ?? {});
  const { values, positionals } = parsed;
  const [first, ...rest] = positionals;
  const isCommand = (COMMANDS as readonly string[]).includes(first ?? '');
  const command = (isCommand ? first : 'create') as Command;
  const targets = isCommand ? rest : positionals;
  if (targets.length > 1) {
    throw new UsageError(`expected at most one target folder, got ${targets.length}: ${targets.join(' ')}`, ['Quote a folder name that contains spaces.']);
  }
  if (targets[0] !== undefined && targets[0].trim() === '') throw new UsageError('the target folder name is empty; name a folder, or . for the current one');
  const flags: Record<string, unknown> = {};
  for (const field of allFields()) {
    const value = values[flagName(field.key)];
    if (value === undefined) continue;
    flags[field.key] = field.kind === 'multi' || field.kind === 'list' ? parseList(value as string[]) : value;
  }
  return {
    command,
    target: targets[0],
    flags: flags as PartialAnswers,
    options: {
      config: values.config as string | undefined,
      yes: values.yes === true,
      force: values.force === true,
      dryRun: values['dry-run'] === true,
      json: values.json === true,
      git: values.git !== false,
      help: values.help === true,
      version: values.version === true,
      set: (values.set as string[] | undefined) ?? [],
      allowDirty: values['allow-dirty'] === true,
      check: values.check === true,
      sarif: values.sarif as string | undefined,
    },
  };
}

/**
 * parseArgs keeps the last of a repeated flag silently: `--location westeurope --location swedencentral`
 * would build in a region the person may not have meant. The same value twice is harmless; list flags
 * (`multiple`) add up by design.
 */
function refuseConflictingRepeats(tokens: readonly Token[], options: NonNullable<ParseArgsConfig['options']>): void {
  const seen = new Map<string, { rawName: string; value: string }>();
  for (const token of tokens) {
    if (token.kind !== 'option' || options[token.name]?.multiple) continue;
    const value = token.value ?? String(!token.rawName.startsWith('--no-'));
    const earlier = seen.get(token.name);
    if (earlier && earlier.value !== value) {
      const shown = (rawName: string, text: string) => (options[token.name]?.type === 'boolean' ? rawName : `${rawName} ${JSON.stringify(text)}`);
      throw new UsageError(
        `--${token.name} is given twice with different values: ${shown(earlier.rawName, earlier.value)} and ${shown(token.rawName, value)}; give it once`,
      );
    }
    seen.set(token.name, { rawName: token.rawName, value });
  }
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** Node's messages name an option as `'-c, --config <value>'`; a person needs one name and what to write. */
function explainParseError(error: Error & { code?: string }, known: string[]): UsageError {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const suggestion = closest(quoted.replace(/^-+/, ''), known);
      const hint = suggestion ? `did you mean --${suggestion}? ` : '';
      return new UsageError(`unknown option ${quoted}; ${hint}run with --help for every flag`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const [, short, long = quoted] = /^(?:-(\w), )?--([\w-]+)/.exec(quoted) ?? [];
      const names = `${short ? `-${short}/` : ''}--${long}`;
      if (/does not take an argument/.test(error.message)) {
        // Answers (and --git) have a --no- form; the other switches are off unless given.
        const negatable = long === 'git' || allFields().some((field) => flagName(field.key) === long);
        return new UsageError(`${names} is a switch and takes no value; write ${negatable ? `--${long} or --no-${long}` : `--${long}, or leave it out`}`);
      }
      return new UsageError(`${names} needs a value: ${valueHint(long)}`);
    }
    default:
      return new UsageError(error.message);
  }
}

/** What a string flag takes, for the message when its value is missing. */
function valueHint(long: string): string {
  const option = (RUN_OPTIONS as Record<string, { valueName?: string }>)[long];
  if (option) return `--${long} ${option.valueName ?? '<value>'}`;
  const field = allFields().find((candidate) => flagName(candidate.key) === long);
  if (field && field.choices.length > 0) return `one of ${field.choices.join(', ')}`;
  return `--${long} ${field?.ui.valueName ?? '<value>'}`;
}
