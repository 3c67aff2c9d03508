import type { TestProject } from 'vitest/node';
import { isCi } from '../../src/ui/io.js';
import { buildPowerShellParser, findShellCheck, type ToolLookup } from '../tools/tools.js';
import { findOrRestoreBicep } from './bicep.js';
import { findOrExtractTypeIndex } from './type-index.js';

/**
 * Finds or restores the real judges once for the whole run: the Bicep compiler, Azure's type index (for
 * the pinned API versions), ShellCheck and the PowerShell parser. Under CI=true a missing one fails the
 * run; elsewhere the tests that need it are skipped, and this says so loudly.
 */
export default async function setup(project: TestProject) {
  const [bicep, typeIndex, shellCheck, powerShellParser] = await Promise.all([
    findOrRestoreBicep(),
    findOrExtractTypeIndex(),
    findShellCheck(),
    buildPowerShellParser(),
  ]);
  const bicepLookup: ToolLookup = 'path' in bicep ? { command: [bicep.path] } : bicep;
  const typeIndexLookup: ToolLookup = 'path' in typeIndex ? { command: [typeIndex.path] } : typeIndex;
  project.provide('bicepPath', requireOrWarn('the Bicep compiler', bicepLookup, 'Install the .NET SDK (or set BICEP_PATH).')[0] ?? '');
  project.provide('typeIndexPath', requireOrWarn("Azure's type index (Azure.Bicep.Types.Az)", typeIndexLookup, 'Install the .NET SDK.')[0] ?? '');
  project.provide('shellCheck', requireOrWarn('ShellCheck', shellCheck, 'Install shellcheck.'));
  project.provide('powerShellParser', requireOrWarn('the PowerShell parser', powerShellParser, 'Install the .NET SDK.'));
}

function requireOrWarn(tool: string, lookup: ToolLookup, remedy: string): string[] {
  if ('command' in lookup) return [...lookup.command];
  if (isCi(process.env)) throw new Error(`CI=true and ${tool} cannot be had, so the tests that need it cannot run: ${lookup.reason}`);
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\nSKIPPING every test that needs ${tool}: ${lookup.reason}\n${remedy}\n${bar}\n`);
  return [];
}

declare module 'vitest' {
  export interface ProvidedContext {
    bicepPath: string;
    /** index.json of Azure.Bicep.Types.Az; empty when it is missing outside CI. */
    typeIndexPath: string;
    /** The command (and leading arguments) of each judge; empty when it is missing outside CI. */
    shellCheck: string[];
    powerShellParser: string[];
  }
}
