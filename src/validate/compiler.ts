import { readdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { runProcess as run } from '../process.js';
import type { CompiledLandingZone } from './conformance.js';

/**
 * Finds a Bicep compiler and builds a repository with it: the template once and the parameters of every
 * environment (`infra/params/*.bicepparam`). Effects only; what the JSON means is conformance's business.
 */

/** How to run the compiler: the bicep executable itself, or the one the Azure CLI manages (`az bicep …`). */
export interface BicepCommand {
  readonly file: string;
  /** `bicep build-params <file> --stdout`, or `az bicep build-params --file <file> --stdout`. */
  readonly buildParams: (paramsFile: string) => string[];
  /** What to call it in messages. */
  readonly label: string;
}

const direct = (file: string, label: string): BicepCommand => ({ file, label, buildParams: (paramsFile) => ['build-params', paramsFile, '--stdout'] });

/** BICEP_PATH (relative to `cwd`), else `bicep` on PATH, else the Azure CLI's `az bicep`; the first that answers `--version`. */
export async function findBicep(env: NodeJS.ProcessEnv, cwd: string): Promise<BicepCommand> {
  if (env.BICEP_PATH) {
    // The compiler runs in the repository's folder: a relative path must not change meaning there.
    const file = resolve(cwd, env.BICEP_PATH);
    if ((await run(file, ['--version'])).code !== 0) {
      throw new UsageError(`BICEP_PATH is ${env.BICEP_PATH}, which is not a Bicep compiler that runs; nothing was checked`, [
        'Point BICEP_PATH at the bicep executable, or unset it to use bicep from PATH or az bicep.',
      ]);
    }
    return direct(file, `bicep (BICEP_PATH=${env.BICEP_PATH})`);
  }
  if ((await run('bicep', ['--version'], { env })).code === 0) return direct('bicep', 'bicep (PATH)');
  if ((await run('az', ['bicep', 'version'], { env })).code === 0) {
    return { file: 'az', label: 'az bicep', buildParams: (paramsFile) => ['bicep', 'build-params', '--file', paramsFile, '--stdout'] };
  }
  throw new UsageError('no Bicep compiler found; nothing was checked', [
    'Install one of: the Bicep CLI on PATH (https://aka.ms/bicep-install), the Azure CLI with `az bicep install`,',
    'or set BICEP_PATH to a bicep executable.',
  ]);
}

/** Names the parameter files read with readEnvironmentVariable: validate needs their shape, not their secrets. */
const ENVIRONMENT_VARIABLE = /readEnvironmentVariable\(\s*'([^']+)'/g;
/** Long and varied enough for any password parameter's length limits; never deployed, never printed. */
const PLACEHOLDER = 'validate-placeholder-Passw0rd';

export type CompileOutcome =
  | { readonly ok: true; readonly compiled: CompiledLandingZone; readonly templateText: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Builds every environment's parameters (each build also yields the template) in `dir`. */
export async function compileLandingZone(dir: string, bicep: BicepCommand, env: NodeJS.ProcessEnv): Promise<CompileOutcome> {
  const paramsDir = join(dir, 'infra/params');
  const files = (await readdir(paramsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.bicepparam')).sort();
  if (files.length === 0)
    throw new UsageError(`${paramsDir} holds no .bicepparam file; nothing was checked`, [
      'validate builds the template with the parameters of each environment in infra/params.',
    ]);
  const variables: NodeJS.ProcessEnv = {};
  for (const file of files) {
    for (const [, name] of (await readFile(join(paramsDir, file), 'utf8')).matchAll(ENVIRONMENT_VARIABLE)) variables[name!] = env[name!] ?? PLACEHOLDER;
  }
  const runs = await Promise.all(
    files.map(async (file) => ({
      file,
      result: await run(bicep.file, bicep.buildParams(join('infra/params', file)), { cwd: dir, env: { ...env, ...variables } }),
    })),
  );
  const failed = runs.filter(({ result }) => result.code !== 0);
  if (failed.length > 0) {
    return {
      ok: false,
      errors: [
        ...new Set(
          failed.flatMap(({ file, result }) => {
            const errors = diagnostics(result.stderr, /Error/, dir);
            return errors.length > 0 ? errors : [`${file}: ${bicep.label} exited with ${result.code}: ${result.stderr.trim() || 'no message'}`];
          }),
        ),
      ],
    };
  }
  const environments: Record<string, Record<string, { value?: unknown }>> = {};
  let templateText = '';
  for (const { file, result } of runs) {
    const output = JSON.parse(result.stdout) as { parametersJson: string; templateJson: string };
    environments[file.replace(/\.bicepparam$/, '')] = (JSON.parse(output.parametersJson) as { parameters: Record<string, { value?: unknown }> }).parameters;
    templateText ||= output.templateJson;
  }
  const warnings = [...new Set(runs.flatMap(({ result }) => diagnostics(result.stderr, /Warning/, dir)))];
  return { ok: true, compiled: { template: JSON.parse(templateText), environments }, templateText, warnings };
}

/** The compiler's diagnostic lines of one level, with paths relative to the repository. */
function diagnostics(stderr: string, level: RegExp, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => level.test(line) && /\(\d+,\d+\)/.test(line))
    .map((line) => line.trim().replaceAll(`${dir}${sep}`, ''));
}
