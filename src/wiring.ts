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
  /** What updates the hub VNet, so that the peerings wait for it (ReferencedResourceNotProvisioned). */
  readonly hubPeeringDependencies: string;
  /**
   * What must exist before the workload network's DNS server and way out work: the firewall (its DNS
   * proxy), or the peerings when that server is in a hub. API Management, the Application Gateway and
   * the jumpbox (its Entra ID sign-in) need both when they are created.
   */
  readonly dnsReady: readonly string[];
  readonly privateEndpoints: readonly PrivateEndpointWiring[];
  /** The account API Management calls (its module and the Bicep expression of its endpoint), with a gateway. */
  readonly gatewayBackend?: { readonly module: AccountModule; readonly endpoint: string };
}

export interface PrivateEndpointWiring extends Omit<PrivateEndpoint, 'zones'> {
  /** Keys of `privateDnsZoneResourceIds` the endpoint registers in. */
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
    hubPeeringDependencies: [
      'hubVirtualNetwork',
      'virtualNetwork',
      'dnsResolver',
      ...(answers.firewall ? ['firewall'] : []),
      ...(answers.jumpbox ? ['bastion'] : []),
      ...(answers.vpn === 'p2s' ? ['vpnGateway'] : []),
    ].join(', '),
    dnsReady:
      (hubSpoke && answers.firewall) || answers.topology === 'existing-hub' ? ['hubToSpokePeering', 'spokeToHubPeering'] : answers.firewall ? ['firewall'] : [],
    // Built from the account's name, so the gateway (the slowest resource) need not wait for the account. An Azure
    // OpenAI account answers on openai.azure.com, an AI Services account also on cognitiveservices.azure.com.
    ...(backend && {
      gatewayBackend: { module: backend, endpoint: `'https://\${names.${backend}}.${backend === 'openAi' ? 'openai' : 'cognitiveservices'}.azure.com/'` },
    }),
    privateEndpoints: privateEndpointsFor(answers).map(({ zones, ...rest }) => ({ ...rest, zoneKeys: zones.map((zone) => zone.key) })),
  };
}
