import type { Answers } from './answers/schema.js';
import { type AccountModule, aiPlatformOf } from './ai/platform.js';
import { type PrivateEndpoint, privateEndpointsFor } from './network/private-endpoints.js';
import { hubSubnetsFor, workloadSubnetsFor } from './network/subnets.js';

/**
 * How main.bicep wires the modules for these answers: which subnet variables each VNet lists, in
 * which resource group and VNet the connectivity lives, and the private endpoints. Symbols only —
 * the Bicep itself stays in the template.
 */
export interface BicepWiring {
  /** Subnet variables of the workload VNet, in the order of the subnet requests. */
  readonly workloadSubnets: readonly string[];
  /** Subnet variables of the hub VNet (hub-spoke). */
  readonly hubSubnets: readonly string[];
  /** Resource group and VNet module of the shared connectivity: the hub's, or the workload's. */
  readonly connectivityScope: string;
  readonly connectivityNetwork: string;
  /**
   * The whole dependsOn of each module whose waits depend on the choices; the template writes each list as it
   * is (an empty one: the module waits only for what it references).
   * - hubToSpokePeering: everything that updates the hub VNet (ReferencedResourceNotProvisioned otherwise);
   * - apiManagement, applicationGateway, jumpbox, foundryAgents: what must exist before the workload network's
   *   DNS server and way out work: the firewall (its DNS proxy), or the peerings when that server is in a hub;
   *   API Management also its regions' networks and, with a firewall, the peerings their egress takes to it, the Application Gateway the access to its certificate, the
   *   agents the private endpoints of their stores;
   * - spokeToApiManagementRegionalPeerings: one change at a time to the workload network's peerings.
   */
  readonly dependsOn: Readonly<Record<WaitingModule, readonly string[]>>;
  /** What must exist before the workload network's DNS server and way out work (part of several lists above; comments say why). */
  readonly dnsReady: readonly string[];
  readonly privateEndpoints: readonly PrivateEndpointWiring[];
  /** The account API Management calls (its module and the Bicep expression of its endpoint), with a gateway. */
  readonly gatewayBackend?: { readonly module: AccountModule; readonly endpoint: string };
}

export type WaitingModule = 'hubToSpokePeering' | 'apiManagement' | 'applicationGateway' | 'jumpbox' | 'foundryAgents' | 'spokeToApiManagementRegionalPeerings';

export interface PrivateEndpointWiring extends Omit<PrivateEndpoint, 'zones'> {
  /** Keys of `privateDnsZoneResourceIds` the endpoint registers in; none where Azure Policy writes its zone group. */
  readonly zoneKeys: readonly string[];
}

export function wiringFor(answers: Answers): BicepWiring {
  const hubSpoke = answers.topology === 'hub-spoke';
  const backend = answers.gateway === 'none' ? undefined : aiPlatformOf(answers).account;
  const hubSubnets = hubSpoke ? hubSubnetsFor(answers) : [];
  const connectivity = hubSpoke ? { scope: 'hubResourceGroup', network: 'hubVirtualNetwork' } : { scope: 'workloadResourceGroup', network: 'virtualNetwork' };
  return {
    workloadSubnets: workloadSubnetsFor(answers).map((subnet) => subnet.bicep.variable),
    hubSubnets: hubSubnets.map((subnet) => subnet.bicep.variable),
    connectivityScope: connectivity.scope,
    connectivityNetwork: connectivity.network,
    dnsReady: dnsReadyFor(answers),
    dependsOn: dependsOnFor(answers),
    // Built from the account's name, so the gateway (the slowest resource) need not wait for the account. An Azure
    // OpenAI account answers on openai.azure.com, an AI Services account also on cognitiveservices.azure.com.
    ...(backend && {
      gatewayBackend: { module: backend, endpoint: `'https://\${names.${backend}}.${backend === 'openAi' ? 'openai' : 'cognitiveservices'}.azure.com/'` },
    }),
    privateEndpoints: privateEndpointsFor(answers).map(({ zones, ...rest }) => ({
      ...rest,
      zoneKeys: rest.ownZoneGroup ? zones.map((zone) => zone.key) : [],
    })),
  };
}

/** The firewall (its DNS proxy), or the peerings when the network's DNS server is in a hub. */
function dnsReadyFor(answers: Answers): string[] {
  const peered = (answers.topology === 'hub-spoke' && answers.firewall) || answers.topology === 'existing-hub';
  return peered ? ['hubToSpokePeering', 'spokeToHubPeering'] : answers.firewall ? ['firewall'] : [];
}

/** NET-07: the peerings that lead API Management's further regions to the firewall: the hub's, or the workload network's where it holds the firewall. */
function regionalEgressFor(answers: Answers): string[] {
  if (!answers.firewall) return [];
  return answers.topology === 'hub-spoke'
    ? ['apiManagementRegionalToHubPeerings']
    : ['apiManagementRegionalToSpokePeerings', 'spokeToApiManagementRegionalPeerings'];
}

function dependsOnFor(answers: Answers): BicepWiring['dependsOn'] {
  const dnsReady = dnsReadyFor(answers);
  const regions = answers.gateway !== 'none' && answers.apimRegions.length > 0 ? ['apiManagementRegionalNetworks', ...regionalEgressFor(answers)] : [];
  return {
    hubToSpokePeering: [
      'hubVirtualNetwork',
      'virtualNetwork',
      'dnsResolver',
      ...(answers.firewall ? ['firewall'] : []),
      ...(answers.jumpbox ? ['bastion'] : []),
      ...(answers.vpn === 'p2s' ? ['vpnGateway'] : []),
    ],
    apiManagement: [...dnsReady, ...regions],
    applicationGateway: ['applicationGatewayCertificateAccess', ...dnsReady],
    jumpbox: dnsReady,
    foundryAgents: ['foundryPrivateEndpoint', 'cosmosDbPrivateEndpoint', 'agentStorageBlobPrivateEndpoint', 'searchPrivateEndpoint', ...dnsReady],
    // After the hub's peering, which also changes the workload network.
    spokeToApiManagementRegionalPeerings: [
      'apiManagementRegionalNetworks',
      'virtualNetwork',
      ...(answers.topology !== 'single-vnet' ? ['spokeToHubPeering'] : []),
    ],
  };
}
