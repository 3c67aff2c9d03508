import type { Answers } from '../answers/schema.js';
import { PRIVATE_ENDPOINT_SUBNET, type SubnetRequest } from './address-plan.js';

/**
 * The subnets a workload VNet needs for the chosen options. Every option that brings a subnet
 * (Bastion, API Management, Application Gateway, agents, VPN and firewall) adds its request here.
 */
export function subnetsFor(_answers: Pick<Answers, 'topology'>): SubnetRequest[] {
  return [PRIVATE_ENDPOINT_SUBNET];
}
