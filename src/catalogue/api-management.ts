import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';
import { API_MANAGEMENT_OUTBOUND } from './outbound.js';

/**
 * NET-08, SEC-05: API Management in internal mode, the one door to the models; its DNS records; with
 * NET-14, its further regions, each in a small VNet peered with the workload's.
 */
export const apiManagement: Component = {
  id: 'api-management',
  symbol: 'apiManagement',
  applies: (shape) => shape.apiManagement,
  providers: ['Microsoft.ApiManagement', 'Microsoft.Network'],
  modules: (shape) => [
    MODULES.apiManagement,
    MODULES.apiManagementModelPolicy,
    MODULES.apiManagementServicePolicy,
    MODULES.apiManagementDns,
    // Its identity calls the models of the AI account.
    MODULES.accountRoleAssignment,
    ...(shape.apiManagementRegions ? [MODULES.virtualNetwork, MODULES.peering] : []),
  ],
  provisioning: [
    {
      type: 'microsoft.apimanagement/service',
      minutes: 40,
      source: 'API Management documentation: creating a service in a virtual network takes 30 to 40 minutes',
    },
  ],
  // api-management.bicep's Application Insights takes telemetry and answers queries publicly, with Entra ID only
  // (DisableLocalAuth); it is linked to the Azure Monitor Private Link Scope, whose PrivateOnly modes govern only the
  // network's own calls. test/unit/docs-truth.test.ts holds this to the module.
  publicEndpoint: () => "the gateway's Application Insights ingestion and query endpoints (every call needs Microsoft Entra ID)",
  outbound: () => API_MANAGEMENT_OUTBOUND,
  hourlyCost: (shape) => `API Management (Developer outside production, Premium in it${shape.apiManagementRegions ? ', in every further region too' : ''})`,
};
