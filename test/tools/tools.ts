import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/**
 * The judges of the generated scripts besides the Bicep compiler: ShellCheck (Debian's package, which
 * .ci/run installs) and the PowerShell parser (built here from NuGet's System.Management.Automation).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PARSER_PROJECT = join(ROOT, 'test/tools/powershell-parser/PowerShellParser.csproj');
const PARSER_OUTPUT = join(ROOT, '.cache/powershell-parser');

export type ToolLookup = { readonly command: readonly string[] } | { readonly reason: string };

export async function findShellCheck(): Promise<ToolLookup> {
  const run = await execa('shellcheck', ['--version'], { reject: false });
  return run.exitCode === 0 ? { command: ['shellcheck'] } : { reason: 'shellcheck is not installed (Debian: apt-get install shellcheck; .ci/run installs it)' };
}

export async function buildPowerShellParser(): Promise<ToolLookup> {
  const dll = join(PARSER_OUTPUT, 'PowerShellParser.dll');
  const built = await execa('dotnet', ['build', PARSER_PROJECT, '--configuration', 'Release', '--output', PARSER_OUTPUT, '--nologo', '--verbosity', 'quiet'], { reject: false, cwd: ROOT });
  if (built.exitCode === 0 && (await stat(dll).then(() => true, () => false))) return { command: ['dotnet', dll] };
  const why = built.exitCode === undefined ? 'the .NET SDK (dotnet) is not installed' : `${built.stdout}${built.stderr}`.split('\n').filter((line) => /error/i.test(line)).join(' ');
  return { reason: `could not build the PowerShell parser: ${why.trim() || 'dotnet build failed'}` };
}
