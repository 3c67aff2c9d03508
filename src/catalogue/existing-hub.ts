import { type Component, module } from './component.js';

/** NET-10: the platform team's hub: peering both ways, its DNS servers, its firewall and its central zones. */
export const existingHub: Component = {
  id: 'existing-hub',
  applies: (shape) => shape.existingHub,
  modules: () => [module('network/virtual-network-peering.bicep')],
};
