import type { Answers } from '../answers/schema.js';
import { DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET, type EnvironmentNetwork, findOverlap, planEnvironmentNetworks } from './address-plan.js';
import { blockSize, type Cidr, parseCidr } from './cidr.js';
import { hubSubnetsFor, workloadSubnetsFor } from './subnets.js';

/**
 * Azure DNS Private Resolver cannot use subnets in 10.0.1.0–10.0.16.255 (Azure DNS Private Resolver
 * documentation, "Subnet restrictions"). As one range: 3,840 addresses from 10.0.1.0.
 */
const DNS_RESOLVER_RESERVED = { start: ((10 * 256 + 0) * 256 + 1) * 256, end: ((10 * 256 + 0) * 256 + 16) * 256 + 255 };

function overlaps(subnet: Cidr, reserved: typeof DNS_RESOLVER_RESERVED): boolean {
  return subnet.address <= reserved.end && subnet.address + blockSize(subnet.prefixLength) - 1 >= reserved.start;
}

export interface EnvironmentNetworks {
  readonly environment: string;
  /** The workload VNet: the spoke in hub-spoke. */
  readonly workload: EnvironmentNetwork;
  readonly hub?: EnvironmentNetwork;
}

export type NetworkAnswers = Pick<Answers, 'topology' | 'addressSpace' | 'hubAddressSpace' | 'environments'> & { readonly firewall?: boolean | undefined };

export interface NetworkProblem {
  readonly key: 'addressSpace' | 'hubAddressSpace';
  readonly message: string;
}

/**
 * Every VNet of every environment: the workload VNets from `addressSpace`, and in hub-spoke the hubs
 * from `hubAddressSpace`, each environment taking the next block; no two of them may overlap.
 */
export function planNetworks(answers: NetworkAnswers): EnvironmentNetworks[] | NetworkProblem {
  const workloads = planEnvironmentNetworks(answers.addressSpace, answers.environments, workloadSubnetsFor(answers));
  if ('error' in workloads) return { key: 'addressSpace', message: workloads.error };
  if (answers.topology !== 'hub-spoke' || answers.hubAddressSpace === undefined) {
    return workloads.map((workload) => ({ environment: workload.environment, workload }));
  }
  const hubs = planEnvironmentNetworks(answers.hubAddressSpace, answers.environments, hubSubnetsFor(answers));
  if ('error' in hubs) return { key: 'hubAddressSpace', message: hubs.error };
  const overlap = findOverlap([
    ...hubs.map((hub) => ({ label: `the hub of ${hub.environment}`, prefix: hub.vnetAddressPrefix })),
    ...workloads.map((workload) => ({ label: `the workload VNet of ${workload.environment}`, prefix: workload.vnetAddressPrefix })),
  ]);
  if (overlap) return { key: 'hubAddressSpace', message: `makes ${overlap}; choose ranges that do not overlap` };
  const resolverSubnets = new Set([DNS_RESOLVER_INBOUND_SUBNET.name, DNS_RESOLVER_OUTBOUND_SUBNET.name]);
  const reserved = hubs
    .flatMap((hub) => hub.subnets)
    .find((subnet) => resolverSubnets.has(subnet.name) && overlaps(parseCidr(subnet.addressPrefix) as Cidr, DNS_RESOLVER_RESERVED));
  if (reserved) {
    return { key: 'hubAddressSpace', message: `puts the DNS resolver subnet ${reserved.name} (${reserved.addressPrefix}) in 10.0.1.0–10.0.16.255, which Azure DNS Private Resolver reserves; choose a hub range outside it` };
  }
  return workloads.map((workload, index) => ({ environment: workload.environment, workload, hub: hubs[index] }));
}
