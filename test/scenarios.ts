import { finalize, mergeLayers } from '../src/answers/resolve.js';
import { type Service, SERVICES } from '../src/answers/ai-fields.js';
import type { Answers, PartialAnswers } from '../src/answers/schema.js';
import { existingHubZonesFor } from '../src/network/private-endpoints.js';

export const HUB_VNET_ID =
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-swc';

/** Resource IDs of central zones, as a platform team would give them: every zone these answers need. */
export function zoneIds(answers: Partial<Pick<Answers, 'foundry' | 'services' | 'agents' | 'gateway' | 'dnsZonesByPolicy'>> = {}): string[] {
  const zones = existingHubZonesFor({
    topology: 'existing-hub',
    firewall: false,
    hubFirewallIp: undefined,
    jumpbox: false,
    vpn: 'none',
    apimRegions: [],
    foundry: answers.foundry ?? 'project',
    services: answers.services ?? ['openai'],
    agents: answers.agents ?? false,
    gateway: answers.gateway ?? 'none',
    dnsZonesByPolicy: answers.dnsZonesByPolicy,
  });
  return zones.map(
    (zone) => `/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone.name}`,
  );
}

/** The certificate and host name an internet-facing gateway needs. */
export const EDGE: PartialAnswers = {
  gatewayHostName: 'ai.contoso.com',
  certificateUri: 'https://kv-certs.vault.azure.net/secrets/ai-gateway',
  certificateKeyVaultId: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs/providers/Microsoft.KeyVault/vaults/kv-certs',
};

/**
 * The configurations the tests generate. Each one differs from the others in something that
 * changes the output: environments, region (data zone or not), name length, address space.
 */
export const SCENARIOS: Readonly<Record<string, PartialAnswers>> = {
  'slice-default': {
    name: 'contoso',
    location: 'swedencentral',
    topology: 'single-vnet',
    gateway: 'none',
    jumpbox: false,
  },
  'longest-names': {
    name: 'abcdefgh-j',
    location: 'australiaeast',
    topology: 'single-vnet',
    firewall: true,
    allowedFqdns: ['pypi.org', '*.example.com'],
    gateway: 'none',
    jumpbox: false,
    environments: ['dev', 'test', 'stage', 'prod'],
    addressSpace: '192.168.16.0/24',
  },
  'hub-spoke': {
    name: 'fabrikam',
    location: 'westeurope',
    topology: 'hub-spoke',
    firewall: false,
    gateway: 'none',
    jumpbox: false,
    environments: ['dev', 'test', 'prod'],
  },
  'hub-spoke-firewall': {
    name: 'contoso',
    location: 'swedencentral',
    topology: 'hub-spoke',
    gateway: 'none',
    jumpbox: false,
  },
  'one-environment': {
    name: 'ai',
    location: 'westcentralus',
    topology: 'single-vnet',
    gateway: 'none',
    jumpbox: false,
    environments: ['prod'],
    addressSpace: '172.16.0.0/26',
    githubRepo: 'contoso/ai-platform',
  },
  'hub-spoke-access': {
    name: 'northwind',
    location: 'swedencentral',
    topology: 'hub-spoke',
    vpn: 'p2s',
    gateway: 'none',
  },
  'single-vnet-access': {
    name: 'tailspin',
    location: 'westcentralus',
    topology: 'single-vnet',
    vpn: 'p2s',
    firewall: true,
    gateway: 'none',
    environments: ['dev'],
  },
  'existing-hub': {
    name: 'woodgrove',
    location: 'swedencentral',
    topology: 'existing-hub',
    publisherEmail: 'ai-platform@woodgrove.com',
    hubVnetId: HUB_VNET_ID,
    hubDnsServers: ['10.0.4.4'],
    hubFirewallIp: '10.0.0.4',
    privateDnsZoneIds: zoneIds({ gateway: 'apim' }),
  },
  'hub-spoke-app-gateway': {
    name: 'contoso',
    location: 'swedencentral',
    topology: 'hub-spoke',
    vpn: 'p2s',
    gateway: 'apim-appgw',
    publisherEmail: 'ai-platform@contoso.com',
    ...EDGE,
    apimRegions: ['westeurope'],
  },
  'single-vnet-front-door': {
    name: 'fabrikam',
    location: 'westeurope',
    topology: 'single-vnet',
    gateway: 'apim-frontdoor',
    publisherEmail: 'ai-platform@fabrikam.com',
    ...EDGE,
    // The other permission model than hub-spoke-app-gateway's: an access policy instead of a role assignment.
    certificateKeyVaultPermissionModel: 'access-policy',
  },
  'existing-hub-policy-dns': {
    name: 'woodgrove',
    location: 'swedencentral',
    topology: 'existing-hub',
    gateway: 'none',
    jumpbox: false,
    hubVnetId: HUB_VNET_ID,
    hubDnsServers: ['10.0.4.4', '10.0.4.5'],
    dnsZonesByPolicy: true,
    // The Foundry account's endpoint registers its names itself: no built-in policy writes all three zones.
    privateDnsZoneIds: zoneIds({ gateway: 'none', dnsZonesByPolicy: true }),
  },
  'project-agents': {
    name: 'contoso',
    location: 'swedencentral',
    topology: 'hub-spoke',
    gateway: 'none',
    jumpbox: false,
    agents: true,
    cosmosZoneRedundant: true,
    services: ['openai', 'search'],
    model: 'gpt-5.4-mini',
    modelCapacity: 30,
    userGroupIds: ['11111111-2222-3333-4444-555555555555'],
    adminGroupIds: ['11111111-2222-3333-4444-666666666666'],
  },
  'hub-based': {
    name: 'litware',
    location: 'westeurope',
    topology: 'single-vnet',
    foundry: 'hub',
    services: ['openai', 'ml', 'search'],
    jumpbox: false,
    gateway: 'apim',
    publisherEmail: 'ai-platform@litware.com',
    userGroupIds: ['11111111-2222-3333-4444-555555555555'],
  },
  'openai-only': {
    name: 'adatum',
    location: 'eastus2',
    topology: 'existing-hub',
    foundry: 'none',
    services: ['openai'],
    jumpbox: false,
    gateway: 'apim',
    publisherEmail: 'ai@adatum.com',
    hubVnetId: HUB_VNET_ID,
    hubFirewallIp: '10.0.0.4',
    hubDnsServers: ['10.0.4.4'],
    privateDnsZoneIds: zoneIds({ foundry: 'none', services: ['openai'], gateway: 'apim' }),
  },
};

/** The scenario's complete answers, resolved exactly as the CLI resolves them. */
export function scenarioAnswers(partial: PartialAnswers): Answers {
  const { merged, sources } = mergeLayers({ flags: partial, file: {} }, 'unused-folder-name');
  const result = finalize(merged, sources);
  if ('issues' in result) throw new Error(`scenario is invalid: ${JSON.stringify(result.issues)}`);
  return result.answers;
}

export async function renderScenario(partial: PartialAnswers) {
  const { planOf } = await import('../src/generate.js');
  const { renderPlan } = await import('../src/render/render.js');
  return renderPlan(planOf(scenarioAnswers(partial)));
}

/**
 * The option matrix the compiler checks beyond the named scenarios: every topology × vpn × firewall
 * combination (NET-10, NET-11, NET-07), and every jumpbox × vpn × gateway combination in both
 * topologies that own their network (NET-06, NET-08, NET-09). Invalid combinations are left out
 * (an existing hub brings its own firewall and VPN).
 */
export function optionMatrix(gateways: readonly Answers['gateway'][]): Record<string, PartialAnswers> {
  const matrix: Record<string, PartialAnswers> = {};
  const add = (answers: PartialAnswers) => {
    const id = [
      answers.topology,
      answers.vpn,
      answers.firewall === undefined ? '' : answers.firewall ? 'fw' : 'nofw',
      answers.hubFirewallIp ? 'hubfw' : '',
      answers.jumpbox ? 'jb' : 'nojb',
      answers.gateway,
    ]
      .filter(Boolean)
      .join('-');
    matrix[`matrix-${id}`] = {
      name: 'mx',
      location: 'swedencentral',
      environments: ['dev', 'prod'],
      ...(answers.gateway !== 'none' && { publisherEmail: 'platform@contoso.com' }),
      ...((answers.gateway === 'apim-appgw' || answers.gateway === 'apim-frontdoor') && EDGE),
      ...(answers.topology === 'existing-hub' && { hubVnetId: HUB_VNET_ID, hubDnsServers: ['10.0.4.4'], privateDnsZoneIds: zoneIds(answers) }),
      ...answers,
    };
  };
  for (const topology of ['hub-spoke', 'single-vnet'] as const) {
    for (const vpn of ['none', 'p2s'] as const) {
      for (const firewall of [true, false]) add({ topology, vpn, firewall, jumpbox: false, gateway: 'none' });
      for (const jumpbox of [true, false]) for (const gateway of gateways) add({ topology, vpn, jumpbox, gateway });
    }
  }
  for (const hubFirewallIp of [undefined, '10.0.0.4']) {
    add({ topology: 'existing-hub', vpn: 'none', jumpbox: true, gateway: 'none', ...(hubFirewallIp && { hubFirewallIp }) });
  }
  // API Management needs a way out, which with an existing hub is the route to its firewall (wayOutRules).
  for (const gateway of gateways.filter((candidate) => candidate !== 'none')) {
    add({ topology: 'existing-hub', vpn: 'none', jumpbox: false, gateway, hubFirewallIp: '10.0.0.4' });
  }
  return matrix;
}

/**
 * Every foundry × services combination (issue #4), on the smallest network so that the AI platform is
 * what varies; plus each kind of AI account behind the AI gateway, whose backend depends on it.
 */
export function platformMatrix(): Record<string, PartialAnswers> {
  const matrix: Record<string, PartialAnswers> = {};
  const subsets = SERVICES.reduce<Service[][]>((all, service) => [...all, ...all.map((subset) => [...subset, service])], [[]]);
  for (const foundry of ['project', 'hub', 'none'] as const) {
    for (const services of subsets) {
      if (foundry === 'none' && services.length === 0) continue;
      matrix[`platform-${foundry}-${services.join('-') || 'no-services'}`] = {
        name: 'pm',
        location: 'swedencentral',
        topology: 'single-vnet',
        firewall: false,
        jumpbox: false,
        gateway: 'none',
        foundry,
        services,
      };
    }
  }
  for (const [foundry, services] of [
    ['none', ['openai']],
    ['hub', ['search']],
    ['none', ['aiservices', 'ml']],
  ] as const) {
    matrix[`platform-gateway-${foundry}-${services.join('-')}`] = {
      name: 'pg',
      location: 'swedencentral',
      topology: 'single-vnet',
      // API Management's only way out (wayOutRules).
      firewall: true,
      jumpbox: false,
      gateway: 'apim',
      publisherEmail: 'platform@contoso.com',
      foundry,
      services: [...services],
    };
  }
  return matrix;
}
