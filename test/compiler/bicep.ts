import { readFileSync } from 'node:fs';
import { chmod, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { PACKAGES, restorePackages, RESTORE_PROJECT } from './restore.js';

/**
 * The real Bicep compiler for the tests: `BICEP_PATH` if set, else the NuGet package
 * Azure.Bicep.CommandLine.linux-x64 restored by the .NET SDK into .cache/nuget (BicepCompiler.csproj
 * pins the version), else `bicep` on PATH.
 */
export const BICEP_VERSION = /Azure\.Bicep\.CommandLine\.linux-x64" Version="\[([^\]]+)\]"/.exec(readFileSync(RESTORE_PROJECT, 'utf8'))?.[1] ?? 'unknown';
export const RESTORED_BICEP = join(PACKAGES, 'azure.bicep.commandline.linux-x64', BICEP_VERSION, 'tools', 'bicep');

export type CompilerLookup = { readonly path: string } | { readonly reason: string };

export async function findOrRestoreBicep(env = process.env): Promise<CompilerLookup> {
  if (env.BICEP_PATH) return (await isFile(env.BICEP_PATH)) ? { path: env.BICEP_PATH } : { reason: `BICEP_PATH=${env.BICEP_PATH} does not exist` };
  if (!(await isFile(RESTORED_BICEP))) {
    const restore = await restorePackages();
    if ('reason' in restore && !(await isFile(RESTORED_BICEP))) {
      const onPath = await execa('bicep', ['--version'], { reject: false });
      if (onPath.exitCode === 0) return { path: 'bicep' };
      return { reason: `could not restore Azure.Bicep.CommandLine.linux-x64 ${BICEP_VERSION}: ${restore.reason}` };
    }
  }
  // NuGet extraction does not reliably keep the executable bit.
  await chmod(RESTORED_BICEP, 0o755);
  return { path: RESTORED_BICEP };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly level: 'Error' | 'Warning' | 'Info';
  readonly code: string;
  readonly message: string;
}

const DIAGNOSTIC = /^(.+)\((\d+),(\d+)\) : (Error|Warning|Info) ([^:]+): (.*)$/;

/** Bicep prints `<file>(line,col) : <Level> <code>: <message>` on stderr, one per line. */
export function parseDiagnostics(output: string): Diagnostic[] {
  return output.split('\n').flatMap((line) => {
    const match = DIAGNOSTIC.exec(line.trim());
    return match ? [{ file: match[1]!, line: Number(match[2]), level: match[4] as Diagnostic['level'], code: match[5]!, message: match[6]! }] : [];
  });
}

export interface BicepRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Runs the compiler; `env` adds variables for `readEnvironmentVariable` in parameter files, and
 * `inherit: false` hides this process's own environment (e.g. a JUMPBOX_ADMIN_PASSWORD the developer exported).
 */
export async function runBicep(
  bicep: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
  { inherit = true } = {},
): Promise<BicepRun> {
  const base = inherit ? {} : { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const result = await execa(bicep, args, { cwd, reject: false, extendEnv: inherit, env: { ...base, DOTNET_CLI_TELEMETRY_OPTOUT: '1', ...env } });
  return {
    exitCode: result.exitCode ?? 1,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    diagnostics: parseDiagnostics(`${result.stdout}\n${result.stderr}`),
  };
}

export const describeDiagnostics = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.file}:${d.line} ${d.level} ${d.code}: ${d.message}`).join('\n');

export const BICEP_TOOLS_DIR = dirname(RESTORED_BICEP);
