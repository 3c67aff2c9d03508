import type { Answers } from '../answers/schema.js';
import {
  AZURE_FIREWALL_SUBNET, DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET, PRIVATE_ENDPOINT_SUBNET, type SubnetRequest,
} from './address-plan.js';

type SubnetAnswers = Pick<Answers, 'topology'> & { readonly firewall?: boolean | undefined };

/**
 * The subnets of the workload VNet (the spoke, in hub-spoke) for the chosen options. Every option
 * that brings a subnet (Bastion, API Management, Application Gateway, agents) adds its request here.
 * In a single VNet the firewall sits beside the workload (NET-07).
 */
export function workloadSubnetsFor(answers: SubnetAnswers): SubnetRequest[] {
  return [PRIVATE_ENDPOINT_SUBNET, ...(answers.firewall && answers.topology !== 'hub-spoke' ? [AZURE_FIREWALL_SUBNET] : [])];
}

/** The subnets of the hub VNet: connectivity shared by the workload (NET-04, NET-07, NET-10). */
export function hubSubnetsFor(answers: SubnetAnswers): SubnetRequest[] {
  return [...(answers.firewall ? [AZURE_FIREWALL_SUBNET] : []), DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET];
}
