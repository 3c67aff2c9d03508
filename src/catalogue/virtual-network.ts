import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** The workload VNet (the spoke, unless everything shares one VNet) with an NSG on every subnet (NET-02, NET-12). */
export const virtualNetwork: Component = {
  id: 'virtual-network',
  symbol: 'virtualNetwork',
  applies: () => true,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.virtualNetwork],
};
