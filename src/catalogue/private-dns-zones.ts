import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-03, NET-04: the private DNS zones of the endpoints, unless the platform team's hub keeps them. */
export const privateDnsZones: Component = {
  id: 'private-dns-zones',
  symbol: 'privateDnsZones',
  applies: (shape) => !shape.existingHub,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.privateDnsZones],
};
