import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { PtyRun } from '../helpers/pty.js';
import { KEY } from '../helpers/terminal.js';

/** Every answer given, apart from the ones each test leaves to the conversation. */
const GIVEN = {
  '--name': 'lz',
  '--foundry': 'project',
  '--services': 'openai',
  '--model': 'gpt-5.5',
  '--model-capacity': '10',
  '--user-group-ids': '',
  '--admin-group-ids': '',
  '--vpn': 'none',
  '--allowed-fqdns': '',
  '--publisher-email': 'ops@example.com',
  '--apim-regions': '',
  '--environments': 'dev,prod',
  '--github-repo': 'contoso/ai-lz',
};
const flags = (omit: readonly string[] = []) => [
  '--no-agents',
  ...Object.entries(GIVEN)
    .filter(([flag]) => !omit.includes(flag))
    .flat(),
];

describe('the conversation in a real terminal', () => {
  it('offers defaults that fit the answers so far, refuses a conflict at its question, and never ends in exit 2', async () => {
    const work = await tempDir();
    const run = new PtyRun(
      [
        'lz',
        '--no-git',
        ...flags(),
        '--topology',
        'hub-spoke',
        '--address-space',
        '10.50.0.0/22',
        '--gateway',
        'apim-appgw',
        '--gateway-host-name',
        'ai.contoso.com',
        '--certificate-uri',
        'https://kv-certs.vault.azure.net/secrets/ai-gateway',
      ],
      work,
    );
    // A region as the portal writes it.
    await run.answer('Azure region?', 'Sweden Central ');
    await run.waitFor('(1 match)');
    run.type(KEY.enter);
    // The spoke takes 10.50.0.0/22 and 10.50.4.0/22 (dev, prod): the hub's default moves past them.
    await run.waitFor('Hub VNet address space');
    await run.waitFor('10.50.8.0/23');
    run.type(KEY.enter);
    // API Management's only way out is the firewall (a jumpbox's too), so the offered answers are Yes.
    await run.waitFor('Route egress through Azure Firewall?');
    await run.waitFor('● Yes');
    run.type(KEY.enter);
    await run.waitFor('Bastion and a jumpbox VM?');
    await run.waitFor('● Yes');
    run.type(KEY.enter);
    // A vault that is not the certificate's is refused at its question, with the flags' message.
    const otherVault = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-other';
    await run.answer('Resource ID of that Key Vault?', `${otherVault}${KEY.enter}`);
    await run.waitFor('names vault kv-other, but the certificate URI is in vault kv-certs');
    run.type(`${KEY.backspace.repeat(5)}certs${KEY.enter}`);
    // Bicep cannot read the vault's permission model before deploying, so it is asked; RBAC is offered.
    await run.answer('How does that Key Vault grant access?', KEY.enter);
    await run.waitFor('The same without questions, for automation:');
    await run.answer('Write it?', KEY.enter);
    expect(await run.exited).toBe(0);
    const state = JSON.parse(await readFile(join(work, 'lz/.secure-ai-landing/state.json'), 'utf8'));
    expect(state.answers).toMatchObject({
      location: 'swedencentral',
      addressSpace: '10.50.0.0/22',
      hubAddressSpace: '10.50.8.0/23',
      firewall: true,
      jumpbox: true,
      certificateKeyVaultId: otherVault.replace('kv-other', 'kv-certs'),
      certificateKeyVaultPermissionModel: 'rbac',
    });
  }, 60_000);

  it('takes the person back to a question a later answer conflicts with, with the answer kept, instead of failing', async () => {
    const work = await tempDir();
    // Extra gateway regions run only in production; the environments, asked later, leave none.
    const run = new PtyRun(
      [
        'lz',
        '--no-git',
        '--location',
        'swedencentral',
        ...flags(['--apim-regions', '--environments']),
        '--topology',
        'single-vnet',
        '--no-jumpbox',
        '--firewall',
        '--address-space',
        '10.8.0.0/22',
        '--gateway',
        'apim',
      ],
      work,
    );
    await run.answer('Further regions for the AI gateway', `westeurope${KEY.enter}`);
    await run.answer('Environments', `${KEY.backspace.repeat(8)}dev,test${KEY.enter}`);
    await run.waitFor('needs a production environment (prod, prd or live)');
    await run.waitFor('Further regions for the AI gateway');
    await run.waitFor('westeurope'); // the answer given is offered again
    run.type(`${KEY.backspace.repeat(10)}${KEY.enter}`);
    await run.answer('Write it?', KEY.enter);
    expect(await run.exited).toBe(0);
    expect(run.screen).not.toContain('error:');
    const state = JSON.parse(await readFile(join(work, 'lz/.secure-ai-landing/state.json'), 'utf8'));
    expect(state.answers).toMatchObject({ environments: ['dev', 'test'], apimRegions: [] });
  }, 60_000);
});
