import type { ViewModel } from '../model.js';
import {
  AGENT_SUBNET, API_MANAGEMENT_SUBNET, APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET, APPLICATION_GATEWAY_SUBNET, AZURE_BASTION_SUBNET, AZURE_FIREWALL_SUBNET,
  type AllocatedSubnet, DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET, type EnvironmentNetwork, GATEWAY_SUBNET, JUMPBOX_SUBNET, PRIVATE_ENDPOINT_SUBNET,
} from '../network/address-plan.js';
import { API_MANAGEMENT_ZONE } from '../network/private-dns-zones.js';

/**
 * A Mermaid flowchart (without fences) of what these choices deploy: the VNets with their subnets and
 * what lives in them, the PaaS services behind their private endpoints, DNS, and the labelled traffic
 * flows between callers, doors, gateway and services. Only what was chosen gets a node.
 *
 * Addresses are those of the first environment: every environment repeats the layout in its own ranges.
 * Pure and deterministic, so the generated docs change only when the choices do.
 */
export function architectureDiagram(model: ViewModel): string {
  const environment = model.firstEnvironment;
  const statements = [
    comment(`What ${model.answers.name} deploys: ${model.choices}`),
    comment(`Addresses of the ${environment.name} environment; the other environments repeat this layout in their own ranges.`),
    ...section('Who calls, and from where', callers(model)),
    ...section('Virtual networks, their subnets and what runs in them', networks(model)),
    ...section('Managed services, reachable only through their private endpoints', managedServices(model)),
    ...section('Shared services outside the VNets', sharedServices(model)),
    ...section('Traffic', flows(model)),
  ];
  return ['flowchart LR', ...statements.map((statement) => (statement === '' ? '' : `  ${statement}`))].join('\n') + '\n';
}

// ── Mermaid syntax ─────────────────────────────────────────────────────────────────────────────────

/** A node: its id and the lines of its label. */
interface Box {
  readonly id: string;
  readonly lines: readonly string[];
}

/**
 * Label text as Mermaid reads it inside double quotes: characters that would end the string, start an
 * entity or an HTML tag, or turn the label into a Markdown string become Mermaid entity codes. `#`
 * goes first, so that the codes themselves are not escaped again.
 */
function escapeLabel(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

/** Node ids may hold letters, digits and underscores only. */
const idOf = (text: string) => text.replace(/[^A-Za-z0-9_]/g, '_');

const label = (lines: readonly string[]) => `["${lines.map(escapeLabel).join('<br/>')}"]`;
const node = (box: Box) => `${box.id}${label(box.lines)}`;
const subgraph = (id: string, title: string, body: readonly string[]) => [`subgraph ${id}${label([title])}`, ...body.map((line) => `  ${line}`), 'end'];

/** A comment must stay on one line, and `%%{` anywhere would start a directive that reconfigures Mermaid. */
const comment = (text: string) => `%% ${text.replace(/[\r\n]+/g, ' ').replace(/%+/g, '%')}`;
const section = (title: string, statements: readonly string[]) => (statements.length === 0 ? [] : ['', comment(title), ...statements]);

type Arrow = '-->' | '-.->' | '-.-' | '<-->';
const edge = (from: string, arrow: Arrow, to: string, text?: string) => `${from} ${arrow}${text === undefined ? '' : `|"${escapeLabel(text)}"|`} ${to}`;

// ── Ids the flows refer to ─────────────────────────────────────────────────────────────────────────

const ID = {
  internetCallers: 'internet_callers',
  privateCallers: 'private_callers',
  developers: 'developers',
  vpnClients: 'vpn_clients',
  frontDoor: 'front_door',
  hub: 'hub',
  workload: 'workload',
  firewall: 'firewall',
  bastion: 'bastion',
  vpnGateway: 'vpn_gateway',
  dnsInbound: 'dns_resolver_inbound',
  dnsOutbound: 'dns_resolver_outbound',
  jumpbox: 'jumpbox',
  apiManagement: 'apim',
  applicationGateway: 'app_gateway',
  privateLink: 'app_gateway_private_link',
  agents: 'agents',
  paas: 'paas',
  managedNetwork: 'managed_network',
  dnsZones: 'dns_zones',
  logAnalytics: 'log_analytics',
  internet: 'internet_fqdns',
  platformHub: 'platform_hub',
} as const;

/** The subnet of the private endpoints is a subgraph that flows end in: "to the private endpoints". */
const PRIVATE_ENDPOINT_SUBNET_ID = `${ID.workload}_${idOf(PRIVATE_ENDPOINT_SUBNET.name)}`;
const serviceId = (module: string) => `svc_${idOf(module)}`;
const privateEndpointId = (module: string) => `pe_${idOf(module)}`;
const apiManagementRegionId = (index: number) => `apim_region_${index + 1}`;

// ── Callers ────────────────────────────────────────────────────────────────────────────────────────

function callers(model: ViewModel): string[] {
  return [
    ...(model.edgeGateway ? [node({ id: ID.internetCallers, lines: ['Internet callers'] })] : []),
    ...(model.frontDoor ? [node({ id: ID.frontDoor, lines: ['Front Door Premium', 'WAF, HTTPS only', model.answers.gatewayHostName ?? 'custom domain'] })] : []),
    // Internal-mode API Management has callers in the networks connected to the workload.
    ...(model.apiManagement ? [node({ id: ID.privateCallers, lines: ['Applications in connected networks'] })] : []),
    ...(model.jumpbox ? [node({ id: ID.developers, lines: ['Developers and administrators'] })] : []),
    ...(model.vpn ? [node({ id: ID.vpnClients, lines: ['VPN clients (Entra ID, OpenVPN)'] })] : []),
  ];
}

// ── Networks ───────────────────────────────────────────────────────────────────────────────────────

function networks(model: ViewModel): string[] {
  const environment = model.firstEnvironment;
  const hub = model.hubSpoke && environment.hub
    ? subgraph(ID.hub, `Hub VNet, ${environment.name}: ${environment.hub.vnetAddressPrefix}`, subnetStatements(model, ID.hub, environment.hub))
    : [];
  const agentPrefix = model.platform.agents ? environment.agentSubnetPrefix : undefined;
  const workloadPrefixes = [environment.network.vnetAddressPrefix, ...(agentPrefix ? [agentPrefix] : [])];
  const workloadTitle = `${model.singleVnet ? 'VNet' : 'Spoke VNet'}, ${environment.name}: ${workloadPrefixes.join(' + ')}`;
  const workload = [...subnetStatements(model, ID.workload, environment.network), ...(agentPrefix ? [node(agentBox(agentPrefix))] : [])];
  return [...hub, ...subgraph(ID.workload, workloadTitle, workload)];
}

/**
 * A subnet that holds one resource is drawn as that resource, its subnet and range on the label; the
 * private endpoints share a subgraph; a subnet this diagram knows no resource for is still shown.
 */
function subnetStatements(model: ViewModel, networkId: string, network: EnvironmentNetwork): string[] {
  return network.subnets.flatMap((subnet) => {
    const where = `${subnet.name} ${subnet.addressPrefix}`;
    const residents = residentsOf(model, subnet);
    const [only] = residents;
    if (subnet.name === PRIVATE_ENDPOINT_SUBNET.name || residents.length > 1) {
      return subgraph(`${networkId}_${idOf(subnet.name)}`, where, residents.map(node));
    }
    return [node(only ? { id: only.id, lines: [...only.lines, where] } : { id: `${networkId}_${idOf(subnet.name)}`, lines: [where] })];
  });
}

function residentsOf(model: ViewModel, subnet: AllocatedSubnet): Box[] {
  const environment = model.firstEnvironment;
  switch (subnet.name) {
    case AZURE_FIREWALL_SUBNET.name:
      return model.firewall ? [{ id: ID.firewall, lines: ['Azure Firewall', 'FQDN allow-list, DNS proxy', ...(environment.firewall ? [`private IP ${environment.firewall.privateIp}`] : [])] }] : [];
    case AZURE_BASTION_SUBNET.name:
      return model.jumpbox ? [{ id: ID.bastion, lines: ['Azure Bastion'] }] : [];
    case GATEWAY_SUBNET.name:
      return model.vpn ? [{ id: ID.vpnGateway, lines: ['VPN gateway, point-to-site', ...(environment.vpnClientAddressPool ? [`clients ${environment.vpnClientAddressPool}`] : [])] }] : [];
    case DNS_RESOLVER_INBOUND_SUBNET.name:
      return model.dnsResolver ? [{ id: ID.dnsInbound, lines: ['DNS Private Resolver', 'inbound endpoint'] }] : [];
    case DNS_RESOLVER_OUTBOUND_SUBNET.name:
      return model.dnsResolver ? [{ id: ID.dnsOutbound, lines: ['DNS Private Resolver', 'outbound endpoint'] }] : [];
    case JUMPBOX_SUBNET.name:
      return model.jumpbox ? [{ id: ID.jumpbox, lines: ['Jumpbox VM', 'no public IP, Entra ID sign-in'] }] : [];
    case API_MANAGEMENT_SUBNET.name:
      return model.apiManagement ? [{ id: ID.apiManagement, lines: ['API Management, internal mode', 'AI gateway: Entra ID tokens, token limits'] }] : [];
    case APPLICATION_GATEWAY_SUBNET.name:
      return model.edgeGateway ? [applicationGatewayBox(model)] : [];
    case APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET.name:
      return model.frontDoor ? [{ id: ID.privateLink, lines: ['Private Link of the Application Gateway'] }] : [];
    case PRIVATE_ENDPOINT_SUBNET.name:
      return privateEndpointBoxes(model);
    default:
      return [];
  }
}

function applicationGatewayBox(model: ViewModel): Box {
  return model.frontDoor
    ? { id: ID.applicationGateway, lines: ['Application Gateway WAF v2', 'private origin of Front Door'] }
    : { id: ID.applicationGateway, lines: ['Application Gateway WAF v2', `public IP, HTTPS ${model.answers.gatewayHostName ?? ''}`.trim()] };
}

/** The agent subnet is the workload VNet's second address range, so it is not among the planned subnets. */
function agentBox(prefix: string): Box {
  return { id: ID.agents, lines: ['Foundry Agent Service', 'delegated to Microsoft.App/environments', `${AGENT_SUBNET.name} ${prefix}`] };
}

/** One node per service, not per endpoint: the storage account's blob and file endpoints share one. */
function privateEndpointBoxes(model: ViewModel): Box[] {
  const groupsByService = new Map<string, string[]>();
  for (const endpoint of model.wiring.privateEndpoints) {
    groupsByService.set(endpoint.service, [...(groupsByService.get(endpoint.service) ?? []), endpoint.groupId]);
  }
  return [...groupsByService].map(([service, groupIds]) => ({
    id: privateEndpointId(service),
    lines: ['Private endpoint', `${SERVICE_NAMES[service]?.short ?? service}: ${groupIds.join(', ')}`],
  }));
}

// ── Managed services ───────────────────────────────────────────────────────────────────────────────

/** How the diagram names the service behind each module that gets a private endpoint. */
const SERVICE_NAMES: Readonly<Record<string, { readonly full: string; readonly short: string }>> = {
  foundry: { full: 'Foundry account and project', short: 'Foundry' },
  foundryHub: { full: 'Foundry hub and project', short: 'Foundry hub' },
  aiServices: { full: 'AI Services account', short: 'AI Services' },
  openAi: { full: 'Azure OpenAI account', short: 'Azure OpenAI' },
  machineLearning: { full: 'Machine Learning workspace', short: 'Machine Learning' },
  search: { full: 'AI Search', short: 'AI Search' },
  containerRegistry: { full: 'Container Registry', short: 'Container Registry' },
  cosmosDb: { full: 'Cosmos DB, agent threads', short: 'Cosmos DB' },
  keyVault: { full: 'Key Vault', short: 'Key Vault' },
  storage: { full: 'Storage account', short: 'Storage' },
};

/** The modules of the services, in the order the private endpoints are created; Key Vault and Storage come always. */
function serviceModules(model: ViewModel): string[] {
  const platform = model.platform;
  return [
    ...(platform.foundryProject ? ['foundry'] : []),
    ...(platform.aiServicesAccount ? ['aiServices'] : []),
    ...(platform.openAiAccount ? ['openAi'] : []),
    ...(platform.foundryHub ? ['foundryHub'] : []),
    ...(platform.machineLearning ? ['machineLearning'] : []),
    ...(platform.search ? ['search'] : []),
    ...(platform.containerRegistry ? ['containerRegistry'] : []),
    ...(platform.cosmosDb ? ['cosmosDb'] : []),
    'keyVault',
    'storage',
  ];
}

/** The models deployed on an account, on the account's label. */
function hostedModels(model: ViewModel, module: string): string[] {
  if (model.platform.modelHost !== module) return [];
  return model.firstEnvironment.modelDeployments.map((deployment) => `model ${deployment.model}, ${deployment.skuName}`);
}

function managedServices(model: ViewModel): string[] {
  const services = serviceModules(model).map((module) => node({ id: serviceId(module), lines: [SERVICE_NAMES[module]?.full ?? module, ...hostedModels(model, module)] }));
  const managedNetwork = model.platform.foundryHub || model.platform.machineLearning
    ? [node({ id: ID.managedNetwork, lines: managedNetworkLines(model) })]
    : [];
  return subgraph(ID.paas, 'Azure PaaS services, public access disabled', [...services, ...managedNetwork]);
}

/** The hub and the workspace run their compute in a network Azure manages, closed but for approved outbound rules. */
function managedNetworkLines(model: ViewModel): string[] {
  const owners = [...(model.platform.foundryHub ? ['hub'] : []), ...(model.platform.machineLearning ? ['workspace'] : [])].join(' and ');
  return [`Managed network of the ${owners}`, 'outbound: managed private endpoints', ...(model.platform.foundryHub ? ['and pypi.org for the hub'] : [])];
}

// ── Shared services ────────────────────────────────────────────────────────────────────────────────

function sharedServices(model: ViewModel): string[] {
  return [
    ...(model.existingHub ? [node(platformHubBox(model))] : []),
    ...apiManagementRegions(model),
    node({ id: ID.dnsZones, lines: dnsZoneLines(model) }),
    node({ id: ID.logAnalytics, lines: ['Log Analytics workspace', `diagnostics, ${model.firstEnvironment.logRetentionInDays} days`] }),
    ...(model.egressThroughFirewall ? [node({ id: ID.internet, lines: internetLines(model) })] : []),
  ];
}

function platformHubBox(model: ViewModel): Box {
  const answers = model.answers;
  const hubName = answers.hubVnetId?.split('/').pop();
  return {
    id: ID.platformHub,
    lines: [
      "Platform team's hub",
      ...(hubName ? [hubName] : []),
      ...(answers.hubFirewallIp ? [`firewall ${answers.hubFirewallIp}`] : []),
      ...(answers.hubDnsServers && answers.hubDnsServers.length > 0 ? [`DNS ${answers.hubDnsServers.join(', ')}`] : []),
    ],
  };
}

/** NET-14: production runs copies of the gateway in further regions, each in a small VNet of its own. */
function apiManagementRegions(model: ViewModel): string[] {
  if (!model.apiManagementRegions) return [];
  const production = model.environments.find((candidate) => (candidate.apiManagement?.regions.length ?? 0) > 0);
  return model.answers.apimRegions.map((location, index) => {
    const network = production?.apiManagement?.regions.find((candidate) => candidate.location === location);
    return node({
      id: apiManagementRegionId(index),
      lines: [`API Management in ${location}`, production && network ? `${production.name} only, VNet ${network.vnetAddressPrefix}` : 'production only, own VNet'],
    });
  });
}

function dnsZoneLines(model: ViewModel): string[] {
  if (model.existingHub) {
    return ["Central private DNS zones of the platform team", model.dnsZoneGroups ? 'the endpoints register in them' : 'Azure Policy registers the endpoints'];
  }
  // API Management in internal mode has no private endpoint: its host names are records in a zone of its own.
  const names = [...model.privateDnsZones.map((zone) => zone.name), ...(model.apiManagement ? [API_MANAGEMENT_ZONE.name] : [])];
  return ['Private DNS zones', ...names];
}

/** A few of the extra hosts say what the allow-list is about; all of them would not fit at a glance. */
function internetLines(model: ViewModel): string[] {
  const shown = 3;
  const extra = model.firewall ? model.answers.allowedFqdns : [];
  const hosts = extra.length > shown ? [...extra.slice(0, shown), `and ${extra.length - shown} more`] : extra;
  return ['Internet', 'approved FQDNs only', ...(hosts.length > 0 ? [`incl. ${hosts.join(', ')}`] : [])];
}

// ── Traffic ────────────────────────────────────────────────────────────────────────────────────────

function flows(model: ViewModel): string[] {
  return [
    ...peerings(model),
    ...gatewayFlows(model),
    ...operatorFlows(model),
    ...serviceFlows(model),
    ...dnsFlows(model),
    ...egressFlows(model),
  ];
}

function peerings(model: ViewModel): string[] {
  return [
    ...(model.hubSpoke ? [edge(ID.hub, '<-->', ID.workload, model.vpn ? 'peering, gateway transit' : 'peering')] : []),
    ...(model.existingHub ? [edge(ID.workload, '<-->', ID.platformHub, 'peering')] : []),
    ...(model.apiManagementRegions ? model.answers.apimRegions.map((_, index) => edge(apiManagementRegionId(index), '<-->', ID.workload, 'peering')) : []),
  ];
}

/** Internet callers come through the door (Front Door, then the Application Gateway over Private Link) to the AI gateway, which calls the models. */
function gatewayFlows(model: ViewModel): string[] {
  if (!model.apiManagement) return [];
  const account = model.platform.account;
  return [
    ...(model.frontDoor
      ? [
          edge(ID.internetCallers, '-->', ID.frontDoor, 'HTTPS 443'),
          edge(ID.frontDoor, '-->', ID.privateLink, 'HTTPS 443, Private Link'),
          edge(ID.privateLink, '-->', ID.applicationGateway),
        ]
      : []),
    ...(model.applicationGateway ? [edge(ID.internetCallers, '-->', ID.applicationGateway, 'HTTPS 443')] : []),
    ...(model.edgeGateway ? [edge(ID.applicationGateway, '-->', ID.apiManagement, 'HTTPS 443')] : []),
    edge(ID.privateCallers, '-->', ID.apiManagement, 'HTTPS 443, Entra ID token'),
    ...(account ? [edge(ID.apiManagement, '-->', privateEndpointId(account), 'HTTPS 443, managed identity')] : []),
  ];
}

/** People reach the private endpoints through Bastion and the jumpbox, or through the VPN. */
function operatorFlows(model: ViewModel): string[] {
  return [
    ...(model.jumpbox
      ? [
          edge(ID.developers, '-->', ID.bastion, 'HTTPS 443, Entra ID'),
          edge(ID.bastion, '-->', ID.jumpbox, 'RDP'),
          edge(ID.jumpbox, '-->', PRIVATE_ENDPOINT_SUBNET_ID, 'HTTPS 443'),
        ]
      : []),
    ...(model.vpn
      ? [
          edge(ID.vpnClients, '-->', ID.vpnGateway, 'OpenVPN, Entra ID'),
          edge(ID.vpnGateway, '-->', PRIVATE_ENDPOINT_SUBNET_ID, 'HTTPS 443'),
        ]
      : []),
  ];
}

/** Each private endpoint leads to its service; the agents and the managed networks hang off theirs. */
function serviceFlows(model: ViewModel): string[] {
  const services = new Set(model.wiring.privateEndpoints.map((endpoint) => endpoint.service));
  return [
    ...[...services].map((service) => edge(privateEndpointId(service), '-->', serviceId(service))),
    ...(model.platform.agents
      ? [
          edge(serviceId('foundry'), '-.->', ID.agents, 'network injection'),
          edge(ID.agents, '-->', PRIVATE_ENDPOINT_SUBNET_ID, 'threads, files, vectors'),
        ]
      : []),
    ...(model.platform.foundryHub ? [edge(serviceId('foundryHub'), '-.-', ID.managedNetwork)] : []),
    ...(model.platform.machineLearning ? [edge(serviceId('machineLearning'), '-.-', ID.managedNetwork)] : []),
    edge(ID.paas, '-.->', ID.logAnalytics, 'diagnostics'),
  ];
}

/**
 * Private names resolve from the zones linked to the VNets. With its own firewall, the workload asks the
 * firewall's DNS proxy (part of the egress flow below); VPN clients ask the resolver's inbound endpoint;
 * with an existing hub, the hub's DNS servers answer from the central zones.
 */
function dnsFlows(model: ViewModel): string[] {
  if (model.existingHub) {
    return [
      edge(ID.workload, '-.->', ID.platformHub, 'DNS queries'),
      edge(ID.platformHub, '-.->', ID.dnsZones, 'DNS queries'),
    ];
  }
  return [
    ...(model.hubSpoke ? [edge(ID.dnsZones, '-.-', ID.hub, 'VNet link')] : []),
    edge(ID.dnsZones, '-.-', ID.workload, 'VNet link'),
    ...(model.vpn && model.dnsResolver ? [edge(ID.vpnClients, '-.->', ID.dnsInbound, 'DNS queries')] : []),
    ...(model.dnsResolver ? [edge(ID.dnsInbound, '-.->', ID.dnsZones, 'DNS queries')] : []),
    ...(model.firewall ? [edge(ID.firewall, '-.->', ID.dnsZones, 'DNS queries')] : []),
  ];
}

/**
 * NET-07: every workload subnet sends 0.0.0.0/0 to the firewall, which lets out only the allow-listed
 * FQDNs. The arrows start at what opens connections (the jumpbox, the AI gateway, the agents), or at
 * the private endpoints' subnet, which carries the route too, when nothing else is there.
 */
function egressFlows(model: ViewModel): string[] {
  if (!model.egressThroughFirewall) return [];
  const firewall = model.firewall ? ID.firewall : ID.platformHub;
  const openers = [
    ...(model.jumpbox ? [ID.jumpbox] : []),
    ...(model.apiManagement ? [ID.apiManagement] : []),
    ...(model.platform.agents ? [ID.agents] : []),
  ];
  const sources = openers.length > 0 ? openers : [PRIVATE_ENDPOINT_SUBNET_ID];
  return [
    ...sources.map((source) => edge(source, '-->', firewall, model.firewall ? 'egress and DNS' : 'egress')),
    edge(firewall, '-->', ID.internet, model.firewall ? 'HTTPS, allow-list' : "the platform team's rules"),
  ];
}
