import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFERED_MODEL_NAMES } from '../../src/ai/models.js';
import { DEFAULT_MODEL } from '../../src/answers/ai-fields.js';
import { main } from '../../src/main.js';
import { tempDir } from '../helpers/cli.js';
import { FakeTerminal, KEY } from '../helpers/terminal.js';
import { HUB_VNET_ID, zoneIds } from '../scenarios.js';

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

describe('the conversation', () => {
  it('asks only what no flag gave, offers the defaults, validates, summarises and writes', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const run = main(['contoso', '--location', 'swedencentral', '--no-git'], terminal.io(work));

    await terminal.answer('Workload name', KEY.enter); // the folder name is offered
    await terminal.answer('Which Microsoft Foundry setup?', KEY.enter);
    await terminal.answer('Which AI services?', KEY.enter);
    await terminal.answer('Foundry Agent Service with network injection?', KEY.enter);
    await terminal.answer('Which model?', KEY.enter); // asked because the services include openai; gpt-5.5 offered
    await terminal.answer('Model capacity', `0${KEY.enter}`);
    await terminal.waitFor('must be at least 1');
    terminal.type(`${KEY.backspace}40${KEY.enter}`);
    await terminal.answer("Entra group object IDs of the platform's users", `11111111-2222-3333-4444-555555555555${KEY.enter}`);
    await terminal.answer("Entra group object IDs of the platform's administrators", KEY.enter); // optional
    await terminal.answer('Which network topology?', KEY.enter); // hub-spoke, the recommended default
    await terminal.answer('Workload VNet address space', `${KEY.backspace.repeat(12)}10.0.0.0/33${KEY.enter}`);
    await terminal.waitFor('IPv4 allows /0 to /32'); // the schema's own message, shown in place
    terminal.type(`${KEY.backspace.repeat(11)}10.8.0.0/22${KEY.enter}`);
    await terminal.answer('Hub VNet address space', KEY.enter); // asked because the topology is hub-spoke
    await terminal.answer('Point-to-site VPN?', KEY.enter);
    await terminal.answer('Which AI gateway?', KEY.enter);
    await terminal.answer('Route egress through Azure Firewall?', KEY.enter); // yes: the default with hub-spoke
    await terminal.answer('Extra hosts the workload may reach through the firewall', `pypi.org${KEY.enter}`);
    await terminal.answer('Bastion and a jumpbox VM?', KEY.enter);
    await terminal.answer('Email for API Management', `ops@contoso.com${KEY.enter}`); // asked because the gateway is API Management
    await terminal.answer('Further regions for the AI gateway', KEY.enter); // none
    await terminal.answer('Environments', `${KEY.backspace.repeat(8)}dev,test${KEY.enter}`);
    await terminal.answer('GitHub repository', `contoso/ai-lz${KEY.enter}`);
    await terminal.answer('Write it?', KEY.enter);

    expect(await run).toBe(0);
    const screen = stripAnsi(terminal.screen);
    expect(screen).toContain('existing-hub');
    expect(screen).toMatch(/workload\s+contoso in swedencentral/);
    expect(screen).toContain('Your landing zone is ready.');
    const state = JSON.parse(await readFile(join(work, 'contoso/.secure-ai-landing/state.json'), 'utf8'));
    expect(state.answers).toMatchObject({
      name: 'contoso',
      foundry: 'project',
      services: ['openai'],
      model: 'gpt-5.5',
      modelCapacity: 40,
      userGroupIds: ['11111111-2222-3333-4444-555555555555'],
      adminGroupIds: [],
      topology: 'hub-spoke',
      addressSpace: '10.8.0.0/22',
      hubAddressSpace: '10.50.0.0/23',
      vpn: 'none',
      gateway: 'apim',
      publisherEmail: 'ops@contoso.com',
      firewall: true,
      allowedFqdns: ['pypi.org'],
      jumpbox: true,
      environments: ['dev', 'test'],
      githubRepo: 'contoso/ai-lz',
    });
    expect(state.answerSources).toMatchObject({ location: 'flag', name: 'prompt', topology: 'prompt', environments: 'prompt' });
    // The summary shows every answer, and a command line that repeats the run without questions.
    expect(screen).toMatch(/model\s+gpt-5\.5, 40k tokens\/min/);
    expect(screen).toMatch(/users\s+11111111-2222-3333-4444-555555555555/);
    expect(screen).toMatch(/publisher\s+ops@contoso\.com/);
    expect(screen).toMatch(/github\s+contoso\/ai-lz/);
    const command = /npm create secure-ai-landing@latest contoso -- --yes .*/.exec(screen)?.[0] ?? '';
    expect(command).toContain('--model-capacity 40');
    // Run in automation, that command line makes the same landing zone.
    const replay = await tempDir();
    const args = command
      .split(' ')
      .slice(3)
      .filter((word) => word !== '--');
    const automation = new FakeTerminal();
    expect(await main([...args, '--no-git'], { ...automation.io(replay), env: { CI: 'true' } }), automation.screen).toBe(0);
    const again = JSON.parse(await readFile(join(replay, 'contoso/.secure-ai-landing/state.json'), 'utf8'));
    expect(again.answers).toEqual(state.answers);
  });

  it('offers the regions as a type-ahead that forgives a typo, and the models as a selection', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const everythingElse = ['--name', 'contoso', '--foundry', 'project', '--services', 'openai', '--no-agents', '--model-capacity', '10'];
    const network = ['--user-group-ids', '', '--admin-group-ids', '', '--topology', 'single-vnet', '--vpn', 'none', '--gateway', 'none'];
    const rest = ['--no-firewall', '--no-jumpbox', '--address-space', '10.8.0.0/22', '--environments', 'dev', '--github-repo', 'a/b'];
    const run = main(['contoso', '--no-git', ...everythingElse, ...network, ...rest], terminal.io(work));
    await terminal.answer('Azure region?', 'swedencentrl');
    await terminal.waitFor('swedencentral'); // nothing is spelt so, but the region meant is offered
    terminal.type(KEY.enter);
    await terminal.answer('Which model?', `${KEY.down}${KEY.enter}`);
    await terminal.answer('Write it?', KEY.enter);
    expect(await run).toBe(0);
    for (const model of OFFERED_MODEL_NAMES) expect(stripAnsi(terminal.screen)).toContain(model);
    const state = JSON.parse(await readFile(join(work, 'contoso/.secure-ai-landing/state.json'), 'utf8'));
    // The selection starts at the default model; one down is the next (the list wraps around).
    const next = OFFERED_MODEL_NAMES[(OFFERED_MODEL_NAMES.indexOf(DEFAULT_MODEL) + 1) % OFFERED_MODEL_NAMES.length];
    expect(state.answers).toMatchObject({ location: 'swedencentral', model: next });
  });

  it('asks what an existing hub needs, refuses an empty required answer and lets an optional one stay empty', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const run = main(
      [
        'contoso',
        '--location',
        'swedencentral',
        '--no-git',
        '--name',
        'contoso',
        '--foundry',
        'project',
        '--services',
        'openai',
        '--no-agents',
        '--model',
        'gpt-5.5',
        '--model-capacity',
        '10',
        '--user-group-ids',
        '',
        '--admin-group-ids',
        '',
        '--address-space',
        '10.8.0.0/22',
        '--gateway',
        'none',
        '--no-jumpbox',
        '--environments',
        'dev',
        '--github-repo',
        'a/b',
      ],
      terminal.io(work),
    );
    await terminal.answer('Which network topology?', `${KEY.down}${KEY.down}${KEY.enter}`); // existing-hub
    await terminal.answer('Resource ID of the existing hub VNet?', KEY.enter);
    await terminal.waitFor('is required with --topology existing-hub');
    terminal.type(`${HUB_VNET_ID}${KEY.enter}`);
    await terminal.answer('Private IP of the hub', KEY.enter); // optional: no firewall in the hub
    await terminal.answer('DNS servers of the hub', `10.0.4.4${KEY.enter}`);
    await terminal.answer('Does Azure Policy create', `y${KEY.enter}`);
    // Still asked: no built-in policy registers the AI accounts' openai and services.ai names.
    const accountZones = zoneIds({ foundry: 'project', services: ['openai'], agents: false, gateway: 'none', dnsZonesByPolicy: true });
    await terminal.answer('Resource IDs of the central private DNS zones', `${accountZones.join(',')}${KEY.enter}`);
    await terminal.answer('Write it?', KEY.enter);
    expect(await run).toBe(0);
    expect(terminal.screen).not.toContain('Point-to-site VPN?');
    expect(terminal.screen).not.toContain('Route egress through Azure Firewall?');
    const state = JSON.parse(await readFile(join(work, 'contoso/.secure-ai-landing/state.json'), 'utf8'));
    expect(state.answers).toMatchObject({
      topology: 'existing-hub',
      hubVnetId: HUB_VNET_ID,
      hubDnsServers: ['10.0.4.4'],
      dnsZonesByPolicy: true,
      privateDnsZoneIds: accountZones,
      firewall: false,
    });
    expect(state.answers.hubFirewallIp).toBeUndefined();
  });

  it('skips the questions that the answers so far make pointless', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const run = main(
      [
        'contoso',
        '--location',
        'swedencentral',
        '--no-git',
        '--name',
        'contoso',
        '--foundry',
        'project',
        '--services',
        'openai',
        '--no-agents',
        '--model',
        'gpt-5.5',
        '--model-capacity',
        '10',
        '--user-group-ids',
        '',
        '--admin-group-ids',
        '',
        '--address-space',
        '10.8.0.0/22',
        '--vpn',
        'none',
        '--gateway',
        'none',
        '--no-jumpbox',
        '--environments',
        'dev',
        '--github-repo',
        'a/b',
      ],
      terminal.io(work),
    );
    await terminal.answer('Which network topology?', `${KEY.down}${KEY.enter}`); // single-vnet: no hub to size
    await terminal.answer('Route egress through Azure Firewall?', `${KEY.enter}`); // no, the default without a hub
    await terminal.answer('Write it?', KEY.enter);
    expect(await run).toBe(0);
    expect(terminal.screen).not.toContain('Hub VNet address space');
    expect(terminal.screen).not.toContain('Extra hosts the workload may reach');
    const state = JSON.parse(await readFile(join(work, 'contoso/.secure-ai-landing/state.json'), 'utf8'));
    expect(state.answers).toMatchObject({ topology: 'single-vnet', firewall: false, allowedFqdns: [] });
    expect(state.answers.hubAddressSpace).toBeUndefined();
  });

  it('refuses an invalid flag before asking anything', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    expect(await main(['lz', '--model-capacity', '0'], terminal.io(work))).toBe(2);
    expect(stripAnsi(terminal.screen)).toContain('must be at least 1');
    expect(terminal.screen).not.toContain('Workload name');
    expect(await readdir(work)).toEqual([]);
  });

  it('Ctrl-C cancels with a non-zero exit and writes nothing', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const run = main(['contoso', '--location', 'swedencentral'], terminal.io(work));
    await terminal.answer('Workload name', KEY.enter);
    await terminal.answer('Which Microsoft Foundry setup?', KEY.ctrlC);
    expect(await run).toBe(130);
    expect(stripAnsi(terminal.screen)).toContain('cancelled');
    expect(await readdir(work)).toEqual([]);
  });

  it('answering no to the summary cancels and writes nothing', async () => {
    const work = await tempDir();
    const terminal = new FakeTerminal();
    const run = main(
      [
        'lz',
        '--location',
        'westeurope',
        '--name',
        'lz',
        '--foundry',
        'project',
        '--services',
        'openai',
        '--no-agents',
        '--model',
        'gpt-5.5',
        '--model-capacity',
        '10',
        '--user-group-ids',
        '',
        '--admin-group-ids',
        '',
        '--topology',
        'single-vnet',
        '--address-space',
        '10.1.0.0/22',
        '--vpn',
        'none',
        '--gateway',
        'none',
        '--no-firewall',
        '--no-jumpbox',
        '--environments',
        'dev',
        '--github-repo',
        'a/b',
      ],
      terminal.io(work),
    );
    await terminal.answer('Write it?', `${KEY.down}${KEY.enter}`);
    expect(await run).toBe(130);
    expect(await readdir(work)).toEqual([]);
  });
});
