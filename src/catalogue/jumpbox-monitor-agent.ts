import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/**
 * SEC-11: the Azure Monitor agent on the jumpbox, its data collection rule (Windows security and system events, basic
 * performance counters) and the data collection endpoint it reads its configuration from. The endpoint joins this
 * landing zone's Azure Monitor Private Link Scope where there is one; with an existing hub, the platform team's scope
 * must take it (README).
 */
export const jumpboxMonitorAgent: Component = {
  id: 'jumpbox-monitor-agent',
  symbol: 'jumpboxMonitorAgent',
  applies: (shape) => shape.jumpbox,
  providers: ['Microsoft.Compute', 'Microsoft.Insights'],
  modules: () => [MODULES.jumpboxMonitorAgent],
};
