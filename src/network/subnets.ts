import type { Answers } from '../answers/schema.js';
import { DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET, PRIVATE_ENDPOINT_SUBNET, type SubnetRequest } from './address-plan.js';

/**
 * The subnets of the workload VNet (the spoke, in hub-spoke) for the chosen options. Every option
 * that brings a subnet (Bastion, API Management, Application Gateway, agents) adds its request here.
 */
export function workloadSubnetsFor(_answers: Pick<Answers, 'topology'>): SubnetRequest[] {
  return [PRIVATE_ENDPOINT_SUBNET];
}

/** The subnets of the hub VNet: connectivity shared by the workload (NET-04, NET-10). */
export function hubSubnetsFor(_answers: Pick<Answers, 'topology'>): SubnetRequest[] {
  return [DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET];
}
