import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { PACKAGES, RESTORE_PROJECT, restorePackages, ROOT, whyDotnetFailed } from './restore.js';

/**
 * Azure's type index, the list of every resource type and API version that Bicep knows: the NuGet package
 * Azure.Bicep.Types.Az (BicepCompiler.csproj pins the version) restored into .cache/nuget like the compiler. The
 * package keeps the index compressed inside its assembly, so a tiny .NET tool (test/tools/type-index-extractor)
 * writes it out once per version to .cache/bicep-types-az/<version>/index.json, where @azure/bicep-types reads it.
 */
export const TYPES_AZ_VERSION = /Azure\.Bicep\.Types\.Az" Version="\[([^\]]+)\]"/.exec(readFileSync(RESTORE_PROJECT, 'utf8'))?.[1] ?? 'unknown';
const ASSEMBLY = join(PACKAGES, 'azure.bicep.types.az', TYPES_AZ_VERSION, 'lib', 'netstandard2.0', 'Azure.Bicep.Types.Az.dll');
const EXTRACTOR_PROJECT = join(ROOT, 'test/tools/type-index-extractor/TypeIndexExtractor.csproj');
const EXTRACTOR_OUTPUT = join(ROOT, '.cache/type-index-extractor');
export const TYPE_INDEX = join(ROOT, '.cache/bicep-types-az', TYPES_AZ_VERSION, 'index.json');

export type TypeIndexLookup = { readonly path: string } | { readonly reason: string };

export async function findOrExtractTypeIndex(): Promise<TypeIndexLookup> {
  if (await isFile(TYPE_INDEX)) return { path: TYPE_INDEX };
  if (!(await isFile(ASSEMBLY))) {
    const restore = await restorePackages();
    if ('reason' in restore && !(await isFile(ASSEMBLY))) return { reason: `could not restore Azure.Bicep.Types.Az ${TYPES_AZ_VERSION}: ${restore.reason}` };
  }
  const built = await execa(
    'dotnet',
    ['build', EXTRACTOR_PROJECT, '--configuration', 'Release', '--output', EXTRACTOR_OUTPUT, '--nologo', '--verbosity', 'quiet'],
    { reject: false, cwd: ROOT },
  );
  if (built.exitCode !== 0) return { reason: `could not build the type index extractor: ${whyDotnetFailed(built)}` };
  await mkdir(join(TYPE_INDEX, '..'), { recursive: true });
  const extracted = await execa('dotnet', [join(EXTRACTOR_OUTPUT, 'TypeIndexExtractor.dll'), ASSEMBLY, TYPE_INDEX], { reject: false, cwd: ROOT });
  if (extracted.exitCode !== 0)
    return { reason: `could not extract the type index of Azure.Bicep.Types.Az ${TYPES_AZ_VERSION}: ${whyDotnetFailed(extracted)}` };
  return { path: TYPE_INDEX };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}
