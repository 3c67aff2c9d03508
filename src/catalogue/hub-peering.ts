import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-10: hub-spoke's peerings, both ways, after everything that changes the hub VNet. */
export const hubPeering: Component = {
  id: 'hub-peering',
  applies: (shape) => shape.hubSpoke,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.peering],
};
