import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-09: Front Door Premium with a WAF, reaching the Application Gateway only over Private Link. */
export const frontDoor: Component = {
  id: 'front-door',
  symbol: 'frontDoor',
  applies: (shape) => shape.frontDoor,
  modules: () => [MODULES.frontDoor],
  provisioning: [{ type: 'microsoft.cdn/profiles/afdendpoints/routes', minutes: 5, source: 'estimate: Front Door applies routes to its edge in minutes' }],
  hourlyCost: () => 'Front Door Premium',
};
