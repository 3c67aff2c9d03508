import { type Cidr, blockSize, contains, formatCidr, isPrivate, nextBlock, overlaps, parseCidr } from './cidr.js';
import { compareOrdinal } from '../ordinal.js';

/** A subnet the chosen options need, with the smallest prefix its service works with. */
export interface SubnetRequest {
  readonly name: string;
  readonly prefixLength: number;
  /** Why this size: shown when an address space is too small. */
  readonly reason: string;
  /** How main.bicep names it: the variable that declares the subnet, and the parameter of its range with its comment. */
  readonly bicep: { readonly variable: string; readonly parameter: string; readonly comment: string };
}

export interface AllocatedSubnet {
  readonly name: string;
  readonly addressPrefix: string;
  readonly request: SubnetRequest;
}

export interface EnvironmentNetwork {
  readonly environment: string;
  readonly vnetAddressPrefix: string;
  readonly subnets: readonly AllocatedSubnet[];
}

/**
 * The subnets an option may bring, each at the smallest prefix its service works with. A
 * private-endpoint subnet uses one address per endpoint; a /26 (59 usable addresses once Azure
 * reserves five) leaves room for every service this generator offers, and more.
 */
export const PRIVATE_ENDPOINT_SUBNET: SubnetRequest = {
  name: 'snet-private-endpoints',
  prefixLength: 26,
  reason: 'private endpoints (one address each; /26 leaves room for about 59)',
  bicep: { variable: 'privateEndpointSubnet', parameter: 'privateEndpointSubnetPrefix', comment: 'Subnet of the private endpoints (one address each).' },
};

/** Azure Firewall's subnet must be named AzureFirewallSubnet and be at least a /26 (Azure Firewall FAQ). */
export const AZURE_FIREWALL_SUBNET: SubnetRequest = {
  name: 'AzureFirewallSubnet',
  prefixLength: 26,
  reason: 'Azure Firewall (AzureFirewallSubnet, a /26 at least)',
  bicep: {
    variable: 'firewallSubnet',
    parameter: 'firewallSubnetPrefix',
    comment: 'AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.',
  },
};

/** Azure Bastion's subnet must be named AzureBastionSubnet and be a /26 or larger (Azure Bastion documentation, "Configuration settings"). */
export const AZURE_BASTION_SUBNET: SubnetRequest = {
  name: 'AzureBastionSubnet',
  prefixLength: 26,
  reason: 'Azure Bastion (AzureBastionSubnet, a /26 at least)',
  bicep: { variable: 'bastionSubnet', parameter: 'bastionSubnetPrefix', comment: 'AzureBastionSubnet of Azure Bastion, the way to the jumpbox.' },
};

/**
 * A VPN gateway's subnet must be named GatewaySubnet; /27 or larger is what the VPN Gateway
 * documentation ("About gateway subnets") recommends, leaving room for a later ExpressRoute gateway.
 */
export const GATEWAY_SUBNET: SubnetRequest = {
  name: 'GatewaySubnet',
  prefixLength: 27,
  reason: 'the VPN gateway (GatewaySubnet, a /27 at least)',
  bicep: { variable: 'gatewaySubnet', parameter: 'gatewaySubnetPrefix', comment: 'GatewaySubnet of the point-to-site VPN gateway.' },
};

/** The jumpbox VM: one address is enough; a /28 (11 usable) leaves room for a second VM. */
export const JUMPBOX_SUBNET: SubnetRequest = {
  name: 'snet-jumpbox',
  prefixLength: 28,
  reason: 'the jumpbox VM (a /28)',
  bicep: { variable: 'jumpboxSubnet', parameter: 'jumpboxSubnetPrefix', comment: 'Subnet of the jumpbox VM, reachable only through Bastion.' },
};

/**
 * API Management injected in internal mode (stv2): two addresses per scale unit plus the internal
 * load balancer's, and more during updates; /27 is the size the API Management virtual network
 * reference recommends for room to scale (the bare minimum is /29).
 */
export const API_MANAGEMENT_SUBNET: SubnetRequest = {
  name: 'snet-apim',
  prefixLength: 27,
  reason: 'API Management in internal mode (a /27 to scale)',
  bicep: { variable: 'apiManagementSubnet', parameter: 'apiManagementSubnetPrefix', comment: 'Subnet of API Management in internal mode.' },
};

/**
 * Application Gateway v2 takes one address per instance plus its private frontend; a /26 holds the
 * autoscale maximum this generator sets with room for upgrades (Application Gateway documentation,
 * "Application Gateway infrastructure configuration", subnet size).
 */
export const APPLICATION_GATEWAY_SUBNET: SubnetRequest = {
  name: 'snet-appgw',
  prefixLength: 26,
  reason: 'Application Gateway v2 (a /26)',
  bicep: {
    variable: 'applicationGatewaySubnet',
    parameter: 'applicationGatewaySubnetPrefix',
    comment: 'Subnet of the Application Gateway, the door for internet callers.',
  },
};

/**
 * Front Door reaches the Application Gateway through a Private Link service, whose NAT addresses come
 * from a subnet of their own with private link service network policies off; a /29 holds the
 * addresses one configuration uses (Application Gateway documentation, "Private Link").
 */
export const APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET: SubnetRequest = {
  name: 'snet-appgw-private-link',
  prefixLength: 29,
  reason: "the Application Gateway's Private Link addresses (a /29)",
  bicep: {
    variable: 'applicationGatewayPrivateLinkSubnet',
    parameter: 'applicationGatewayPrivateLinkSubnetPrefix',
    comment: "Subnet of the Application Gateway's Private Link addresses, through which Front Door reaches it.",
  },
};

/**
 * Azure DNS Private Resolver: each endpoint needs its own subnet delegated to
 * Microsoft.Network/dnsResolvers, at least a /28 (Azure DNS Private Resolver documentation,
 * "Subnet restrictions").
 */
export const DNS_RESOLVER_INBOUND_SUBNET: SubnetRequest = {
  name: 'snet-dns-inbound',
  prefixLength: 28,
  reason: 'the DNS resolver inbound endpoint (a delegated /28 at least)',
  bicep: {
    variable: 'dnsResolverInboundSubnet',
    parameter: 'dnsResolverInboundSubnetPrefix',
    comment: 'Subnet of the DNS resolver inbound endpoint, the DNS server for VPN and on-premises clients.',
  },
};

export const DNS_RESOLVER_OUTBOUND_SUBNET: SubnetRequest = {
  name: 'snet-dns-outbound',
  prefixLength: 28,
  reason: 'the DNS resolver outbound endpoint (a delegated /28 at least)',
  bicep: {
    variable: 'dnsResolverOutboundSubnet',
    parameter: 'dnsResolverOutboundSubnetPrefix',
    comment: 'Subnet of the DNS resolver outbound endpoint, for forwarding rules to on-premises DNS.',
  },
};

/**
 * The Foundry Agent Service injects its containers into a subnet delegated to Microsoft.App/environments,
 * dedicated to one Foundry account: a /27 at least, a /24 recommended for production (Foundry Agent
 * Service documentation, "virtual networks"). It must lie in 172.16.0.0/12 or 192.168.0.0/16, the blocks
 * every region accepts; it is the workload VNet's second address prefix, so the workload's own range stays free.
 */
export const AGENT_SUBNET: SubnetRequest = {
  name: 'snet-agents',
  prefixLength: 27,
  reason: 'the Foundry Agent Service (a delegated /27 at least, /24 recommended)',
  bicep: {
    variable: 'agentSubnet',
    parameter: 'agentSubnetPrefix',
    comment:
      'Subnet the Foundry Agent Service injects its containers into, added to the VNet as a second address prefix; inside 172.16.0.0/12 or 192.168.0.0/16.',
  },
};

/** The blocks an agent subnet may lie in. */
export const AGENT_SUBNET_BLOCKS: readonly Cidr[] = [parseCidr('172.16.0.0/12') as Cidr, parseCidr('192.168.0.0/16') as Cidr];

/**
 * Gives each environment its own VNet: the first takes `addressSpace`, the next ones the blocks of
 * the same size that follow, so that environments never overlap when they later share a hub.
 * Returns the plan, or a message (about `addressSpace`) that says what is wrong and what would be valid.
 */
export function planEnvironmentNetworks(
  addressSpace: string,
  environments: readonly string[],
  subnets: readonly SubnetRequest[],
): EnvironmentNetwork[] | { error: string } {
  const parsed = parseCidr(addressSpace);
  if ('error' in parsed) return { error: parsed.error };
  if (!isPrivate(parsed)) {
    return { error: 'is not a private range; use one inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16' };
  }
  const needed = smallestPrefixHolding(subnets);
  if (parsed.prefixLength > needed) {
    const list = subnets.map((subnet) => `/${subnet.prefixLength} for ${subnet.reason}`).join(', ');
    return { error: `is too small: the subnets need at least a /${needed} (${list})` };
  }
  const plans: EnvironmentNetwork[] = [];
  for (const [index, environment] of environments.entries()) {
    const vnet = nextBlock(parsed, index);
    if (!isPrivate(vnet)) {
      return {
        error: `leaves no private room for environment ${environment}: ${environments.length} environments need ${environments.length} consecutive /${parsed.prefixLength} blocks inside one private range, and block ${index + 1} would be ${formatCidr(vnet.address, vnet.prefixLength)}; choose a start with room for all of them`,
      };
    }
    plans.push({ environment, vnetAddressPrefix: formatCidr(vnet.address, vnet.prefixLength), subnets: allocate(vnet, subnets) });
  }
  return plans;
}

/** The longest prefix (smallest block) that still holds every requested subnet. */
function smallestPrefixHolding(subnets: readonly SubnetRequest[]): number {
  const total = subnets.reduce((sum, subnet) => sum + blockSize(subnet.prefixLength), 0);
  return 32 - Math.ceil(Math.log2(Math.max(total, 1)));
}

/** Largest blocks first, each at the next aligned address: no gaps beyond alignment, no overlaps. */
function allocate(vnet: Cidr, subnets: readonly SubnetRequest[]): AllocatedSubnet[] {
  const bySize = [...subnets].sort((a, b) => a.prefixLength - b.prefixLength || compareOrdinal(a.name, b.name));
  let cursor = vnet.address;
  return bySize.map((subnet) => {
    const range: Cidr = { address: cursor, prefixLength: subnet.prefixLength };
    if (!contains(vnet, range)) throw new Error(`internal: ${subnet.name} does not fit the checked VNet`);
    cursor += blockSize(subnet.prefixLength);
    return { name: subnet.name, addressPrefix: formatCidr(range.address, range.prefixLength), request: subnet };
  });
}

/**
 * Every VNet of every environment must have a range of its own: hubs and spokes are peered, and
 * later environments may share a hub or on-premises routes. Returns the first overlap found, with
 * the first of the two ranges (so the caller can name the answer to change).
 */
export function findOverlap<T extends { readonly label: string; readonly prefix: string }>(networks: readonly T[]): { text: string; first: T } | undefined {
  const parsed = networks.map((network) => ({ network, range: parseCidr(network.prefix) as Cidr }));
  for (const [index, a] of parsed.entries()) {
    for (const b of parsed.slice(index + 1)) {
      if (overlaps(a.range, b.range))
        return { text: `${a.network.label} (${a.network.prefix}) overlaps ${b.network.label} (${b.network.prefix})`, first: a.network };
    }
  }
  return undefined;
}
