import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledLandingZone } from '../../src/validate/arm.js';

/** What `bicep build` and `bicep build-params` wrote into a repository: main.json and each environment's parameters. */
export async function readCompiled(dir: string): Promise<CompiledLandingZone & { template: Record<string, unknown> & CompiledLandingZone['template'] }> {
  const template = JSON.parse(await readFile(join(dir, 'infra/main.json'), 'utf8'));
  const environments: Record<string, Record<string, { value?: unknown }>> = {};
  for (const file of (await readdir(join(dir, 'infra/params'))).filter((candidate) => candidate.endsWith('.json')).sort()) {
    environments[file.replace(/\.json$/, '')] = JSON.parse(await readFile(join(dir, 'infra/params', file), 'utf8')).parameters;
  }
  return { template, environments };
}
