import { API_MANAGEMENT_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';

/** NET-08: the subnet API Management is injected into, with the NSG rules internal mode needs (a part of its own for its size). */
export const apiManagementSubnet: Component = {
  id: 'api-management-subnet',
  applies: (shape) => shape.apiManagement,
  subnets: () => [{ request: API_MANAGEMENT_SUBNET, placement: 'workload' }],
};
