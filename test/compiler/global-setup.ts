import type { TestProject } from 'vitest/node';
import { isCi } from '../../src/ui/io.js';
import { findOrRestoreBicep } from './bicep.js';

/**
 * Finds or restores the real Bicep compiler once for the whole run. Under CI=true a missing
 * compiler fails the run; elsewhere the compile tests are skipped, and this says so loudly.
 */
export default async function setup(project: TestProject) {
  const found = await findOrRestoreBicep();
  if ('reason' in found) {
    if (isCi(process.env)) throw new Error(`CI=true and the Bicep compiler cannot be had, so the compile tests cannot run: ${found.reason}`);
    const bar = '!'.repeat(100);
    console.warn(`\n${bar}\nSKIPPING every test that needs the Bicep compiler: ${found.reason}\nInstall the .NET SDK (or set BICEP_PATH) to run them.\n${bar}\n`);
  }
  project.provide('bicepPath', 'path' in found ? found.path : '');
}

declare module 'vitest' {
  export interface ProvidedContext {
    bicepPath: string;
  }
}
