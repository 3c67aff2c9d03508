import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runBicep } from '../compiler/bicep.js';
import { tempDir } from '../helpers/cli.js';

const bicep = inject('bicepPath');

/**
 * Which per-cloud names environment() gives (https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-deployment#environment):
 * the firewall policy and the AI accounts' outbound allow-list write a name from it wherever it has one, and write the
 * public cloud's name where it has none, as for AI Search (account-outbound-hosts.bicep.hbs says why).
 */
describe('environment() in the real compiler', () => {
  it('gives the login, Resource Manager and storage names the templates use, and no AI Search suffix', async () => {
    const directory = await tempDir('sail-environment-');
    const file = join(directory, 'main.bicep');
    await writeFile(
      file,
      [
        "@description('Names the templates read from environment().')",
        'output used array = [environment().authentication.loginEndpoint, environment().resourceManager, environment().suffixes.storage]',
        '',
        "@description('An AI Search suffix, if there were one.')",
        'output search string = environment().suffixes.search',
        '',
      ].join('\n'),
    );
    const run = await runBicep(bicep, ['build', file, '--stdout'], directory);
    expect(run.diagnostics.map(({ line, code }) => `${line} ${code}`)).toEqual(['5 BCP053']);
    expect(run.diagnostics[0]!.message).toMatch(/does not contain property "search"/);
    // One cold start of the compiler: over vitest's 20 s default on a busy 2-core machine.
  }, 120_000);
});
