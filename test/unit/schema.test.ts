import { describe, expect, it } from 'vitest';
import { finalize, mergeLayers } from '../../src/answers/resolve.js';
import { type PartialAnswers, PartialAnswersSchema } from '../../src/answers/schema.js';

function resolveAnswers(flags: PartialAnswers, folder = 'my-lz') {
  const { merged, sources } = mergeLayers({ flags, file: {} }, folder);
  return finalize(merged, sources);
}

function issuesOf(flags: PartialAnswers) {
  const result = resolveAnswers({ name: 'contoso', location: 'swedencentral', ...flags });
  if (!('issues' in result)) throw new Error('expected invalid answers');
  return result.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('answers schema: valid answers', () => {
  it('fills every default of the design\'s question table', () => {
    const result = resolveAnswers({ location: 'swedencentral' });
    expect(result).toMatchObject({
      answers: {
        name: 'my-lz', foundry: 'project', services: ['openai'], topology: 'hub-spoke', vpn: 'none', gateway: 'apim',
        agents: false, firewall: true, jumpbox: true, environments: ['dev', 'prod'], addressSpace: '10.60.0.0/22',
      },
      sources: { name: 'derived', location: 'flag', foundry: 'default', firewall: 'derived' },
    });
  });

  it('gives each environment of a hub-spoke its own hub block next to its spoke', () => {
    const result = resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'hub-spoke', environments: ['dev', 'prod'] });
    expect(result).toMatchObject({ answers: { hubAddressSpace: '10.50.0.0/23' }, sources: { hubAddressSpace: 'derived' } });
  });

  it('derives the firewall default from the topology: on for hub-spoke only', () => {
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'single-vnet' })).toMatchObject({ answers: { firewall: false } });
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'single-vnet', firewall: true })).toMatchObject({ answers: { firewall: true }, sources: { firewall: 'flag' } });
  });

  it('prefers a flag over the answers file over the default', () => {
    const { merged, sources } = mergeLayers({ flags: { vpn: 'p2s' }, file: { vpn: 'none', gateway: 'none' } }, 'x');
    expect(merged).toMatchObject({ vpn: 'p2s', gateway: 'none' });
    expect(sources).toMatchObject({ vpn: 'flag', gateway: 'file' });
  });

  it('takes no name from a folder whose name is not a valid workload name', () => {
    expect(mergeLayers({ flags: {}, file: {} }, 'My Landing Zone').merged.name).toBeUndefined();
    expect(mergeLayers({ flags: {}, file: {} }, 'Contoso-AI').merged.name).toBe('contoso-ai');
  });
});

describe('answers schema: invalid answers name the input and what would be valid', () => {
  it.each([
    [{ foundry: 'hubb' }, 'foundry', /valid: project, hub, none|expected one of/],
    [{ name: "o'brien ${x}" }, 'name', /lowercase letters, digits and single hyphens/],
    [{ name: 'abcdefghijk' }, 'name', /at most 10 characters/],
    [{ name: 'a--b' }, 'name', /single hyphens/],
    [{ name: 'ab-' }, 'name', /ending with a letter or digit/],
    [{ name: 'Contoso' }, 'name', /lowercase/],
    [{ location: 'swedencentrl' }, 'location', /not an Azure region.*swedencentral/],
    [{ environments: [] }, 'environments', /at least one environment/],
    [{ environments: ['dev', 'dev'] }, 'environments', /lists an environment twice/],
    [{ environments: ['Prod'] }, 'environments.0', /lowercase letters and digits/],
    [{ environments: ['production'] }, 'environments.0', /2 to 5 characters/],
    [{ services: ['openai', 'openai'] }, 'services', /lists a service twice/],
    [{ services: ['gpt'] as never }, 'services.0', /expected one of/],
    [{ agents: true, foundry: 'hub' }, 'agents', /needs project-based Foundry/],
    [{ vpn: 'p2s', topology: 'existing-hub' }, 'vpn', /VPN gateway belongs in that hub/],
    [{ foundry: 'none', services: [] }, 'services', /nothing to deploy/],
    [{ addressSpace: '10.0.0.0/33' }, 'addressSpace', /\/33; IPv4 allows \/0 to \/32/],
    [{ addressSpace: '8.8.8.0/24' }, 'addressSpace', /not a private range/],
    [{ addressSpace: '10.0.0.0/28' }, 'addressSpace', /too small.*at least a \/26/],
    [{ addressSpace: '10.0.0.1/24' }, 'addressSpace', /not aligned.*10\.0\.0\.0\/24/],
    [{ addressSpace: '10.255.255.0/24' }, 'addressSpace', /no private room for environment prod/],
    [{ githubRepo: 'not a repo' }, 'githubRepo', /owner\/repository/],
    [{ topology: 'hub-spoke', hubAddressSpace: '10.60.2.0/23' }, 'hubAddressSpace', /makes the hub of dev \(10\.60\.2\.0\/23\) overlaps the workload VNet of dev \(10\.60\.0\.0\/22\)/],
    [{ topology: 'hub-spoke', hubAddressSpace: '10.50.0.0/26' }, 'hubAddressSpace', /too small: the subnets need at least a \/25 \(\/26 for Azure Firewall \(AzureFirewallSubnet, a \/26 at least\), \/28 for the DNS resolver inbound endpoint/],
    [{ topology: 'hub-spoke', firewall: false, hubAddressSpace: '10.50.0.0/29' }, 'hubAddressSpace', /too small: the subnets need at least a \/27 \(\/28 for the DNS resolver inbound endpoint/],
    [{ topology: 'single-vnet', firewall: true, addressSpace: '10.1.0.0/26' }, 'addressSpace', /too small: the subnets need at least a \/25/],
    [{ allowedFqdns: ['pypi.org'] as never, topology: 'single-vnet' }, 'allowedFqdns', /needs the firewall/],
    [{ allowedFqdns: ['https://pypi.org'] as never }, 'allowedFqdns.0', /host name such as pypi.org/],
    [{ allowedFqdns: ['PyPI.org', 'pypi.org'] as never }, 'allowedFqdns', /lists a host twice/],
    [{ topology: 'single-vnet', hubAddressSpace: '10.50.0.0/24', addressSpace: '10.0.0.0/28' }, 'addressSpace', /too small/],
    [{ topology: 'hub-spoke', hubAddressSpace: '100.64.0.0/24' }, 'hubAddressSpace', /not a private range/],
    [{ topology: 'hub-spoke', hubAddressSpace: '10.0.16.0/24' }, 'hubAddressSpace', /DNS resolver subnet snet-dns-inbound \(10\.0\.16\.64\/28\) in 10\.0\.1\.0–10\.0\.16\.255/],
    [{ topology: 'single-vnet', hubAddressSpace: '10.50.0.0/24' }, 'hubAddressSpace', /only used with --topology hub-spoke, not single-vnet/],
  ] as const)('%j is refused at %s', (flags, path, message) => {
    const issues = issuesOf(flags as PartialAnswers);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses unknown keys in a partial answer set (answers files)', () => {
    const result = PartialAnswersSchema.safeParse({ location: 'swedencentral', region: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['region'] });
  });
});
