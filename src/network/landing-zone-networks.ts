import type { Answers } from '../answers/schema.js';
import {
  AGENT_SUBNET,
  AGENT_SUBNET_BLOCKS,
  API_MANAGEMENT_SUBNET,
  DNS_RESOLVER_INBOUND_SUBNET,
  DNS_RESOLVER_OUTBOUND_SUBNET,
  type EnvironmentNetwork,
  findOverlap,
  planEnvironmentNetworks,
} from './address-plan.js';
import { blockSize, type Cidr, contains, formatCidr, isPrivate, nextBlock, parseCidr } from './cidr.js';
import { isProductionEnvironment } from '../answers/naming.js';
import { hubSubnetsFor, type SubnetAnswers, workloadSubnetsFor } from './subnets.js';

/**
 * Azure DNS Private Resolver cannot use subnets in 10.0.1.0–10.0.16.255 (Azure DNS Private Resolver
 * documentation, "Subnet restrictions"). As one range: 3,840 addresses from 10.0.1.0.
 */
const DNS_RESOLVER_RESERVED = { start: ((10 * 256 + 0) * 256 + 1) * 256, end: ((10 * 256 + 0) * 256 + 16) * 256 + 255 };

function touchesReserved(subnet: Cidr, reserved: typeof DNS_RESOLVER_RESERVED): boolean {
  return subnet.address <= reserved.end && subnet.address + blockSize(subnet.prefixLength) - 1 >= reserved.start;
}

export interface EnvironmentNetworks {
  readonly environment: string;
  /** The workload VNet: the spoke in hub-spoke. */
  readonly workload: EnvironmentNetwork;
  readonly hub?: EnvironmentNetwork;
  /** The addresses VPN clients get, with point-to-site VPN. */
  readonly vpnClientAddressPool?: string;
  /** The Foundry Agent Service's subnet, the workload VNet's second address prefix, with agents. */
  readonly agentSubnetPrefix?: string;
  /** NET-14: the networks of API Management's further regions, in production. */
  readonly apiManagementRegions?: readonly RegionalNetwork[];
}

export interface RegionalNetwork {
  readonly location: string;
  /** The VNet's range, which its one subnet (snet-apim) fills. */
  readonly vnetAddressPrefix: string;
}

export type NetworkAnswers = SubnetAnswers &
  Pick<Answers, 'addressSpace' | 'hubAddressSpace' | 'environments'> & {
    readonly vpnClientAddressPool?: string | undefined;
    readonly apimRegions?: readonly string[] | undefined;
    readonly agents?: boolean | undefined;
    readonly agentAddressSpace?: string | undefined;
  };

export interface NetworkProblem {
  readonly key: 'addressSpace' | 'hubAddressSpace' | 'vpnClientAddressPool' | 'agentAddressSpace';
  readonly message: string;
}

/**
 * Every VNet of every environment: the workload VNets from `addressSpace`, in hub-spoke the hubs
 * from `hubAddressSpace`, and with a VPN the client pools from `vpnClientAddressPool`, each
 * environment taking the next block; no two of them may overlap.
 */
export function planNetworks(answers: NetworkAnswers): EnvironmentNetworks[] | NetworkProblem {
  const workloads = planEnvironmentNetworks(answers.addressSpace, answers.environments, workloadSubnetsFor(answers));
  if ('error' in workloads) return { key: 'addressSpace', message: workloads.error };
  const hubs =
    answers.topology === 'hub-spoke' && answers.hubAddressSpace !== undefined
      ? planEnvironmentNetworks(answers.hubAddressSpace, answers.environments, hubSubnetsFor(answers))
      : [];
  if ('error' in hubs) return { key: 'hubAddressSpace', message: hubs.error };
  const pools =
    answers.vpn === 'p2s' && answers.vpnClientAddressPool !== undefined ? planEnvironmentNetworks(answers.vpnClientAddressPool, answers.environments, []) : [];
  if ('error' in pools) return { key: 'vpnClientAddressPool', message: pools.error };

  const agentSubnets = answers.agents && answers.agentAddressSpace !== undefined ? planAgentSubnets(answers.agentAddressSpace, answers.environments) : [];
  if ('error' in agentSubnets) return { key: 'agentAddressSpace', message: agentSubnets.error };

  const regional = regionalGatewayNetworks(answers);
  if ('error' in regional) return { key: 'addressSpace', message: regional.error };

  const ranges = [
    // The first range of an overlapping pair names the answer to change: the agent subnet, the pool, then the hub, before the workload.
    ...agentSubnets.map((agent) => ({ key: 'agentAddressSpace' as const, label: `the agent subnet of ${agent.environment}`, prefix: agent.vnetAddressPrefix })),
    ...pools.map((pool) => ({ key: 'vpnClientAddressPool' as const, label: `the VPN client pool of ${pool.environment}`, prefix: pool.vnetAddressPrefix })),
    ...hubs.map((hub) => ({ key: 'hubAddressSpace' as const, label: `the hub of ${hub.environment}`, prefix: hub.vnetAddressPrefix })),
    ...workloads.map((workload) => ({
      key: 'addressSpace' as const,
      label: `the workload VNet of ${workload.environment}`,
      prefix: workload.vnetAddressPrefix,
    })),
    ...[...regional].flatMap(([environment, networks]) =>
      networks.map((network) => ({
        key: 'addressSpace' as const,
        label: `API Management's network of ${environment} in ${network.location}`,
        prefix: network.vnetAddressPrefix,
      })),
    ),
  ];
  const overlap = findOverlap(ranges);
  if (overlap) return { key: overlap.first.key, message: `makes ${overlap.text}; choose ranges that do not overlap` };

  const reserved = [...hubs, ...workloads]
    .flatMap((network) => network.subnets)
    .find((subnet) => RESOLVER_SUBNETS.has(subnet.name) && touchesReserved(parseCidr(subnet.addressPrefix) as Cidr, DNS_RESOLVER_RESERVED));
  if (reserved) {
    return {
      key: hubs.length > 0 ? 'hubAddressSpace' : 'addressSpace',
      message: `puts the DNS resolver subnet ${reserved.name} (${reserved.addressPrefix}) in 10.0.1.0–10.0.16.255, which Azure DNS Private Resolver reserves; choose a range outside it`,
    };
  }
  return workloads.map((workload, index) => ({
    environment: workload.environment,
    workload,
    ...(hubs[index] && { hub: hubs[index] }),
    ...(pools[index] && { vpnClientAddressPool: pools[index].vnetAddressPrefix }),
    ...(agentSubnets[index] && { agentSubnetPrefix: agentSubnets[index].vnetAddressPrefix }),
    ...(regional.has(workload.environment) && { apiManagementRegions: regional.get(workload.environment) }),
  }));
}

/** One agent subnet per environment: the first is `agentAddressSpace`, the next ones the blocks of its size that follow. */
function planAgentSubnets(addressSpace: string, environments: readonly string[]): EnvironmentNetwork[] | { error: string } {
  const blocks = planEnvironmentNetworks(addressSpace, environments, []);
  if ('error' in blocks) return blocks;
  const size = (parseCidr(addressSpace) as Cidr).prefixLength;
  if (size > AGENT_SUBNET.prefixLength)
    return { error: `is too small: ${AGENT_SUBNET.reason} needs a /${AGENT_SUBNET.prefixLength} or larger, e.g. 192.168.0.0/24` };
  const outside = blocks.find((block) => !AGENT_SUBNET_BLOCKS.some((allowed) => contains(allowed, parseCidr(block.vnetAddressPrefix) as Cidr)));
  if (outside) {
    const which = outside === blocks[0] ? '' : ` (the agent subnet of ${outside.environment} would be ${outside.vnetAddressPrefix})`;
    return { error: `lies outside 172.16.0.0/12 and 192.168.0.0/16${which}: the Foundry Agent Service accepts its subnet only there; use e.g. 192.168.0.0/24` };
  }
  return blocks;
}

const RESOLVER_SUBNETS = new Set([DNS_RESOLVER_INBOUND_SUBNET.name, DNS_RESOLVER_OUTBOUND_SUBNET.name]);

/**
 * NET-14: each further region of API Management (production environments only, where it is Premium)
 * needs a VNet of its own in that region, holding just the gateway's subnet. They take the blocks that
 * follow the environments' workload VNets in the workload address space's sequence.
 */
function regionalGatewayNetworks(answers: NetworkAnswers): Map<string, RegionalNetwork[]> | { error: string } {
  const regions = answers.gateway === 'none' ? [] : (answers.apimRegions ?? []);
  const networks = new Map<string, RegionalNetwork[]>();
  const space = parseCidr(answers.addressSpace);
  if (regions.length === 0 || 'error' in space) return networks;
  let next = nextBlock(space, answers.environments.length).address;
  for (const environment of answers.environments.filter(isProductionEnvironment)) {
    const planned: RegionalNetwork[] = [];
    for (const location of regions) {
      const range: Cidr = { address: next, prefixLength: API_MANAGEMENT_SUBNET.prefixLength };
      if (!isPrivate(range)) {
        return {
          error: `leaves no private room for API Management's network of ${environment} in ${location}, which would be ${formatCidr(range.address, range.prefixLength)} (after the environments' blocks); choose a start with room for it`,
        };
      }
      planned.push({ location, vnetAddressPrefix: formatCidr(range.address, range.prefixLength) });
      next += blockSize(range.prefixLength);
    }
    networks.set(environment, planned);
  }
  return networks;
}
