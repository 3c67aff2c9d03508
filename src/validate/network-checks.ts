import { addressAt, contains, overlaps, parseCidr, type Cidr } from '../network/cidr.js';
import { CONTAINER_PLATFORM_HOSTS } from '../catalogue/outbound.js';
import { type ArmTemplate, type ArmResource, ownResources, allResources, deploymentsDeclaring, resolveVariables, expandVariables } from './arm.js';
import { NOT_ROUTED, NSG_EXEMPT, isAnySource, isInternetSource, sourceLiterals } from './child-resources.js';
import { type Finding, finding } from './findings.js';

/**
 * The network checks of the compiled template: address ranges, subnets and their NSGs and routes, DNS zone
 * links, peerings and the firewall (NET-02, NET-04, NET-07, NET-10, NET-12).
 */
const VNET_PARAMETERS = ['vnetAddressPrefix', 'hubVnetAddressPrefix', 'agentSubnetPrefix'];
/** Every subnet the planner allocates has a parameter named …SubnetPrefix (a new one cannot slip past). */
const isSubnetParameter = (key: string) => key.endsWith('SubnetPrefix');

/**
 * Problems with the address ranges of a set of environments (their built parameter files): VNets and
 * VPN client pools that overlap (across all environments), subnets outside every VNet of their
 * environment, subnets that overlap each other, a firewall address outside the firewall's subnet, an
 * Application Gateway frontend outside its subnet.
 */
export function rangeFindings(environments: Readonly<Record<string, Readonly<Record<string, { readonly value?: unknown }>>>>): Finding[] {
  const problems: Finding[] = [];
  const allRanges: { label: string; range: Cidr }[] = [];
  for (const [environment, parameters] of Object.entries(environments)) {
    const range = (key: string) => ({
      label: `${environment}.${key} ${String(parameters[key]!.value)}`,
      range: parseCidr(String(parameters[key]!.value)) as Cidr,
    });
    const ranges = (keys: readonly string[]) => keys.filter((key) => typeof parameters[key]?.value === 'string').map(range);
    const vnets = ranges(VNET_PARAMETERS);
    const subnets = ranges(Object.keys(parameters).filter(isSubnetParameter));
    allRanges.push(...vnets, ...ranges(['vpnClientAddressPool']));
    for (const subnet of subnets) {
      if (!vnets.some((vnet) => contains(vnet.range, subnet.range)))
        problems.push(finding('subnet-outside-vnet', `${subnet.label} is outside every VNet of ${environment}`));
    }
    problems.push(...pairwiseOverlaps(subnets));
    const firewallIp = parameters.firewallPrivateIp?.value;
    const firewallSubnet = subnets.find((subnet) => subnet.label.includes('firewallSubnetPrefix'));
    if (typeof firewallIp === 'string' && (!firewallSubnet || firewallIp !== addressAt(firewallSubnet.range, 4))) {
      problems.push(
        finding(
          'firewall-address-misplaced',
          `${environment}.firewallPrivateIp ${firewallIp} is not the address Azure gives the firewall (offset 4 of its subnet)`,
        ),
      );
    }
    const frontendIp = parameters.applicationGatewayPrivateIp?.value;
    const gatewaySubnet = subnets.find((subnet) => subnet.label.includes('applicationGatewaySubnetPrefix'));
    if (typeof frontendIp === 'string' && (!gatewaySubnet || !contains(gatewaySubnet.range, parseCidr(`${frontendIp}/32`) as Cidr))) {
      problems.push(
        finding('gateway-frontend-outside-subnet', `${environment}.applicationGatewayPrivateIp ${frontendIp} is outside the Application Gateway's subnet`),
      );
    }
  }
  return [...problems, ...pairwiseOverlaps(allRanges)];
}

function pairwiseOverlaps(ranges: readonly { label: string; range: Cidr }[]): Finding[] {
  return ranges.flatMap((a, index) =>
    ranges
      .slice(index + 1)
      .filter((b) => overlaps(a.range, b.range))
      .map((b) => finding('ranges-overlap', `${a.label} overlaps ${b.label}`)),
  );
}

/**
 * Every subnet declaration in every virtual network of the template: does it get an NSG (unless
 * exempt) and `defaultOutboundAccess: false`? Subnets built by a copy loop are judged by the loop's
 * input template, which every generated subnet passes through.
 */
export function subnetFindings(template: ArmTemplate): Finding[] {
  const problems: Finding[] = [];
  for (const vnet of allResources(template).filter((resource) => resource.type === 'Microsoft.Network/virtualNetworks')) {
    const declarations = subnetDeclarations(vnet);
    if (declarations.length === 0) problems.push(finding('vnet-without-subnets', `${vnet.name}: no subnet declarations found`));
    for (const subnet of declarations) {
      const name = typeof subnet.name === 'string' ? subnet.name : JSON.stringify(subnet.name);
      const properties = (subnet.properties ?? {}) as Record<string, unknown>;
      if (!NSG_EXEMPT.has(name) && properties.networkSecurityGroup === undefined)
        problems.push(finding('subnet-without-nsg', `${vnet.name}: subnet ${name} has no network security group`));
      if (properties.defaultOutboundAccess !== false)
        problems.push(finding('subnet-default-outbound', `${vnet.name}: subnet ${name} keeps default outbound access`));
    }
  }
  return problems;
}

function subnetDeclarations(vnet: ArmResource): { name?: unknown; properties?: unknown }[] {
  const properties = vnet.properties ?? {};
  const literal = Array.isArray(properties.subnets) ? (properties.subnets as { name?: unknown; properties?: unknown }[]) : [];
  const copies = Array.isArray(properties.copy) ? (properties.copy as { name: string; input: { name?: unknown; properties?: unknown } }[]) : [];
  return [...literal, ...copies.filter((copy) => copy.name === 'subnets').map((copy) => copy.input)];
}

/** Top-level module deployments that create a virtual network (directly or in a nested module). */
function virtualNetworkDeployments(template: ArmTemplate): ArmResource[] {
  return ownResources(template).filter(
    (resource) =>
      resource.type === 'Microsoft.Resources/deployments' &&
      resource.properties?.template &&
      allResources(resource.properties.template).some((inner) => inner.type === 'Microsoft.Network/virtualNetworks'),
  );
}

/**
 * NET-03: every private DNS zone must be linked to every virtual network of the deployment. A VNet
 * module deployed in a loop (API Management's further regions, NET-14) is linked through the
 * variable that lists the loop's VNet IDs.
 */
export function zoneLinkFindings(template: ArmTemplate): Finding[] {
  const vnets = virtualNetworkDeployments(template);
  return deploymentsDeclaring(template, 'Microsoft.Network/privateDnsZones').flatMap((zone) => {
    const linked = JSON.stringify(zone.properties?.parameters?.virtualNetworkResourceIds?.value ?? '');
    return vnets
      .filter(
        (vnet) =>
          !linked.includes(
            (vnet as { copy?: unknown }).copy ? "variables('apiManagementRegionalNetworkResourceIds')" : `'Microsoft.Resources/deployments', '${vnet.name}')`,
          ),
      )
      .map((vnet) => finding('dns-zone-unlinked', `zone ${zone.name} is not linked to the VNet of ${vnet.name}`));
  });
}

export interface PeeringExpectation {
  /** The hub is this deployment's (hub-spoke) or the platform team's (existing-hub). */
  readonly hub: 'own' | 'existing';
  /** A VPN gateway in the hub: gateway transit on the hub's side, remote gateways on the spoke's. */
  readonly gateway: boolean;
  /** A firewall in the hub forwards the spoke's traffic. */
  readonly forwarding: boolean;
}

/**
 * NET-10: hub and spoke peer both ways, each side deployed in its own VNet's resource group, naming
 * its own VNet as local and pointing at the other. Gateway transit and remote gateways come exactly
 * when the hub has a VPN gateway, on peerings that wait for the gateway (the spoke's after the hub's,
 * or Azure refuses it); either flag without a gateway fails the deployment. Forwarded traffic only where a firewall forwards it. With an existing hub, the gateway
 * flags follow the parameter useHubGateway and the hub's side deploys to the hub's group.
 */
export function peeringFindings(template: ArmTemplate, expected: PeeringExpectation): Finding[] {
  // Looped peerings connect API Management's further regions (NET-14), not the hub; regionalNetworkProblems checks them.
  const peerings = deploymentsDeclaring(template, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings').filter(
    (peering) => !(peering as { copy?: unknown }).copy,
  );
  const problems: Finding[] = [];
  // Variables are resolved, also inside expressions, so swapped definitions cannot pass.
  const text = (value: unknown) => expandVariables(JSON.stringify(resolveVariables(value, template)), template);
  const parameter = (peering: ArmResource, name: string) => peering.properties?.parameters?.[name]?.value;
  const group = (peering: ArmResource) => text((peering as { resourceGroup?: string }).resourceGroup);
  const spokeVnet = "names').virtualNetwork";
  const hubVnet = expected.hub === 'own' ? "names').hubVirtualNetwork" : "parameters('hubVirtualNetworkResourceId')";
  const sides = {
    spoke: peerings.filter(
      (peering) => group(peering).includes("names').resourceGroup") && text(parameter(peering, 'localVirtualNetworkName')).includes(spokeVnet),
    ),
    hub: peerings.filter((peering) =>
      expected.hub === 'own'
        ? group(peering).includes("names').hubResourceGroup") && text(parameter(peering, 'localVirtualNetworkName')).includes("names').hubVirtualNetwork")
        : group(peering).includes("split(parameters('hubVirtualNetworkResourceId'), '/')") &&
          text(parameter(peering, 'localVirtualNetworkName')).includes("parameters('hubVirtualNetworkResourceId')"),
    ),
  };
  if (sides.hub.length === 0 || !sides.hub.every((peering) => text(parameter(peering, 'remoteVirtualNetworkResourceId')).includes(spokeVnet)))
    problems.push(finding('peering-missing', 'no peering from the hub to the spoke'));
  if (sides.spoke.length === 0 || !sides.spoke.every((peering) => text(parameter(peering, 'remoteVirtualNetworkResourceId')).includes(hubVnet)))
    problems.push(finding('peering-missing', 'no peering from the spoke to the hub'));
  const dependsOn = (peering: ArmResource) => JSON.stringify((peering as { dependsOn?: unknown }).dependsOn ?? []);
  const flagged = (side: ArmResource[], flag: string) => side.filter((peering) => parameter(peering, flag) !== false);
  for (const [side, never] of [
    [sides.hub, 'useRemoteGateways'],
    [sides.spoke, 'allowGatewayTransit'],
  ] as const) {
    for (const peering of flagged(side, never))
      problems.push(finding('peering-gateway-flag', `${peering.name}: ${never} is ${JSON.stringify(parameter(peering, never))}, expected false`));
  }
  const transit = flagged(sides.hub, 'allowGatewayTransit');
  const remote = flagged(sides.spoke, 'useRemoteGateways');
  if (expected.hub === 'existing') {
    for (const peering of [...transit, ...remote]) {
      if (
        parameter(peering, 'allowGatewayTransit') !== "[parameters('useHubGateway')]" &&
        parameter(peering, 'useRemoteGateways') !== "[parameters('useHubGateway')]"
      )
        problems.push(finding('peering-gateway-flag', `${peering.name}: its gateway flag does not follow useHubGateway`));
    }
    if (transit.length !== 1 || remote.length !== 1)
      problems.push(finding('peering-gateway-flag', 'the gateway flags do not follow useHubGateway on both sides'));
    if (remote[0] && transit[0] && !dependsOn(remote[0]).includes(transit[0].name.replace(/^\[|\]$/g, '').replace(/^format\('([^{]*).*$/, '$1')))
      problems.push(finding('peering-order', `${remote[0].name}: does not wait for the hub's side, so asking for remote gateways can fail`));
  } else if (!expected.gateway) {
    for (const peering of [...transit, ...remote]) problems.push(finding('peering-gateway-flag', `${peering.name}: asks for a gateway, but the hub has none`));
  } else {
    if (transit.length !== 1 || transit[0]!.properties?.parameters?.allowGatewayTransit?.value !== true)
      problems.push(finding('peering-gateway-unused', 'the hub does not lend its VPN gateway to the spoke'));
    else if (!dependsOn(transit[0]!).includes("'vpn-gateway')"))
      problems.push(finding('peering-order', `${transit[0]!.name}: does not wait for the VPN gateway`));
    if (remote.length !== 1 || remote[0]!.properties?.parameters?.useRemoteGateways?.value !== true)
      problems.push(finding('peering-gateway-unused', "the spoke does not use the hub's VPN gateway"));
    else if (transit[0] && !dependsOn(remote[0]!).includes(`'${transit[0].name}')`))
      problems.push(finding('peering-order', `${remote[0]!.name}: does not wait for the hub's side, so asking for remote gateways fails`));
  }
  const forwarding = { hub: expected.hub === 'own' && expected.forwarding, spoke: expected.hub === 'existing' || expected.forwarding };
  for (const side of ['hub', 'spoke'] as const) {
    for (const peering of sides[side]) {
      if (parameter(peering, 'allowForwardedTraffic') !== forwarding[side]) {
        problems.push(
          finding(
            'peering-forwarding',
            `${peering.name}: forwarded traffic is ${forwarding[side] ? 'not allowed, but the hub forwards traffic into it' : 'allowed, but nothing forwards traffic'}`,
          ),
        );
      }
    }
  }
  return problems;
}

export interface SubnetDeclaration {
  readonly name: string;
  readonly addressPrefix: unknown;
  readonly routeTableResourceId?: unknown;
  readonly securityRules?: readonly SecurityRule[];
}

export interface SecurityRule {
  readonly name: string;
  readonly properties: {
    readonly priority: number;
    readonly direction: 'Inbound' | 'Outbound';
    readonly access: 'Allow' | 'Deny';
    readonly sourceAddressPrefix?: string;
    readonly sourceAddressPrefixes?: readonly string[] | string;
    readonly destinationAddressPrefix?: string;
    readonly destinationPortRange?: string;
    readonly destinationPortRanges?: readonly string[];
  };
}

/** VNet module deployments: `virtual-network`, `hub-virtual-network`, and API Management's regional ones (a loop). */
const isRegionalNetwork = (name: string) => name.startsWith("[format('apim-virtual-network-");
const isVnetDeployment = (name: string) => /(^|-)virtual-network$/.test(name) || isRegionalNetwork(name);

/** The subnets main.bicep passes to each VNet module deployment, resolved. */
export function vnetSubnets(template: ArmTemplate): Map<string, SubnetDeclaration[] | string> {
  const result = new Map<string, SubnetDeclaration[] | string>();
  for (const deployment of ownResources(template).filter(
    (resource) => resource.type === 'Microsoft.Resources/deployments' && isVnetDeployment(resource.name),
  )) {
    const subnets = resolveVariables(deployment.properties?.parameters?.subnets?.value, template);
    result.set(
      deployment.name,
      Array.isArray(subnets) && subnets.every((subnet) => typeof subnet === 'object')
        ? (subnets as SubnetDeclaration[])
        : `the subnets of ${deployment.name} are computed, so they cannot be checked: ${JSON.stringify(subnets)}`,
    );
  }
  return result;
}

/**
 * NET-07: with egress through a firewall, every workload subnet routes through it (the route table
 * is attached); without it, none does. Subnets Azure reserves, Bastion's and the Application
 * Gateway's never take one.
 */
export function routeTableFindings(template: ArmTemplate, egressThroughFirewall: boolean): Finding[] {
  // API Management's further regions (NET-14) included: their gateways' egress goes through the firewall too.
  const networks = [...vnetSubnets(template)];
  if (networks.length === 0) return [finding('virtual-network-missing', 'no virtual network deployment found')];
  return networks.flatMap(([vnet, subnets]) => {
    if (typeof subnets === 'string') return [finding('subnets-computed', subnets)];
    return subnets.flatMap((subnet) => {
      const routed = subnet.routeTableResourceId !== undefined;
      if (NOT_ROUTED.has(subnet.name)) return routed ? [finding('route-table-forbidden', `${vnet}: ${subnet.name} must not take a route table`)] : [];
      if (egressThroughFirewall && !routed)
        return [finding('egress-bypasses-firewall', `${vnet}: ${subnet.name} does not route its egress through the firewall`)];
      if (!egressThroughFirewall && routed)
        return [finding('route-table-without-firewall', `${vnet}: ${subnet.name} has a route table but there is no firewall`)];
      return [];
    });
  });
}

const ports = (rule: SecurityRule) =>
  [rule.properties.destinationPortRange, ...(rule.properties.destinationPortRanges ?? [])].filter((port) => port !== undefined);
// A list computed by an expression (`[concat(…)]`) is one string, not a list of characters.
const sources = (rule: SecurityRule) =>
  [rule.properties.sourceAddressPrefix, ...[rule.properties.sourceAddressPrefixes ?? []].flat()].filter((source) => source !== undefined);

/** Subnets that may accept traffic from the internet: the doors people and callers use (NET-06, NET-09). */
const INTERNET_FACING = new Set(['AzureBastionSubnet', 'snet-appgw']);

/**
 * NET-12, read from the rules main.bicep gives each subnet: every subnet that takes an NSG has rules;
 * the last inbound rule denies everything; nothing is allowed in from any source (`*`), and from the
 * internet only into the doors (not into the Application Gateway that only Front Door reaches); nothing
 * may open SSH or RDP into the network (PSRule Azure.NSG.LateralTraversal) except Bastion, whose
 * outbound RDP and SSH Azure itself requires; the jumpbox admits RDP from Bastion's subnet alone.
 */
export function nsgFindings(template: ArmTemplate, { privateGateway = false } = {}): Finding[] {
  const networks = [...vnetSubnets(template)];
  if (networks.length === 0) return [finding('virtual-network-missing', 'no virtual network deployment found')];
  return networks.flatMap(([vnet, subnets]) => {
    if (typeof subnets === 'string') return [finding('subnets-computed', subnets)];
    return subnets
      .filter((subnet) => !NSG_EXEMPT.has(subnet.name))
      .flatMap((subnet) => {
        const where = `${vnet}: ${subnet.name}`;
        const rules = subnet.securityRules;
        if (!Array.isArray(rules) || rules.length === 0) return [finding('nsg-rules-missing', `${where} has no security rules`)];
        if (rules.some((rule) => typeof rule !== 'object'))
          return [finding('nsg-rules-computed', `${where} has computed security rules, which cannot be checked`)];
        const problems: Finding[] = [];
        const inbound = rules.filter((rule) => rule.properties.direction === 'Inbound').sort((a, b) => a.properties.priority - b.properties.priority);
        const last = inbound.at(-1);
        if (!last || last.properties.access !== 'Deny' || last.properties.sourceAddressPrefix !== '*' || last.properties.destinationPortRange !== '*')
          problems.push(finding('nsg-no-deny-all', `${where} does not end its inbound rules with a deny-all`));
        for (const rule of inbound.filter((candidate) => candidate.properties.access === 'Allow')) {
          const anySource = sources(rule).flatMap(sourceLiterals).find(isAnySource);
          if (anySource) problems.push(finding('nsg-allows-any-source', `${where}: ${rule.name} allows inbound traffic from any source (${anySource})`));
          // NET-06: the jumpbox takes remote sessions from Bastion and nowhere else.
          const remoteAccess = ports(rule).some((port) => port === '22' || port === '3389' || port === '*');
          if (subnet.name === 'snet-jumpbox' && remoteAccess && sources(rule).some((source) => source !== "[parameters('bastionSubnetPrefix')]")) {
            problems.push(
              finding('nsg-jumpbox-open', `${where}: ${rule.name} admits RDP or SSH from ${sources(rule).join(', ')}, not only from Bastion's subnet`),
            );
          }
          const mayFaceInternet = INTERNET_FACING.has(subnet.name) && !(privateGateway && subnet.name === 'snet-appgw');
          if (sources(rule).flatMap(sourceLiterals).some(isInternetSource) && !mayFaceInternet)
            problems.push(finding('nsg-allows-internet', `${where}: ${rule.name} allows inbound traffic from the internet`));
        }
        const outbound = rules.filter((rule) => rule.properties.direction === 'Outbound').sort((a, b) => a.properties.priority - b.properties.priority);
        // Azure requires Bastion's subnet to open RDP and SSH to the VirtualNetwork tag; the jumpbox subnet admits only Bastion.
        if (subnet.name === 'AzureBastionSubnet') return problems;
        const lateral = outbound.find(
          (rule) => rule.properties.destinationAddressPrefix === 'VirtualNetwork' && ['22', '3389'].every((port) => ports(rule).includes(port)),
        );
        if (lateral?.properties.access !== 'Deny') problems.push(finding('nsg-lateral-movement', `${where} does not deny SSH and RDP into the network`));
        for (const rule of outbound.filter(
          (candidate) => candidate.properties.access === 'Allow' && ports(candidate).some((port) => port === '22' || port === '3389'),
        )) {
          problems.push(finding('nsg-opens-remote-access', `${where}: ${rule.name} opens SSH or RDP to ${rule.properties.destinationAddressPrefix}`));
        }
        return problems;
      });
  });
}

/**
 * NET-07, checked inside the compiled modules: the policy denies known-bad destinations and is the DNS
 * proxy; the route table sends 0.0.0.0/0 to the firewall's address; the workload VNet uses it for DNS.
 */
export function firewallFindings(template: ArmTemplate, { apiManagement = false, agents = false } = {}): Finding[] {
  const problems: Finding[] = [];
  const policy = allResources(template).find((resource) => resource.type === 'Microsoft.Network/firewallPolicies');
  if (!policy) return [finding('firewall-policy-missing', 'no firewall policy')];
  if (policy.properties?.threatIntelMode !== 'Deny')
    problems.push(finding('firewall-threat-intel-off', 'the firewall policy does not deny threat-intelligence hits'));
  if ((policy.properties?.dnsSettings as { enableProxy?: unknown } | undefined)?.enableProxy !== true)
    problems.push(finding('firewall-not-dns-proxy', 'the firewall policy is not the DNS proxy'));
  const routeTable = deploymentsDeclaring(template, 'Microsoft.Network/routeTables')[0];
  const route = JSON.stringify(routeTable?.properties?.template ?? {});
  if (!/"addressPrefix":"0\.0\.0\.0\/0","nextHopType":"VirtualAppliance"/.test(route))
    problems.push(finding('default-route-missing', 'no route of 0.0.0.0/0 to a virtual appliance'));
  if (!JSON.stringify(routeTable?.properties?.parameters ?? {}).includes("parameters('firewallPrivateIp')"))
    problems.push(finding('default-route-misdirected', 'the route does not lead to firewallPrivateIp'));
  const workload = ownResources(template).find((resource) => resource.name === 'virtual-network');
  if (!JSON.stringify(workload?.properties?.parameters?.dnsServers ?? {}).includes("parameters('firewallPrivateIp')"))
    problems.push(finding('dns-bypasses-firewall', 'the workload VNet does not use the firewall for DNS'));
  if (apiManagement) {
    // NET-07, NET-08: API Management's dependencies pass the firewall; its control plane's replies bypass it.
    const rules = JSON.stringify(allResources(template).filter((resource) => resource.type === 'Microsoft.Network/firewallPolicies/ruleCollectionGroups'));
    for (const tag of ['Storage', 'Sql', 'AzureKeyVault', 'AzureMonitor']) {
      if (!rules.includes(`"${tag}"`)) problems.push(finding('firewall-blocks-api-management', `the firewall does not let API Management reach ${tag}`));
    }
    if (!/"addressPrefix":"ApiManagement","nextHopType":"Internet"/.test(route))
      problems.push(finding('api-management-control-route-missing', "no route returns API Management's control plane directly"));
  }
  if (agents) {
    // FDY-06: the Agent Service's Container Apps platform pulls its images and binaries through the firewall in every
    // scenario (https://learn.microsoft.com/azure/container-apps/use-azure-firewall); without them no agent starts.
    const rules = JSON.stringify(allResources(template).filter((resource) => resource.type === 'Microsoft.Network/firewallPolicies/ruleCollectionGroups'));
    for (const host of CONTAINER_PLATFORM_HOSTS) {
      if (!rules.includes(`"${host}"`)) problems.push(finding('firewall-blocks-agents', `the firewall does not let the agents' platform reach ${host}`));
    }
  }
  return problems;
}

// The text of the checks above, for test/compile/compile.test.ts, which asserts on messages; validate reads the findings.
