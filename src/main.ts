import * as z from 'zod/mini';
import { PartialAnswersSchema } from './answers/schema.js';
import { parseCommandLine } from './cli/args.js';
import { helpText } from './cli/help.js';
import { runCreate } from './commands/create.js';
import { CancelledError, EXIT, ReportedError } from './errors.js';
import { describeSystemError } from './system-error.js';
import { type Io, processIo } from './ui/io.js';
import { GENERATOR_VERSION } from './version.js';

/** The whole CLI: returns the exit code; only bin/ touches `process`. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseCommandLine(argv);
    if (args.options.help) return print(io, helpText(GENERATOR_VERSION));
    if (args.options.version) return print(io, `${GENERATOR_VERSION}\n`);
    switch (args.command) {
      case 'create':
        return await runCreate(args, io);
      case 'schema':
        return print(io, `${JSON.stringify(answersFileSchema(), null, 2)}\n`);
      case 'upgrade':
        // Loaded on use, like the prompts: create never evaluates the merge code.
        return await (await import('./commands/upgrade.js')).runUpgrade(args, io);
      case 'validate':
        return await (await import('./commands/validate.js')).runValidate(args, io);
    }
  } catch (error) {
    return report(error, io, json);
  }
}

/** The JSON schema of an answers file; a `$schema` key (for editor completion) is allowed in it. */
function answersFileSchema() {
  const schema = z.toJSONSchema(PartialAnswersSchema, { io: 'input' }) as { properties: Record<string, unknown> };
  schema.properties = { $schema: { type: 'string', description: 'Where this schema is, for editor completion; ignored.' }, ...schema.properties };
  return schema;
}

function print(io: Io, text: string): number {
  io.stdout.write(text);
  return EXIT.ok;
}

/** An error the CLI expects: its message is for the person, with details and an exit code of its own. */
interface ExpectedError {
  readonly message: string;
  readonly details: readonly string[];
  readonly exitCode: number;
}

function expected(error: unknown): ExpectedError | undefined {
  if (error instanceof ReportedError) return error;
  if (error instanceof CancelledError) return { message: error.message, details: [], exitCode: error.exitCode };
  const system = describeSystemError(error);
  return system && { ...system, exitCode: EXIT.failure };
}

function report(error: unknown, io: Io, json: boolean): number {
  const known = expected(error);
  if (known) {
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, error: known.message, details: known.details }, null, 2)}\n`);
    io.stderr.write([`error: ${known.message}`, ...known.details.map((line) => `  ${line}`)].join('\n').replace(/^error: cancelled$/, 'cancelled') + '\n');
    return known.exitCode;
  }
  // A bug, not a condition of the machine: the stack is what a bug report needs.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json)
    io.stdout.write(
      `${JSON.stringify(
        {
          ok: false,
          error: String(error),
          details: message
            .split('\n')
            .slice(1)
            .map((line) => line.trim()),
        },
        null,
        2,
      )}\n`,
    );
  io.stderr.write(`unexpected failure: ${message}\n`);
  return EXIT.failure;
}
