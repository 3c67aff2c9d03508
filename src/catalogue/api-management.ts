import { type Component, module } from './component.js';

/**
 * NET-08, SEC-05: API Management in internal mode, the one door to the models; its DNS records; with
 * NET-14, its further regions, each in a small VNet peered with the workload's.
 */
export const apiManagement: Component = {
  id: 'api-management',
  symbol: 'apiManagement',
  applies: (shape) => shape.apiManagement,
  modules: (shape) => [
    module('gateway/api-management.bicep'),
    module('gateway/policies/model-api.xml'),
    module('gateway/policies/service.xml'),
    module(shape.existingHub ? 'gateway/api-management-dns-records.bicep' : 'gateway/api-management-dns.bicep'),
    // Its identity calls the models of the AI account.
    module('ai/account-role-assignment.bicep'),
    ...(shape.apiManagementRegions ? [module('network/virtual-network.bicep'), module('network/virtual-network-peering.bicep')] : []),
  ],
  provisioning: [{ type: 'microsoft.apimanagement/service', minutes: 40, source: 'API Management documentation: creating a service in a virtual network takes 30 to 40 minutes' }],
  hourlyCost: (shape) => `API Management (Developer outside production, Premium in it${shape.apiManagementRegions ? ', in every further region too' : ''})`,
};
