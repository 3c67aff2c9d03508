import { addressAt, contains, overlaps, parseCidr, type Cidr } from '../../src/network/cidr.js';

/** A compiled ARM template, or one nested in a `Microsoft.Resources/deployments` resource. */
export interface ArmTemplate {
  readonly parameters?: Record<string, { defaultValue?: unknown }>;
  readonly variables?: Record<string, unknown>;
  readonly resources?: ArmResource[] | Record<string, ArmResource>;
}

export interface ArmResource {
  readonly type: string;
  readonly name: string;
  readonly properties?: Record<string, unknown> & { template?: ArmTemplate; parameters?: Record<string, { value?: unknown }> };
}

/** Every resource of a template and of the templates of its nested deployments, depth first. */
export function allResources(template: ArmTemplate): ArmResource[] {
  const own = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  return own.flatMap((resource) => [resource, ...(resource.properties?.template ? allResources(resource.properties.template) : [])]);
}

/** The module deployments (nested `Microsoft.Resources/deployments`) whose template declares `type`. */
export function deploymentsDeclaring(template: ArmTemplate, type: string): ArmResource[] {
  return allResources(template).filter(
    (resource) => resource.type === 'Microsoft.Resources/deployments' && (Array.isArray(resource.properties?.template?.resources) ? resource.properties!.template!.resources : Object.values(resource.properties?.template?.resources ?? {})).some((inner) => inner.type === type),
  );
}

/** Parameters holding VNet ranges, and parameters holding subnet ranges (each inside one of the VNets). */
const VNET_PARAMETERS = ['vnetAddressPrefix', 'hubVnetAddressPrefix'];
const SUBNET_PARAMETERS = ['privateEndpointSubnetPrefix', 'dnsResolverInboundSubnetPrefix', 'dnsResolverOutboundSubnetPrefix', 'firewallSubnetPrefix'];

/**
 * Problems with the address ranges of a set of environments (their built parameter files): VNets
 * that overlap (across all environments), subnets outside every VNet of their environment, subnets
 * that overlap each other, a firewall address outside the firewall's subnet.
 */
export function rangeProblems(environments: Readonly<Record<string, Record<string, { value: unknown }>>>): string[] {
  const problems: string[] = [];
  const allVnets: { label: string; range: Cidr }[] = [];
  for (const [environment, parameters] of Object.entries(environments)) {
    const ranges = (keys: readonly string[]) => keys.filter((key) => typeof parameters[key]?.value === 'string').map((key) => ({ label: `${environment}.${key} ${String(parameters[key]!.value)}`, range: parseCidr(String(parameters[key]!.value)) as Cidr }));
    const vnets = ranges(VNET_PARAMETERS);
    const subnets = ranges(SUBNET_PARAMETERS);
    allVnets.push(...vnets);
    for (const subnet of subnets) {
      if (!vnets.some((vnet) => contains(vnet.range, subnet.range))) problems.push(`${subnet.label} is outside every VNet of ${environment}`);
    }
    problems.push(...pairwiseOverlaps(subnets));
    const firewallIp = parameters.firewallPrivateIp?.value;
    const firewallSubnet = subnets.find((subnet) => subnet.label.includes('firewallSubnetPrefix'));
    if (typeof firewallIp === 'string' && (!firewallSubnet || firewallIp !== addressAt(firewallSubnet.range, 4))) {
      problems.push(`${environment}.firewallPrivateIp ${firewallIp} is not the address Azure gives the firewall (offset 4 of its subnet)`);
    }
  }
  return [...problems, ...pairwiseOverlaps(allVnets)];
}

function pairwiseOverlaps(ranges: readonly { label: string; range: Cidr }[]): string[] {
  return ranges.flatMap((a, index) => ranges.slice(index + 1).filter((b) => overlaps(a.range, b.range)).map((b) => `${a.label} overlaps ${b.label}`));
}

/** Subnet names that PSRule (Azure.VNET.UseNSGs) and Azure itself exempt from NSGs. */
const NSG_EXEMPT = new Set(['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'RouteServerSubnet']);

/**
 * Every subnet declaration in every virtual network of the template: does it get an NSG (unless
 * exempt) and `defaultOutboundAccess: false`? Subnets built by a copy loop are judged by the loop's
 * input template, which every generated subnet passes through.
 */
export function subnetProblems(template: ArmTemplate): string[] {
  const problems: string[] = [];
  for (const vnet of allResources(template).filter((resource) => resource.type === 'Microsoft.Network/virtualNetworks')) {
    const declarations = subnetDeclarations(vnet);
    if (declarations.length === 0) problems.push(`${vnet.name}: no subnet declarations found`);
    for (const subnet of declarations) {
      const name = typeof subnet.name === 'string' ? subnet.name : JSON.stringify(subnet.name);
      const properties = (subnet.properties ?? {}) as Record<string, unknown>;
      if (!NSG_EXEMPT.has(name) && properties.networkSecurityGroup === undefined) problems.push(`${vnet.name}: subnet ${name} has no network security group`);
      if (properties.defaultOutboundAccess !== false) problems.push(`${vnet.name}: subnet ${name} keeps default outbound access`);
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
  const own = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  return own.filter((resource) => resource.type === 'Microsoft.Resources/deployments' && resource.properties?.template && allResources(resource.properties.template).some((inner) => inner.type === 'Microsoft.Network/virtualNetworks'));
}

/** NET-03: every private DNS zone must be linked to every virtual network of the deployment. */
export function zoneLinkProblems(template: ArmTemplate): string[] {
  const vnets = virtualNetworkDeployments(template).map((deployment) => deployment.name);
  return deploymentsDeclaring(template, 'Microsoft.Network/privateDnsZones').flatMap((zone) => {
    const linked = JSON.stringify(zone.properties?.parameters?.virtualNetworkResourceIds?.value ?? '');
    return vnets.filter((vnet) => !linked.includes(`'Microsoft.Resources/deployments', '${vnet}')`)).map((vnet) => `zone ${zone.name} is not linked to the VNet of ${vnet}`);
  });
}

/**
 * NET-10: hub-spoke peers both ways, each side deployed in its own VNet's resource group and
 * pointing at the other; without a VPN gateway no side may ask for gateway transit or remote
 * gateways (the deployment would fail); forwarded traffic only where a firewall forwards it.
 */
export function peeringProblems(template: ArmTemplate, expectGateway: boolean, expectForwarding: boolean): string[] {
  const peerings = deploymentsDeclaring(template, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings');
  const problems: string[] = [];
  // Each side must be deployed in its own VNet's resource group, name its own VNet as local, and point at the
  // other side's VNet; variables are resolved, so swapped definitions cannot pass.
  const resolve = (value: unknown) => {
    const variable = typeof value === 'string' ? /^\[variables\('(\w+)'\)\]$/.exec(value)?.[1] : undefined;
    return String(variable ? template.variables?.[variable] : value).replace(/\]$/, '');
  };
  const side = { hub: { group: "names').hubResourceGroup", vnet: "names').hubVirtualNetwork" }, spoke: { group: "names').resourceGroup", vnet: "names').virtualNetwork" } };
  const peers = (local: typeof side.hub, remote: typeof side.hub) =>
    peerings.some((peering) => {
      const remoteId = resolve(peering.properties?.parameters?.remoteVirtualNetworkResourceId?.value);
      return resolve((peering as { resourceGroup?: string }).resourceGroup).endsWith(local.group) &&
        resolve(peering.properties?.parameters?.localVirtualNetworkName?.value).endsWith(local.vnet) &&
        remoteId.includes(`${remote.group},`) && remoteId.includes(`${remote.vnet})`);
    });
  if (!peers(side.hub, side.spoke)) problems.push('no peering from the hub to the spoke');
  if (!peers(side.spoke, side.hub)) problems.push('no peering from the spoke to the hub');
  for (const peering of peerings) {
    const template = peering.properties!.template!;
    for (const flag of ['allowGatewayTransit', 'useRemoteGateways']) {
      const value = peering.properties?.parameters?.[flag]?.value ?? template.parameters?.[flag]?.defaultValue ?? false;
      if (!expectGateway && value !== false) problems.push(`${peering.name}: ${flag} is ${JSON.stringify(value)} without a VPN gateway`);
    }
    const forwarding = peering.properties?.parameters?.allowForwardedTraffic?.value;
    if (forwarding !== expectForwarding) problems.push(`${peering.name}: forwarded traffic is ${forwarding ? 'allowed' : 'not allowed'}, but ${expectForwarding ? 'the firewall in the hub forwards the spoke\'s traffic' : 'nothing forwards traffic'}`);
  }
  return problems;
}

/**
 * NET-07: with the firewall, every workload subnet routes through it (the route table is attached);
 * without it, none does. Subnets that Azure reserves (AzureFirewallSubnet, …) never take one.
 */
export function routeTableProblems(template: ArmTemplate, firewall: boolean): string[] {
  const own = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  const workload = own.find((resource) => resource.type === 'Microsoft.Resources/deployments' && resource.name === 'virtual-network');
  const subnets = workload?.properties?.parameters?.subnets?.value;
  if (!Array.isArray(subnets)) return ['the workload VNet\'s subnets are not a literal list, so their routes cannot be checked'];
  // An item may be a reference to a variable of the template: `[variables('privateEndpointSubnet')]`.
  const resolved = subnets.map((item) => {
    const variable = typeof item === 'string' ? /^\[variables\('(\w+)'\)\]$/.exec(item)?.[1] : undefined;
    return (variable ? template.variables?.[variable] : item) as { name: string; routeTableResourceId?: unknown };
  });
  return resolved.flatMap((subnet) => {
    const routed = subnet.routeTableResourceId !== undefined;
    if (NSG_EXEMPT.has(subnet.name)) return routed ? [`${subnet.name} must not take a route table`] : [];
    if (firewall && !routed) return [`${subnet.name} does not route its egress through the firewall`];
    if (!firewall && routed) return [`${subnet.name} has a route table but there is no firewall`];
    return [];
  });
}

/**
 * NET-07, checked inside the compiled modules: the policy denies known-bad destinations and is the DNS
 * proxy; the route table sends 0.0.0.0/0 to the firewall's address; the workload VNet uses it for DNS.
 */
export function firewallProblems(template: ArmTemplate): string[] {
  const problems: string[] = [];
  const policy = allResources(template).find((resource) => resource.type === 'Microsoft.Network/firewallPolicies');
  if (!policy) return ['no firewall policy'];
  if (policy.properties?.threatIntelMode !== 'Deny') problems.push('the firewall policy does not deny threat-intelligence hits');
  if ((policy.properties?.dnsSettings as { enableProxy?: unknown } | undefined)?.enableProxy !== true) problems.push('the firewall policy is not the DNS proxy');
  const routeTable = deploymentsDeclaring(template, 'Microsoft.Network/routeTables')[0];
  const route = JSON.stringify(routeTable?.properties?.template ?? {});
  if (!/"addressPrefix":"0\.0\.0\.0\/0","nextHopType":"VirtualAppliance"/.test(route)) problems.push('no route of 0.0.0.0/0 to a virtual appliance');
  if (!JSON.stringify(routeTable?.properties?.parameters ?? {}).includes("parameters('firewallPrivateIp')")) problems.push('the route does not lead to firewallPrivateIp');
  const own = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  const workload = own.find((resource) => resource.name === 'virtual-network');
  if (!JSON.stringify(workload?.properties?.parameters?.dnsServers ?? {}).includes("parameters('firewallPrivateIp')")) problems.push('the workload VNet does not use the firewall for DNS');
  return problems;
}
