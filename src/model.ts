import { dataZoneOf, hasAvailabilityZones } from './answers/locations.js';
import { isProductionEnvironment, resourceNamePreview } from './answers/naming.js';
import type { Answers } from './answers/schema.js';
import { GENERATOR_VERSION } from './version.js';
import { APPLICATION_GATEWAY_SUBNET, AZURE_FIREWALL_SUBNET, type EnvironmentNetwork, PRIVATE_ENDPOINT_SUBNET } from './network/address-plan.js';
import { addressAt, blockSize, type Cidr, parseCidr } from './network/cidr.js';
import { type EnvironmentNetworks, planNetworks, type RegionalNetwork } from './network/landing-zone-networks.js';
import type { PrivateDnsZone } from './network/private-dns-zones.js';
import { existingHubZonesFor, privateEndpointZonesFor } from './network/private-endpoints.js';
import { certificateVaultAccessOf } from './certificate-vault-access.js';
import { hubAccessOf, type OutsideAccess, privateDnsZoneAccessOf, resourceGroupOf } from './outside-access.js';
import { groupAccessFor, type GroupRole } from './ai/access.js';
import { MODEL_LIFECYCLE, RELEASE_DATE } from './ai/model-lifecycle.js';
import { MODELS } from './ai/models.js';
import { type PolicyGuards, policyGuardsFor } from './ai/policy.js';
import { apiManagement } from './catalogue/api-management.js';
import type { Component, Outbound } from './catalogue/component.js';
import {
  type EndpointPort,
  endpointRuleProtocols,
  hourlyCostsOf,
  outboundOf,
  privateEndpointPortsOf,
  providersOf,
  publicEndpointsOf,
  serviceLabelsOf,
} from './catalogue/index.js';
import { vpn } from './catalogue/vpn.js';
import { OUTBOUND_SOURCE_LABELS, portsText } from './catalogue/outbound.js';
import { type Shape, shapeOf } from './catalogue/shape.js';
import { proseList } from './prose.js';
import { BICEP_VERSION } from './toolchain.js';
import { type BicepWiring, wiringFor } from './wiring.js';

export interface ModelDeployment {
  readonly name: string;
  readonly model: string;
  readonly format: string;
  readonly version: string;
  readonly skuName: string;
  readonly capacity: number;
}

/** What differs between environments: production gets more capacity and longer log retention. */
export interface EnvironmentProfile {
  readonly name: string;
  /** The environment deployed just before this one (the pipeline deploys them in order). */
  readonly deploysAfter?: string;
  readonly isProduction: boolean;
  /** The workload VNet: the spoke, unless everything shares one VNet. */
  readonly network: EnvironmentNetwork;
  readonly privateEndpointSubnetPrefix: string;
  /** The hub of this environment, in hub-spoke. */
  readonly hub?: EnvironmentNetwork;
  /** Addresses of VPN clients, with point-to-site VPN. */
  readonly vpnClientAddressPool?: string;
  /** The Foundry Agent Service's subnet, with agents. */
  readonly agentSubnetPrefix?: string;
  /** Azure Firewall of this environment: in the hub, or beside the workload in a single VNet (NET-07). */
  readonly firewall?: { readonly subnetPrefix: string; readonly privateIp: string };
  /** API Management of this environment: Developer outside production, Premium (zone-redundant where it can be) in it. */
  readonly apiManagement?: {
    readonly sku: 'Developer' | 'Premium';
    readonly capacity: number;
    readonly tpmLimitPerCaller: number;
    /** NET-14: further regions, each with its own small VNet (Premium only). */
    readonly regions: readonly RegionalNetwork[];
  };
  /** Private frontend of the Application Gateway that is Front Door's origin: near the end of its subnet, away from the instances. */
  readonly applicationGatewayPrivateIp?: string;
  readonly modelDeployments: readonly ModelDeployment[];
  readonly logRetentionInDays: number;
  readonly names: ReturnType<typeof resourceNamePreview>;
}

/** Everything the templates and serializers read; built once from validated answers. */
export interface ViewModel extends Shape {
  readonly answers: Answers;
  /** The private DNS zones this deployment creates (none with an existing hub: they are the platform's). */
  readonly privateDnsZones: readonly PrivateDnsZone[];
  /** SEC-09: the roles of the user and administrator groups, per module of main.bicep. */
  readonly groupAccess: Readonly<Record<string, readonly GroupRole[]>>;
  /** NET-05: the Azure Policy assignments. */
  readonly policyGuards: PolicyGuards;
  /**
   * The keys of the zones the private endpoints' own zone groups register in, as main.bicep's zone map names them: every
   * endpoint's zones, or with --dns-zones-by-policy only the AI accounts' (NET-05).
   */
  readonly privateEndpointZoneKeys: readonly string[];
  /** NET-07: what the subnets must reach beyond the landing zone (the firewall's rules; with an existing hub, the README's table). */
  readonly outbound: readonly Outbound[];
  /** The same as the README's table of what an existing hub's firewall must allow: who, and the ports, in words. */
  readonly outboundTable: readonly (Omit<Outbound, 'from' | 'ports'> & { readonly from: string; readonly ports: string })[];
  /** Azure Policy writes some endpoints' zone groups, this repository the AI accounts' (existing hub with --dns-zones-by-policy). */
  readonly someDnsZoneGroups: boolean;
  /** Which modules and subnets main.bicep wires together for these choices. */
  readonly wiring: BicepWiring;
  readonly environments: readonly EnvironmentProfile[];
  /** The production environments, whose deployments wait for a reviewer's approval (their GitHub environments). */
  readonly productionEnvironments: readonly string[];
  /** The environment to deploy first, used in examples. */
  readonly firstEnvironment: EnvironmentProfile;
  readonly modelSku: { readonly name: string; readonly reason: string };
  /** When the deployed model version retires, as the catalogue of model-lifecycle.ts knew on `consulted`; absent without deployments. */
  readonly modelRetirement?: { readonly version: string; readonly retiresOn: string; readonly consulted: string };
  /** The region has availability zones, so zone-redundant SKUs exist there. */
  readonly zoneRedundant: boolean;
  /** The AI resources in a phrase, e.g. "Foundry, AI Search, Key Vault and Storage", for descriptions. */
  readonly privateServices: string;
  /** What answers on the public internet, as a sentence's list ("" when nothing does); never an AI or PaaS service. */
  readonly publicEndpoints: string;
  /** The ports the private endpoint subnet's NSG opens to the endpoints' callers (NET-12). */
  readonly privateEndpointPorts: readonly EndpointPort[];
  /** Those ports in prose, e.g. "HTTPS on port 443 and SMB on port 445 for Azure Files". */
  readonly privateEndpointTraffic: string;
  /** The protocols in the name of the NSG rule that opens those ports, e.g. "https-smb": the rule is named for what it opens. */
  readonly privateEndpointRuleProtocols: string;
  /** The Bicep release the generated pipeline installs: the one this generator's output is verified with. */
  readonly bicepVersion: string;
  /** The generator's own version: the pipeline's validate job runs exactly this release. */
  readonly generatorVersion: string;
  /** `foundry=project services=openai …`: the choices in one line, for headers and summaries. */
  readonly choices: string;
  /** The resources billed by the hour whether used or not, as a phrase for the README; empty when there are none. */
  readonly hourlyCosts: string;
  /** What makes a first deployment long, as a phrase for the README; empty when nothing does. */
  readonly slowestPath: string;
  /** A Foundry hub or Azure Machine Learning workspace has a managed network, which deploy.sh provisions after each deployment. */
  readonly managedNetworkWorkspaces: boolean;
  /**
   * The resource groups outside the landing zone's own that the template reads or deploys into (the existing hub's VNet,
   * the central private DNS zones, the gateway certificate's Key Vault), each once: the pull requests' what-if identity
   * needs to read there too.
   */
  readonly outsideScopes: readonly { readonly scope: string; readonly holds: string }[];
  /**
   * What the deploying identity needs in resource groups outside the landing zone's own, where the deployment writes: the
   * existing hub's (the hub's side of the peering), the central private DNS zones (the private endpoints' records), the
   * gateway certificate's Key Vault (the gateway's access). The bootstrap's custom roles there, when they are in another
   * subscription (in this one, the subscription's roles cover them).
   */
  readonly outsideAccess: readonly OutsideAccess[];
  /** The resource providers the bootstrap registers in the subscription: those these choices need, sorted. */
  readonly resourceProviders: readonly string[];
}

/** `planned`: the network plan `finalize` validated the answers against; planned here only when not given. */
export function buildModel(answers: Answers, planned?: readonly EnvironmentNetworks[]): ViewModel {
  const networks = planned ?? planNetworks(answers);
  if ('key' in networks) throw new Error(`internal: validated answers gave no address plan: ${networks.message}`);
  const modelSku = chooseModelSku(answers.location, answers.model);
  const modelInfo = MODELS[answers.model]!;
  const environments = networks.map(
    ({ environment, workload: network, hub, vpnClientAddressPool, agentSubnetPrefix, apiManagementRegions }, index): EnvironmentProfile => {
      const isProduction = isProductionEnvironment(environment);
      const modelCapacity = answers.modelCapacity ?? (isProduction ? 50 : 10);
      const firewallNetwork = answers.firewall ? (hub ?? network) : undefined;
      const previous = networks[index - 1]?.environment;
      return {
        name: environment,
        ...(previous && { deploysAfter: previous }),
        isProduction,
        network,
        privateEndpointSubnetPrefix: subnetPrefix(network, PRIVATE_ENDPOINT_SUBNET.name),
        ...(hub && { hub }),
        ...(vpnClientAddressPool && { vpnClientAddressPool }),
        ...(agentSubnetPrefix && { agentSubnetPrefix }),
        ...(firewallNetwork && { firewall: firewallOf(firewallNetwork) }),
        ...(answers.gateway !== 'none' && {
          apiManagement: { ...apiManagementOf(isProduction, hasAvailabilityZones(answers.location), modelCapacity), regions: apiManagementRegions ?? [] },
        }),
        ...(answers.gateway === 'apim-frontdoor' && { applicationGatewayPrivateIp: lastUsableAddress(subnetPrefix(network, APPLICATION_GATEWAY_SUBNET.name)) }),
        // Model deployments come with the openai service; without it the Foundry account has none.
        modelDeployments: answers.services.includes('openai')
          ? [
              {
                name: answers.model,
                model: answers.model,
                format: modelInfo.format,
                version: modelInfo.version,
                skuName: modelSku.name,
                capacity: modelCapacity,
              },
            ]
          : [],
        logRetentionInDays: isProduction ? 90 : 30,
        names: resourceNamePreview(answers.name, environment),
      };
    },
  );
  const shape = shapeOf(answers);
  const endpointZones = privateEndpointZonesFor(answers);
  const ownZones = shape.existingHub ? existingHubZonesFor(answers) : endpointZones;
  return {
    answers,
    ...shape,
    privateDnsZones: shape.existingHub ? [] : endpointZones,
    privateEndpointZoneKeys: ownZones.map((zone) => zone.key),
    someDnsZoneGroups: !shape.dnsZoneGroups && ownZones.length > 0,
    outbound: outboundOf(shape),
    outboundTable: outboundOf(shape).map((entry) => ({ ...entry, from: OUTBOUND_SOURCE_LABELS[entry.from], ports: portsText(entry.ports) })),
    groupAccess: groupAccessFor(shape.platform),
    policyGuards: policyGuardsFor(shape),
    wiring: wiringFor(answers),
    environments,
    productionEnvironments: environments.filter((environment) => environment.isProduction).map((environment) => environment.name),
    firstEnvironment: environments[0]!,
    modelSku,
    ...(answers.services.includes('openai') && modelRetirementOf(answers.model)),
    zoneRedundant: hasAvailabilityZones(answers.location),
    bicepVersion: BICEP_VERSION,
    generatorVersion: GENERATOR_VERSION,
    choices: describeChoices(answers),
    privateServices: proseList(serviceLabelsOf(shape)),
    publicEndpoints: publicEndpointsOf(shape).length > 0 ? proseList(publicEndpointsOf(shape)) : '',
    privateEndpointPorts: privateEndpointPortsOf(shape),
    privateEndpointRuleProtocols: endpointRuleProtocols(privateEndpointPortsOf(shape)),
    privateEndpointTraffic: proseList(
      privateEndpointPortsOf(shape).map(({ port, protocol, for: use }) => `${protocol} on port ${port}${use ? ` for ${use}` : ''}`),
    ),
    hourlyCosts: hourlyCostsPhrase(hourlyCostsOf(shape)),
    slowestPath: slowestPathOf(answers),
    managedNetworkWorkspaces: shape.platform.foundryHub || shape.platform.machineLearning,
    resourceProviders: providersOf(shape),
    outsideScopes: outsideScopesOf(answers, shape),
    outsideAccess: outsideAccessOf(answers, shape),
  };
}

/**
 * Developer has no SLA but costs a fraction; production gets Premium with two units, spread over two
 * zones where the region has them. One caller may use half of the model's tokens per minute.
 */
function apiManagementOf(isProduction: boolean, zoned: boolean, modelCapacity: number) {
  return {
    sku: isProduction ? ('Premium' as const) : ('Developer' as const),
    capacity: isProduction && zoned ? 2 : 1,
    tpmLimitPerCaller: (modelCapacity * 1000) / 2,
  };
}

/** The last address Azure does not reserve (the broadcast address is reserved). */
function lastUsableAddress(prefix: string): string {
  const range = parseCidr(prefix) as Cidr;
  return addressAt(range, blockSize(range.prefixLength) - 2);
}

/** Azure gives a firewall the address at offset 4 of its subnet (the fifth: Azure keeps the first four), known in advance, so nothing waits to learn it. */
function firewallOf(network: EnvironmentNetwork): EnvironmentProfile['firewall'] {
  const prefix = subnetPrefix(network, AZURE_FIREWALL_SUBNET.name);
  return { subnetPrefix: prefix, privateIp: addressAt(parseCidr(prefix) as Cidr, 4) };
}

function subnetPrefix(network: EnvironmentNetwork, name: string): string {
  const subnet = network.subnets.find((candidate) => candidate.name === name);
  if (!subnet) throw new Error(`internal: the address plan of ${network.environment} has no ${name}`);
  return subnet.addressPrefix;
}

function modelRetirementOf(model: string): Pick<ViewModel, 'modelRetirement'> {
  const { version } = MODELS[model]!;
  const retiresOn = MODEL_LIFECYCLE[`${model}@${version}`]?.retiresOn;
  return retiresOn ? { modelRetirement: { version, retiresOn, consulted: RELEASE_DATE } } : {};
}

function chooseModelSku(location: string, model: string): ViewModel['modelSku'] {
  const zone = dataZoneOf(location);
  if (zone && !MODELS[model]!.dataZone) {
    return { name: 'GlobalStandard', reason: `${model} has no DataZoneStandard deployment, so GlobalStandard: prompts may be processed in any region` };
  }
  return zone
    ? { name: 'DataZoneStandard', reason: `DataZoneStandard keeps prompts and completions inside the ${zone} data zone` }
    : {
        name: 'GlobalStandard',
        reason: `${location} is in no Azure OpenAI data zone, so GlobalStandard; choose Standard to keep processing in the region where the model offers it`,
      };
}

function outsideAccessOf(answers: Answers, shape: Shape): OutsideAccess[] {
  const zoneIds = answers.privateDnsZoneIds ?? [];
  return [
    // API Management's own zone is linked to the hub VNet as well (api-management.bicep.hbs, apiManagementDns).
    ...(shape.existingHub && answers.hubVnetId ? [hubAccessOf(answers.hubVnetId, shape.apiManagement)] : []),
    ...(zoneIds.length > 0 ? [privateDnsZoneAccessOf(zoneIds)] : []),
    ...(shape.edgeGateway && answers.certificateKeyVaultId
      ? [certificateVaultAccessOf(answers.certificateKeyVaultId, shape.certificateVaultAccessPolicies)]
      : []),
  ];
}

function outsideScopesOf(answers: Answers, shape: Shape): ViewModel['outsideScopes'] {
  const held = [
    ...(answers.hubVnetId ? [{ id: answers.hubVnetId, holds: 'the hub VNet' }] : []),
    ...(answers.privateDnsZoneIds ?? []).map((id) => ({ id, holds: 'central private DNS zones' })),
    ...(shape.edgeGateway && answers.certificateKeyVaultId ? [{ id: answers.certificateKeyVaultId, holds: "the gateway certificate's Key Vault" }] : []),
  ];
  const scopes = new Map<string, { scope: string; holds: string[] }>();
  for (const { id, holds } of held) {
    const scope = resourceGroupOf(id);
    const entry = scopes.get(scope.toLowerCase()) ?? { scope, holds: [] };
    if (!entry.holds.includes(holds)) entry.holds.push(holds);
    scopes.set(scope.toLowerCase(), entry);
  }
  return [...scopes.values()].map(({ scope, holds }) => ({ scope, holds: proseList(holds) }));
}

/** Typical creation minutes of a component's slowest resource, from the catalogue (the critical path reads the same figures). */
const minutesOf = (component: Component) => Math.max(...(component.provisioning ?? []).map((entry) => entry.minutes));

function slowestPathOf(answers: Answers): string {
  const gateway = `about ${minutesOf(vpn)} minutes`;
  const apiManagementMinutes = minutesOf(apiManagement);
  // With the spoke's DNS server in the hub (the firewall's proxy), API Management waits for the peerings, which wait for the gateway.
  const vpnFirst = answers.vpn === 'p2s' && answers.topology === 'hub-spoke' && answers.firewall && answers.gateway !== 'none';
  if (vpnFirst)
    return `the VPN gateway (${gateway}), then API Management, which waits for the peerings to the gateway's hub (about ${apiManagementMinutes} more)`;
  if (answers.gateway !== 'none') return `API Management takes about ${apiManagementMinutes} minutes to create`;
  return answers.vpn === 'p2s' ? `the VPN gateway takes ${gateway} to create` : '';
}

function hourlyCostsPhrase(items: readonly string[]): string {
  if (items.length === 0) return '';
  return `${proseList(items)} ${items.length === 1 ? 'is' : 'are'}`;
}

export function describeChoices(answers: Answers): string {
  return [
    `foundry=${answers.foundry}`,
    `services=${answers.services.join(',') || 'none'}`,
    `topology=${answers.topology}`,
    `vpn=${answers.vpn}`,
    `gateway=${answers.gateway}`,
    `agents=${answers.agents}`,
    `firewall=${answers.firewall}`,
    `jumpbox=${answers.jumpbox}`,
  ].join(' ');
}
