import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-07: the route table that sends the workload's egress to a firewall, this landing zone's or the existing hub's. */
export const egress: Component = {
  id: 'egress',
  symbol: 'routeTable',
  applies: (shape) => shape.egressThroughFirewall,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.routeTable],
};
