import { type Component, module } from './component.js';

/** The workload VNet (the spoke, unless everything shares one VNet) with an NSG on every subnet (NET-02, NET-12). */
export const virtualNetwork: Component = {
  id: 'virtual-network',
  symbol: 'virtualNetwork',
  applies: () => true,
  modules: () => [module('network/virtual-network.bicep')],
};
