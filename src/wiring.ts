import type { Answers } from './answers/schema.js';
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
  /** What updates the hub VNet, so that the peerings wait for it (ReferencedResourceNotProvisioned). */
  readonly hubPeeringDependencies: string;
  /**
   * What must exist before the workload network's DNS server and way out work: the firewall (its DNS
   * proxy), or the peerings when that server is in a hub. API Management, the Application Gateway and
   * the jumpbox (its Entra ID sign-in) need both when they are created.
   */
  readonly dnsReady: readonly string[];
  readonly privateEndpoints: readonly PrivateEndpointWiring[];
}

export interface PrivateEndpointWiring {
  readonly symbol: string;
  readonly deploymentName: string;
  /** Bicep expression of the endpoint's name. */
  readonly endpointName: string;
  /** The module whose `resourceId` output the endpoint connects to. */
  readonly service: string;
  readonly groupId: string;
  /** Keys of `privateDnsZoneResourceIds` the endpoint registers in. */
  readonly zoneKeys: readonly string[];
}

const PRIVATE_ENDPOINTS: readonly PrivateEndpointWiring[] = [
  { symbol: 'foundryPrivateEndpoint', deploymentName: 'pe-foundry', endpointName: "'pe-${names.foundry}'", service: 'foundry', groupId: 'account', zoneKeys: ['cognitiveServices', 'openAi', 'aiServices'] },
  { symbol: 'keyVaultPrivateEndpoint', deploymentName: 'pe-key-vault', endpointName: "'pe-${names.keyVault}'", service: 'keyVault', groupId: 'vault', zoneKeys: ['keyVault'] },
  { symbol: 'blobPrivateEndpoint', deploymentName: 'pe-storage-blob', endpointName: "'pe-${names.storage}-blob'", service: 'storage', groupId: 'blob', zoneKeys: ['blob'] },
  { symbol: 'filePrivateEndpoint', deploymentName: 'pe-storage-file', endpointName: "'pe-${names.storage}-file'", service: 'storage', groupId: 'file', zoneKeys: ['file'] },
];

export function wiringFor(answers: Answers): BicepWiring {
  const hubSpoke = answers.topology === 'hub-spoke';
  const hubSubnets = hubSpoke ? hubSubnetsFor(answers) : [];
  const connectivity = hubSpoke ? { scope: 'hubResourceGroup', network: 'hubVirtualNetwork' } : { scope: 'workloadResourceGroup', network: 'virtualNetwork' };
  return {
    workloadSubnets: workloadSubnetsFor(answers).map((subnet) => subnet.bicep.variable),
    hubSubnets: hubSubnets.map((subnet) => subnet.bicep.variable),
    connectivityScope: connectivity.scope,
    connectivityNetwork: connectivity.network,
    hubPeeringDependencies: [
      'hubVirtualNetwork',
      'virtualNetwork',
      'dnsResolver',
      ...(answers.firewall ? ['firewall'] : []),
      ...(answers.jumpbox ? ['bastion'] : []),
      ...(answers.vpn === 'p2s' ? ['vpnGateway'] : []),
    ].join(', '),
    dnsReady: (hubSpoke && answers.firewall) || answers.topology === 'existing-hub'
      ? ['hubToSpokePeering', 'spokeToHubPeering']
      : answers.firewall ? ['firewall'] : [],
    privateEndpoints: PRIVATE_ENDPOINTS,
  };
}
