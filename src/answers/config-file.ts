import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import { describeIssues } from './issues.js';
import { PartialAnswersSchema, type PartialAnswers } from './schema.js';

/**
 * Reads an answers file (`--config answers.json` or `.yaml`). Keys are the answer names of
 * `secure-ai-landing schema`; a `$schema` key for editor completion is allowed and ignored.
 */
export async function readAnswersFile(path: string, shownAs: string = path): Promise<PartialAnswers> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new UsageError(`--config ${shownAs} ${reason}; give the path of a JSON or YAML answers file`);
  }
  const data = await parseText(path, shownAs, text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`--config ${shownAs} must hold an object of answers, e.g. { "location": "swedencentral" }`);
  }
  const { $schema: _ignored, ...answers } = data as Record<string, unknown>;
  const result = PartialAnswersSchema.safeParse(answers);
  if (!result.success) {
    throw new UsageError(
      `--config ${shownAs} has invalid answers`,
      describeIssues(result.error.issues, answers, `--config ${shownAs}`, (key) => `${shownAs}: ${key}`),
    );
  }
  // The raw values, not the parsed ones: parsing would fill in defaults and hide which answers the file gave.
  return answers as PartialAnswers;
}

/** The YAML parser's module code runs only for YAML files: most runs never need it. */
async function parseText(path: string, shownAs: string, text: string): Promise<unknown> {
  const isYaml = ['.yaml', '.yml'].includes(extname(path).toLowerCase());
  try {
    return isYaml ? (await import('yaml')).parse(text) : JSON.parse(text);
  } catch (error) {
    const format = isYaml ? 'YAML' : 'JSON';
    throw new UsageError(`--config ${shownAs} is not valid ${format}: ${(error as Error).message.split('\n')[0]}`);
  }
}
