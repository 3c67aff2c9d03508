import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-10: the platform team's hub: peering both ways, its DNS servers, its firewall and its central zones. */
export const existingHub: Component = {
  id: 'existing-hub',
  applies: (shape) => shape.existingHub,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.peering],
};
