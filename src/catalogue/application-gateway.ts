import { APPLICATION_GATEWAY_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-09: Application Gateway WAF v2, the internet's door to API Management, or Front Door's private origin. */
export const applicationGateway: Component = {
  id: 'application-gateway',
  symbol: 'applicationGateway',
  applies: (shape) => shape.edgeGateway,
  providers: ['Microsoft.Network', 'Microsoft.ManagedIdentity', 'Microsoft.KeyVault'],
  subnets: () => [{ request: APPLICATION_GATEWAY_SUBNET, placement: 'workload' }],
  modules: (shape) => [
    MODULES.userAssignedIdentity,
    shape.certificateVaultAccessPolicies ? MODULES.keyVaultSecretAccessPolicy : MODULES.keyVaultSecretAccess,
    MODULES.applicationGateway,
  ],
  provisioning: [
    {
      type: 'microsoft.network/applicationgateways',
      minutes: 8,
      source: 'Application Gateway quickstart: creating the gateway takes several minutes (typically 5 to 10)',
    },
  ],
  // Behind Front Door it has no public listener: Front Door reaches it over Private Link.
  publicEndpoint: (shape) => (shape.frontDoor ? undefined : "the Application Gateway's public IP, behind its WAF (HTTPS 443; HTTP 80 only redirects)"),
  hourlyCost: () => 'the Application Gateway (WAF_v2)',
};
