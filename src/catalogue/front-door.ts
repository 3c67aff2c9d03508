import { APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-09: Front Door Premium with a WAF, reaching the Application Gateway only over Private Link. */
export const frontDoor: Component = {
  id: 'front-door',
  symbol: 'frontDoor',
  applies: (shape) => shape.frontDoor,
  providers: ['Microsoft.Cdn', 'Microsoft.Network'],
  // The Private Link addresses through which Front Door reaches the Application Gateway.
  subnets: () => [{ request: APPLICATION_GATEWAY_PRIVATE_LINK_SUBNET, placement: 'workload' }],
  modules: () => [MODULES.frontDoor],
  provisioning: [{ type: 'microsoft.cdn/profiles/afdendpoints/routes', minutes: 5, source: 'estimate: Front Door applies routes to its edge in minutes' }],
  publicEndpoint: () => "Front Door's endpoint, behind its WAF (HTTPS 443)",
  hourlyCost: () => 'Front Door Premium',
};
