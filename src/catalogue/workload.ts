import { PRIVATE_ENDPOINT_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { WORKLOAD_OUTBOUND } from './outbound.js';

/** The workload's resource group, the parameters every landing zone has, and the private endpoint subnet's rules. */
export const workload: Component = {
  id: 'workload',
  applies: () => true,
  subnets: () => [{ request: PRIVATE_ENDPOINT_SUBNET, placement: 'workload' }],
  outbound: () => WORKLOAD_OUTBOUND,
};
