import { constants } from 'node:fs';
import { access, readdir, readFile } from 'node:fs/promises';
import { delimiter, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { runProcess as run } from '../process.js';
import { type BicepServer, diagnosticLine, type RpcDiagnostic, startBicepServer } from './bicep-server.js';
import type { CompiledLandingZone } from './arm.js';

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
  /** The executable itself, which can serve every environment from one process (`bicep jsonrpc`); not the Azure CLI's wrapper. */
  readonly serves: boolean;
  /**
   * Throws a UsageError when the file is no compiler that runs. Asked only when serving fails, so that a working
   * compiler starts once per run, not once more to say its version.
   */
  readonly verify: () => Promise<void>;
}

const direct = (file: string, label: string, refusal: UsageError): BicepCommand => ({
  file,
  label,
  serves: true,
  buildParams: (paramsFile) => ['build-params', paramsFile, '--stdout'],
  verify: async () => {
    if ((await run(file, ['--version'])).code !== 0) throw refusal;
  },
});

/** BICEP_PATH (relative to `cwd`), else `bicep` on PATH, else the Azure CLI's `az bicep`. */
export async function findBicep(env: NodeJS.ProcessEnv, cwd: string): Promise<BicepCommand> {
  if (env.BICEP_PATH) {
    // The compiler runs in the repository's folder: a relative path must not change meaning there.
    const refusal = new UsageError(`BICEP_PATH is ${env.BICEP_PATH}, which is not a Bicep compiler that runs; nothing was checked`, [
      'Point BICEP_PATH at the bicep executable, or unset it to use bicep from PATH or az bicep.',
    ]);
    const file = resolve(cwd, env.BICEP_PATH);
    if (!(await isExecutable(file))) throw refusal;
    return direct(file, `bicep (BICEP_PATH=${env.BICEP_PATH})`, refusal);
  }
  if (await onPath('bicep', env)) {
    return direct(
      'bicep',
      'bicep (PATH)',
      new UsageError('bicep on PATH does not run; nothing was checked', ['Reinstall the Bicep CLI, or set BICEP_PATH to a bicep executable.']),
    );
  }
  if ((await run('az', ['bicep', 'version'], { env })).code === 0) {
    return {
      file: 'az',
      label: 'az bicep',
      serves: false,
      buildParams: (paramsFile) => ['bicep', 'build-params', '--file', paramsFile, '--stdout'],
      verify: async () => undefined,
    };
  }
  throw new UsageError('no Bicep compiler found; nothing was checked', [
    'Install one of: the Bicep CLI on PATH (https://aka.ms/bicep-install), the Azure CLI with `az bicep install`,',
    'or set BICEP_PATH to a bicep executable.',
  ]);
}

const isExecutable = (file: string) =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

/** Whether an executable of this name is in one of PATH's folders. */
async function onPath(name: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) if (await isExecutable(join(dir, name))) return true;
  return false;
}

/**
 * .NET runtime settings for a compiler that lives for a few compilations (a user's own settings win). Profile-guided
 * optimisation instruments the code while it warms up, which such a run pays for without living long enough to profit
 * (TieredPGO, about a fifth of the time); and the runtime holds every method at its first, slow tier for as long as new
 * methods keep being compiled, which during a first compilation is nearly all of it (TC_CallCountingDelayMs, by
 * default 100 ms after the last new method; 0 promotes hot methods at once: about an eighth of the time, in eight
 * alternating runs on the largest configuration). TieredPGO: https://learn.microsoft.com/dotnet/core/runtime-config/compilation;
 * TC_CallCountingDelayMs is a runtime knob without a documentation page (dotnet/runtime src/coreclr/inc/clrconfignames.h,
 * the "tiering delay" of src/coreclr/vm/tieredcompilation.cpp); a runtime that does not know it ignores it.
 */
const SHORT_RUN_DOTNET: Readonly<Record<string, string>> = { DOTNET_TieredPGO: '0', DOTNET_TC_CallCountingDelayMs: '0' };

/** Names the parameter files read with readEnvironmentVariable: validate needs their shape, not their secrets. */
const ENVIRONMENT_VARIABLE = /readEnvironmentVariable\(\s*'([^']+)'/g;
/** Long and varied enough for any password parameter's length limits; never deployed, never printed. */
const PLACEHOLDER = 'validate-placeholder-Passw0rd';

export type CompileOutcome =
  | { readonly ok: true; readonly compiled: CompiledLandingZone; readonly templateText: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Builds every environment's parameters (each build also yields the template) in `dir`. With `server`, a compiler
 * the caller started and will close (the tests share a few between many repositories), whose environment must
 * already hold what the parameter files read with readEnvironmentVariable.
 */
export async function compileLandingZone(dir: string, bicep: BicepCommand, env: NodeJS.ProcessEnv, server?: BicepServer): Promise<CompileOutcome> {
  const paramsDir = join(dir, 'infra/params');
  const files = (await readdir(paramsDir).catch(() => [] as string[])).filter((file) => file.endsWith('.bicepparam')).sort();
  if (files.length === 0)
    throw new UsageError(`${paramsDir} holds no .bicepparam file; nothing was checked`, [
      'validate builds the template with the parameters of each environment in infra/params.',
    ]);
  if (server) return compileWithServer(dir, bicep.label, files, server);
  const variables: NodeJS.ProcessEnv = {};
  for (const file of files) {
    for (const [, name] of (await readFile(join(paramsDir, file), 'utf8')).matchAll(ENVIRONMENT_VARIABLE)) variables[name!] = env[name!] ?? PLACEHOLDER;
  }
  const compileEnv = { ...SHORT_RUN_DOTNET, ...env, ...variables };
  if (bicep.serves) {
    const served = await serveOnce(dir, bicep, files, compileEnv);
    if (served) return served;
    await bicep.verify();
  }
  const runs = await Promise.all(
    files.map(async (file) => ({
      file,
      result: await run(bicep.file, bicep.buildParams(join('infra/params', file)), { cwd: dir, env: compileEnv }),
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

/**
 * Every environment through one compiler process (`bicep jsonrpc`) started for this run. Undefined when the
 * compiler has no such mode (releases before it): then each environment gets a process of its own.
 */
async function serveOnce(dir: string, bicep: BicepCommand, files: readonly string[], env: NodeJS.ProcessEnv): Promise<CompileOutcome | undefined> {
  let server: BicepServer | undefined;
  try {
    server = await startBicepServer(bicep.file, { cwd: dir, env });
    await server.version();
  } catch {
    await server?.close();
    return undefined;
  }
  try {
    return await compileWithServer(dir, bicep.label, files, server);
  } finally {
    await server.close();
  }
}

/**
 * Each environment's parameters with the template they use, asked for all at once: the server compiles its
 * requests side by side (each is a compilation of its own, run on .NET's thread pool: Azure/bicep
 * src/Bicep.Cli/Rpc/CliJsonRpcServer.cs), so every core works on the environments. The template comes with each
 * environment's answer, the same every time, so it is not compiled on its own as well.
 */
async function compileWithServer(dir: string, label: string, files: readonly string[], server: BicepServer): Promise<CompileOutcome> {
  const runs = await Promise.all(files.map(async (file) => ({ file, result: await server.compileParams(join(dir, 'infra/params', file)) })));
  const lines = (level: RpcDiagnostic['level']) => [
    ...new Set(
      runs.flatMap(({ result }) =>
        result.diagnostics
          .filter((diagnostic) => diagnostic.level === level)
          .map((diagnostic) => diagnosticLine(diagnostic, dir))
          .sort(),
      ),
    ),
  ];
  const failed = runs.filter(({ result }) => !result.success || result.parameters === undefined || result.template === undefined);
  if (failed.length > 0) {
    const errors = lines('Error');
    return { ok: false, errors: errors.length > 0 ? errors : failed.map(({ file }) => `infra/params/${file}: ${label} could not compile it`) };
  }
  const environments = Object.fromEntries(
    runs.map(({ file, result }) => [
      file.replace(/\.bicepparam$/, ''),
      (JSON.parse(result.parameters!) as { parameters: Record<string, { value?: unknown }> }).parameters,
    ]),
  );
  const templateText = runs[0]!.result.template!;
  return { ok: true, compiled: { template: JSON.parse(templateText), environments }, templateText, warnings: lines('Warning') };
}

/** The compiler's diagnostic lines of one level, with paths relative to the repository. */
function diagnostics(stderr: string, level: RegExp, dir: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => level.test(line) && /\(\d+,\d+\)/.test(line))
    .map((line) => line.trim().replaceAll(`${dir}${sep}`, ''));
}
