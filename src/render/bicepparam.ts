import { bicepString } from './escape.js';

export interface BicepParam {
  readonly name: string;
  readonly value: unknown;
  /** One line saying what the value means; written above the assignment. */
  readonly comment: string;
}

/**
 * Serializes values into a `.bicepparam` file. Values never pass through a text template: each one
 * is written by `bicepValue`, so quoting and escaping cannot go wrong. The layout is the one
 * `bicep format` produces, which the tests check with the real compiler.
 */
export function serializeBicepParams(usingPath: string, params: readonly BicepParam[]): string {
  const body = params.map((param) => `// ${param.comment}\nparam ${param.name} = ${bicepValue(param.value, 0)}`);
  return `using ${bicepString(usingPath)}\n\n${body.join('\n\n')}\n`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value read from the deploying shell's environment when the parameter file is built: secrets never sit in a file. */
export class EnvironmentVariable {
  constructor(readonly name: string) {
    if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new Error(`internal: ${name} is not an environment variable name`);
  }
}

export function bicepValue(value: unknown, depth: number): string {
  const indent = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (typeof value === 'string') return bicepString(value);
  // Without the variable, building the parameters fails with a message that names it: nothing is deployed with a blank.
  if (value instanceof EnvironmentVariable) return `readEnvironmentVariable(${bicepString(value.name)})`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`Bicep parameters hold integers only, got ${value}`);
    return String(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${indent}${bicepValue(item, depth + 1)}`).join('\n')}\n${closing}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => `${indent}${IDENTIFIER.test(key) ? key : bicepString(key)}: ${bicepValue(item, depth + 1)}`);
    return `{\n${lines.join('\n')}\n${closing}}`;
  }
  throw new Error(`cannot write a ${typeof value} into a Bicep parameter file`);
}
