import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Result } from 'execa';

/**
 * Restores the NuGet packages that BicepCompiler.csproj pins (the Bicep compiler and Azure's type index) into
 * .cache/nuget with the .NET SDK. Once per process: the compiler and the type index may both need it at the same
 * moment, and two restores of one project at once would race on its obj/ folder.
 */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RESTORE_PROJECT = join(ROOT, 'test/compiler/BicepCompiler.csproj');
export const PACKAGES = join(ROOT, '.cache/nuget');

export type RestoreOutcome = { readonly restored: true } | { readonly reason: string };

let pending: Promise<RestoreOutcome> | undefined;

export function restorePackages(): Promise<RestoreOutcome> {
  pending ??= restore();
  return pending;
}

async function restore(): Promise<RestoreOutcome> {
  const run = await execa('dotnet', ['restore', RESTORE_PROJECT, '--packages', PACKAGES], { reject: false, cwd: ROOT });
  return run.failed ? { reason: whyDotnetFailed(run) } : { restored: true };
}

/** The error lines of a failed dotnet command, or why it could not start. */
export function whyDotnetFailed(run: Pick<Result, 'exitCode' | 'stdout' | 'stderr'>): string {
  if (run.exitCode === undefined) return 'the .NET SDK (dotnet) is not installed';
  const output = `${String(run.stdout)}\n${String(run.stderr)}`;
  return (
    output
      .split('\n')
      .filter((line) => /error/i.test(line))
      .join(' ')
      .trim() ||
    String(run.stderr).trim() ||
    `dotnet exited with ${run.exitCode}`
  );
}
