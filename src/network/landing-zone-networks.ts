import type { Answers } from '../answers/schema.js';
import { DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET, type EnvironmentNetwork, findOverlap, planEnvironmentNetworks } from './address-plan.js';
import { blockSize, type Cidr, parseCidr } from './cidr.js';
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
}

export type NetworkAnswers = SubnetAnswers & Pick<Answers, 'addressSpace' | 'hubAddressSpace' | 'environments'> & { readonly vpnClientAddressPool?: string | undefined };

export interface NetworkProblem {
  readonly key: 'addressSpace' | 'hubAddressSpace' | 'vpnClientAddressPool';
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
  const hubs = answers.topology === 'hub-spoke' && answers.hubAddressSpace !== undefined
    ? planEnvironmentNetworks(answers.hubAddressSpace, answers.environments, hubSubnetsFor(answers))
    : [];
  if ('error' in hubs) return { key: 'hubAddressSpace', message: hubs.error };
  const pools = answers.vpn === 'p2s' && answers.vpnClientAddressPool !== undefined
    ? planEnvironmentNetworks(answers.vpnClientAddressPool, answers.environments, [])
    : [];
  if ('error' in pools) return { key: 'vpnClientAddressPool', message: pools.error };

  const ranges = [
    // The first range of an overlapping pair names the answer to change: the pool, then the hub, before the workload.
    ...pools.map((pool) => ({ key: 'vpnClientAddressPool' as const, label: `the VPN client pool of ${pool.environment}`, prefix: pool.vnetAddressPrefix })),
    ...hubs.map((hub) => ({ key: 'hubAddressSpace' as const, label: `the hub of ${hub.environment}`, prefix: hub.vnetAddressPrefix })),
    ...workloads.map((workload) => ({ key: 'addressSpace' as const, label: `the workload VNet of ${workload.environment}`, prefix: workload.vnetAddressPrefix })),
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
  }));
}

const RESOLVER_SUBNETS = new Set([DNS_RESOLVER_INBOUND_SUBNET.name, DNS_RESOLVER_OUTBOUND_SUBNET.name]);
