import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-10: hub-spoke's hub, a resource group and VNet of its own per environment for the shared connectivity. */
export const hub: Component = {
  id: 'hub',
  symbol: 'hubVirtualNetwork',
  applies: (shape) => shape.hubSpoke,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.virtualNetwork],
};
