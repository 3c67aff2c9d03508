import { type Component, module } from './component.js';

/** NET-10: hub-spoke's peerings, both ways, after everything that changes the hub VNet. */
export const hubPeering: Component = {
  id: 'hub-peering',
  applies: (shape) => shape.hubSpoke,
  modules: () => [module('network/virtual-network-peering.bicep')],
};
