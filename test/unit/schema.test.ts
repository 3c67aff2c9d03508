import { describe, expect, it } from 'vitest';
import { finalize, mergeLayers } from '../../src/answers/resolve.js';
import { type PartialAnswers, PartialAnswersSchema } from '../../src/answers/schema.js';
import { EDGE, HUB_VNET_ID, zoneIds } from '../scenarios.js';

function resolveAnswers(flags: PartialAnswers, folder = 'my-lz') {
  const { merged, sources } = mergeLayers({ flags, file: {} }, folder);
  return finalize(merged, sources);
}

function issuesOf(flags: PartialAnswers) {
  const result = resolveAnswers({ name: 'contoso', location: 'swedencentral', ...flags });
  if (!('issues' in result)) throw new Error('expected invalid answers');
  return result.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Answers whose only problems are those a row provokes: no gateway and no jumpbox to size for. */
function bareIssuesOf(flags: PartialAnswers) {
  const result = resolveAnswers({ name: 'contoso', location: 'swedencentral', gateway: 'none', jumpbox: false, ...flags });
  if (!('issues' in result)) throw new Error('expected invalid answers');
  return result.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('answers schema: valid answers', () => {
  it("fills every default of the design's question table", () => {
    // API Management needs the publisher's email, which has no sensible default.
    const result = resolveAnswers({ location: 'swedencentral', publisherEmail: 'ops@contoso.com' });
    expect(result).toMatchObject({
      answers: {
        name: 'my-lz',
        foundry: 'project',
        services: ['openai'],
        topology: 'hub-spoke',
        vpn: 'none',
        gateway: 'apim',
        agents: false,
        cosmosZoneRedundant: false,
        model: 'gpt-5.5',
        firewall: true,
        jumpbox: true,
        environments: ['dev', 'prod'],
        addressSpace: '10.60.0.0/22',
      },
      sources: { name: 'derived', location: 'flag', foundry: 'default', firewall: 'derived' },
    });
    expect(issuesOf({})).toEqual([{ path: 'publisherEmail', message: expect.stringMatching(/required with --gateway apim/) }]);
  });

  it('gives each environment of a hub-spoke its own hub block next to its spoke', () => {
    const result = resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'hub-spoke', environments: ['dev', 'prod'], gateway: 'none' });
    expect(result).toMatchObject({ answers: { hubAddressSpace: '10.50.0.0/23' }, sources: { hubAddressSpace: 'derived' } });
  });

  it('derives the firewall default: on for hub-spoke, and for a single VNet with a jumpbox (its only way out)', () => {
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'single-vnet', gateway: 'none', jumpbox: false })).toMatchObject({
      answers: { firewall: false },
    });
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'single-vnet', gateway: 'none' })).toMatchObject({
      answers: { firewall: true, jumpbox: true },
      sources: { firewall: 'derived' },
    });
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', topology: 'single-vnet', firewall: true, gateway: 'none' })).toMatchObject({
      answers: { firewall: true },
      sources: { firewall: 'flag' },
    });
  });

  it('derives the firewall for a single VNet with API Management or the agents, their only way out too', () => {
    const singleVnet = { name: 'a1', location: 'westeurope', topology: 'single-vnet', jumpbox: false } as const;
    expect(resolveAnswers({ ...singleVnet, publisherEmail: 'a@b.co' })).toMatchObject({
      answers: { firewall: true, gateway: 'apim' },
      sources: { firewall: 'derived' },
    });
    expect(resolveAnswers({ ...singleVnet, gateway: 'none', agents: true })).toMatchObject({ answers: { firewall: true }, sources: { firewall: 'derived' } });
  });

  it('lets API Management and the agents leave through an existing hub whose firewall is named', () => {
    const answers: PartialAnswers = {
      name: 'a1',
      location: 'swedencentral',
      topology: 'existing-hub',
      hubVnetId: HUB_VNET_ID,
      hubDnsServers: ['10.0.4.4'],
      hubFirewallIp: '10.0.0.4',
      agents: true,
      publisherEmail: 'a@b.co',
    };
    expect(resolveAnswers({ ...answers, privateDnsZoneIds: zoneIds({ agents: true, gateway: 'apim' }) })).toMatchObject({
      answers: { gateway: 'apim', agents: true },
    });
  });

  it('derives the VPN client pool with p2s, and the DNS zone choice with an existing hub', () => {
    expect(resolveAnswers({ name: 'a1', location: 'westeurope', vpn: 'p2s', gateway: 'none' })).toMatchObject({
      answers: { vpnClientAddressPool: '172.16.200.0/24' },
      sources: { vpnClientAddressPool: 'derived' },
    });
    const existing = resolveAnswers({
      name: 'a1',
      location: 'westeurope',
      topology: 'existing-hub',
      gateway: 'none',
      hubVnetId: HUB_VNET_ID,
      hubDnsServers: ['10.0.4.4'],
      privateDnsZoneIds: zoneIds(),
    });
    expect(existing).toMatchObject({ answers: { firewall: false, dnsZonesByPolicy: false }, sources: { firewall: 'derived', dnsZonesByPolicy: 'derived' } });
  });

  it("derives the certificate vault's permission model (rbac) with an Application Gateway only, and takes access-policy", () => {
    const edge = { name: 'a1', location: 'westeurope', gateway: 'apim-appgw', publisherEmail: 'a@b.co', ...EDGE } as const;
    expect(resolveAnswers(edge)).toMatchObject({
      answers: { certificateKeyVaultPermissionModel: 'rbac' },
      sources: { certificateKeyVaultPermissionModel: 'derived' },
    });
    expect(resolveAnswers({ ...edge, certificateKeyVaultPermissionModel: 'access-policy' })).toMatchObject({
      answers: { certificateKeyVaultPermissionModel: 'access-policy' },
      sources: { certificateKeyVaultPermissionModel: 'flag' },
    });
    const apim = resolveAnswers({ name: 'a1', location: 'westeurope', publisherEmail: 'a@b.co' });
    if (!('answers' in apim)) throw new Error('expected valid answers');
    expect(apim.answers.certificateKeyVaultPermissionModel).toBeUndefined();
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
    [
      { topology: 'hub-spoke', hubAddressSpace: '10.60.2.0/23' },
      'hubAddressSpace',
      /makes the hub of dev \(10\.60\.2\.0\/23\) overlaps the workload VNet of dev \(10\.60\.0\.0\/22\)/,
    ],
    [
      { topology: 'hub-spoke', hubAddressSpace: '10.50.0.0/26' },
      'hubAddressSpace',
      /too small: the subnets need at least a \/25 \(\/26 for Azure Firewall \(AzureFirewallSubnet, a \/26 at least\), \/28 for the DNS resolver inbound endpoint/,
    ],
    [
      { topology: 'hub-spoke', jumpbox: true, vpn: 'p2s', hubAddressSpace: '10.50.0.0/25' },
      'hubAddressSpace',
      /too small: the subnets need at least a \/24 \(\/26 for Azure Firewall .*\/26 for Azure Bastion .*\/27 for the VPN gateway \(GatewaySubnet/,
    ],
    [
      { topology: 'single-vnet', gateway: 'apim-appgw', publisherEmail: 'a@b.co', addressSpace: '10.1.0.0/25' },
      'addressSpace',
      /too small: the subnets need at least a \/24 .*\/27 for API Management .*\/26 for Application Gateway v2/,
    ],
    [
      { topology: 'hub-spoke', firewall: false, hubAddressSpace: '10.50.0.0/29' },
      'hubAddressSpace',
      /too small: the subnets need at least a \/27 \(\/28 for the DNS resolver inbound endpoint/,
    ],
    [{ topology: 'single-vnet', firewall: true, addressSpace: '10.1.0.0/26' }, 'addressSpace', /too small: the subnets need at least a \/25/],
    [{ allowedFqdns: ['pypi.org'] as never, topology: 'single-vnet' }, 'allowedFqdns', /needs the firewall/],
    [{ allowedFqdns: ['https://pypi.org'] as never }, 'allowedFqdns.0', /host name such as pypi.org/],
    [{ allowedFqdns: ['PyPI.org', 'pypi.org'] as never }, 'allowedFqdns', /lists a host twice/],
    [{ topology: 'single-vnet', hubAddressSpace: '10.50.0.0/24', addressSpace: '10.0.0.0/28' }, 'addressSpace', /too small/],
    [{ topology: 'hub-spoke', hubAddressSpace: '100.64.0.0/24' }, 'hubAddressSpace', /not a private range/],
    [
      { topology: 'hub-spoke', hubAddressSpace: '10.0.16.0/24' },
      'hubAddressSpace',
      /DNS resolver subnet snet-dns-inbound \(10\.0\.16\.64\/28\) in 10\.0\.1\.0–10\.0\.16\.255/,
    ],
    [{ topology: 'single-vnet', hubAddressSpace: '10.50.0.0/24' }, 'hubAddressSpace', /only used with --topology hub-spoke, not single-vnet/],
    [
      { vpn: 'p2s', vpnClientAddressPool: '10.60.0.0/24' },
      'vpnClientAddressPool',
      /makes the VPN client pool of dev \(10\.60\.0\.0\/24\) overlaps the workload VNet of dev \(10\.60\.0\.0\/22\)/,
    ],
    [
      { vpn: 'p2s', topology: 'hub-spoke', vpnClientAddressPool: '10.50.1.0/24' },
      'vpnClientAddressPool',
      /makes the VPN client pool of dev \(10\.50\.1\.0\/24\) overlaps the hub of dev \(10\.50\.0\.0\/23\)/,
    ],
    [{ vpn: 'p2s', vpnClientAddressPool: '100.64.0.0/24' }, 'vpnClientAddressPool', /not a private range/],
    [{ vpnClientAddressPool: '172.16.200.0/24' }, 'vpnClientAddressPool', /only used with --vpn p2s/],
    [{ topology: 'existing-hub' }, 'hubVnetId', /required with --topology existing-hub: the resource ID of the hub VNet/],
    [{ topology: 'existing-hub' }, 'hubDnsServers', /required with --topology existing-hub/],
    [{ topology: 'existing-hub' }, 'privateDnsZoneIds', /lacks the resource IDs of privatelink\.cognitiveservices\.azure\.com .*--dns-zones-by-policy/],
    // NET-05: the built-in policy writes only the cognitiveservices zone of an AI account's endpoint.
    [
      { topology: 'existing-hub', dnsZonesByPolicy: true, privateDnsZoneIds: zoneIds({ dnsZonesByPolicy: true }).slice(0, 1) },
      'privateDnsZoneIds',
      /lacks the resource IDs of privatelink\.openai\.azure\.com .*privatelink\.services\.ai\.azure\.com .*no built-in Azure Policy definition/,
    ],
    [
      { topology: 'existing-hub', hubVnetId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub' },
      'hubVnetId',
      /resource ID of a virtualNetworks resource, e\.g\. \/subscriptions\//,
    ],
    [{ topology: 'existing-hub', firewall: true }, 'firewall', /cannot be true with an existing hub.*--hub-firewall-ip/],
    [{ topology: 'existing-hub', hubDnsServers: ['8.8.8.8'] }, 'hubDnsServers.0', /not a private address/],
    [{ topology: 'existing-hub', hubFirewallIp: '10.0.0.256' }, 'hubFirewallIp', /not an IPv4 address/],
    [
      { topology: 'existing-hub', privateDnsZoneIds: [...zoneIds(), zoneIds()[0]!.replace('cognitiveservices.azure.com', 'search.windows.net')] },
      'privateDnsZoneIds.6',
      /zone privatelink\.search\.windows\.net, which this landing zone does not use/,
    ],
    [{ topology: 'single-vnet', hubVnetId: HUB_VNET_ID }, 'hubVnetId', /only used with --topology existing-hub/],
    [
      { topology: 'existing-hub', privateDnsZoneIds: [...zoneIds(), zoneIds()[1]!] },
      'privateDnsZoneIds.6',
      /names zone privatelink\.openai\.azure\.com a second time/,
    ],
    // NET-08: API Management's host names get zones of their own in the spoke; a central azure-api.net zone would hide
    // every other organisation's gateway from the hub's networks.
    [
      {
        topology: 'existing-hub',
        gateway: 'apim',
        publisherEmail: 'a@b.co',
        privateDnsZoneIds: [...zoneIds(), zoneIds()[0]!.replace('privatelink.cognitiveservices.azure.com', 'azure-api.net')],
      },
      'privateDnsZoneIds.6',
      /names zone azure-api\.net, which this landing zone does not use/,
    ],
    [{ topology: 'existing-hub', hubFirewallIp: '10.60.0.4' }, 'hubFirewallIp', /lies in the spoke's own address space/],
    [{ topology: 'existing-hub', hubDnsServers: ['10.0.4.4', '10.60.4.10'] }, 'hubDnsServers.1', /lies in the spoke's own address space/],
    [{ topology: 'existing-hub', allowedFqdns: ['pypi.org'] as never }, 'allowedFqdns', /not used with an existing hub.*platform team owns/],
    [{ gateway: 'apim', publisherEmail: 'not-an-email' }, 'publisherEmail', /must be an email address/],
    [{ publisherEmail: 'ops@contoso.com' }, 'publisherEmail', /only used with an API Management gateway/],
    [
      { topology: 'hub-spoke', firewall: false, jumpbox: true },
      'jumpbox',
      /needs the firewall.*Microsoft Entra ID sign-in, Windows Update and the Foundry portal/,
    ],
    [
      { gateway: 'apim', publisherEmail: 'a@b.co', apimRegions: ['westeurope'], environments: ['dev', 'test'] },
      'apimRegions',
      /needs a production environment.*dev, test get Developer, which cannot/,
    ],
    [{ gateway: 'apim', publisherEmail: 'a@b.co', apimRegions: ['swedencentral'] }, 'apimRegions.0', /the landing zone's own region/],
    [{ gateway: 'apim', publisherEmail: 'a@b.co', apimRegions: ['westcentralus'] }, 'apimRegions.0', /has no availability zones/],
    [{ gateway: 'apim', publisherEmail: 'a@b.co', apimRegions: ['westeurop'] }, 'apimRegions.0', /not an Azure region/],
    [{ cosmosZoneRedundant: true }, 'cosmosZoneRedundant', /is only used with --agents/],
    [
      { agents: true, cosmosZoneRedundant: true, location: 'westcentralus' },
      'cosmosZoneRedundant',
      /needs a region with availability zones, and westcentralus has none/,
    ],
    [{ apimRegions: ['westeurope'] }, 'apimRegions', /only used with an API Management gateway/],
    [
      {
        gateway: 'apim-appgw',
        publisherEmail: 'a@b.co',
        gatewayHostName: 'ai.contoso.com',
        certificateUri: 'https://kv-certs.vault.azure.net/secrets/ai/0123456789abcdef0123456789abcdef',
        certificateKeyVaultId: EDGE.certificateKeyVaultId,
      },
      'certificateUri',
      /versionless Key Vault secret URI/,
    ],
    [
      {
        gateway: 'apim-appgw',
        publisherEmail: 'a@b.co',
        gatewayHostName: 'ai.contoso.com',
        certificateUri: 'https://kv-certs.vault.azure.net/certificates/ai',
        certificateKeyVaultId: EDGE.certificateKeyVaultId,
      },
      'certificateUri',
      /Key Vault secret URI/,
    ],
    [
      { gateway: 'apim-appgw', publisherEmail: 'a@b.co', ...EDGE, certificateKeyVaultId: EDGE.certificateKeyVaultId!.replace('kv-certs', 'kv-other') },
      'certificateKeyVaultId',
      /names vault kv-other, but the certificate URI is in vault kv-certs/,
    ],
    [{ gateway: 'apim-appgw', publisherEmail: 'a@b.co' }, 'gatewayHostName', /required with --gateway apim-appgw/],
    [
      { gateway: 'apim-frontdoor', publisherEmail: 'a@b.co', ...EDGE, location: 'westcentralus' },
      'gateway',
      /cannot be apim-frontdoor in westcentralus: Front Door reaches its origin over Private Link only in/,
    ],
    [{ gateway: 'none', ...EDGE }, 'gatewayHostName', /only used with --gateway apim-appgw or apim-frontdoor/],
    [
      { gateway: 'apim', publisherEmail: 'a@b.co', certificateKeyVaultPermissionModel: 'access-policy' },
      'certificateKeyVaultPermissionModel',
      /only used with --gateway apim-appgw or apim-frontdoor/,
    ],
    [
      {
        gateway: 'apim-appgw',
        publisherEmail: 'a@b.co',
        ...EDGE,
        certificateKeyVaultId: EDGE.certificateKeyVaultId!.replace('Microsoft.KeyVault/vaults', 'Microsoft.Storage/storageAccounts'),
      },
      'certificateKeyVaultId',
      /must be the resource ID of a vaults resource/,
    ],
    [{ modelCapacity: 0 }, 'modelCapacity', /at least 1 \(thousand tokens per minute\)/],
    [{ modelCapacity: -5 }, 'modelCapacity', /at least 1/],
    [{ modelCapacity: 'lots' as never }, 'modelCapacity', /whole number of thousands of tokens per minute/],
    [{ modelCapacity: 2.5 }, 'modelCapacity', /whole number/],
    [{ model: 'no-such-model' }, 'model', /not a model this generator knows; valid: gpt-5\.4, gpt-5\.4-mini, gpt-5\.5, DeepSeek-V3\.2 .*edit modelDeployments/],
    [
      { foundry: 'none', services: ['openai'], model: 'DeepSeek-V3.2' },
      'model',
      /Foundry model \(format DeepSeek\), which an Azure OpenAI account cannot deploy.*--foundry project or hub/,
    ],
    [{ services: ['search'], model: 'gpt-5.4' }, 'model', /only used with model deployments/],
    [{ services: ['search'], modelCapacity: 20 }, 'modelCapacity', /only used with model deployments/],
    [{ userGroupIds: ['not-a-guid'] as never }, 'userGroupIds.0', /object ID \(a GUID such as 00000000-/],
    [{ adminGroupIds: ['11111111-2222-3333-4444-555555555555', '11111111-2222-3333-4444-555555555555'] as never }, 'adminGroupIds', /lists a group twice/],
    [{ foundry: 'none', services: ['search'], gateway: 'apim', publisherEmail: 'a@b.co' }, 'gateway', /without a model endpoint to front.*--gateway none/],
    [{ agents: true, agentAddressSpace: '10.70.0.0/24' }, 'agentAddressSpace', /outside 172\.16\.0\.0\/12 and 192\.168\.0\.0\/16.*Foundry Agent Service/],
    [{ agents: true, agentAddressSpace: '192.168.0.0/28' }, 'agentAddressSpace', /too small.*\/27 or larger/],
    [{ agents: true, agentAddressSpace: '172.31.255.0/24' }, 'agentAddressSpace', /no private room for environment prod|outside 172\.16\.0\.0\/12/],
    [
      { agents: true, vpn: 'p2s', agentAddressSpace: '172.16.200.0/24' },
      'agentAddressSpace',
      /agent subnet of dev \(172\.16\.200\.0\/24\) overlaps the VPN client pool|VPN client pool of dev \(172\.16\.200\.0\/24\) overlaps the agent subnet/,
    ],
    [{ agentAddressSpace: '192.168.0.0/24' }, 'agentAddressSpace', /only used with --agents/],
    [
      { topology: 'single-vnet', firewall: false, gateway: 'apim', publisherEmail: 'a@b.co' },
      'gateway',
      /cannot be apim with --no-firewall: every subnet is private.*Storage, SQL, Key Vault and Azure Monitor.*keep --firewall, or pass --gateway none/,
    ],
    [
      { topology: 'hub-spoke', firewall: false, gateway: 'apim-appgw', publisherEmail: 'a@b.co', ...EDGE },
      'gateway',
      /cannot be apim-appgw with --no-firewall/,
    ],
    [
      { topology: 'existing-hub', hubVnetId: HUB_VNET_ID, hubDnsServers: ['10.0.4.4'], gateway: 'apim', publisherEmail: 'a@b.co' },
      'gateway',
      /cannot be apim with no --hub-firewall-ip.*give the hub firewall's private IP with --hub-firewall-ip, or pass --gateway none/,
    ],
    [
      { topology: 'hub-spoke', firewall: false, agents: true },
      'agents',
      /cannot be used with --no-firewall: every subnet is private.*Container Apps platform.*keep --firewall, or pass --no-agents/,
    ],
    [
      { topology: 'existing-hub', hubVnetId: HUB_VNET_ID, hubDnsServers: ['10.0.4.4'], agents: true },
      'agents',
      /cannot be used with no --hub-firewall-ip.*--hub-firewall-ip, or pass --no-agents/,
    ],
  ] as const)('%j is refused at %s', (flags, path, message) => {
    const issues = bareIssuesOf(flags as PartialAnswers);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses unknown keys in a partial answer set (answers files)', () => {
    const result = PartialAnswersSchema.safeParse({ location: 'swedencentral', region: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['region'] });
  });
});
