import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/**
 * NET-01, NET-02: the Azure Monitor Private Link Scope, through which the network sends logs to Log Analytics (and the
 * gateway's Application Insights) and queries them, and reaches no Azure Monitor resource outside it.
 */
export const monitorPrivateLinkScope: Component = {
  id: 'monitor-private-link-scope',
  symbol: 'monitorPrivateLinkScope',
  applies: (shape) => shape.monitorPrivateLink,
  modules: () => [MODULES.monitorPrivateLinkScope],
  lockedDown: { file: 'monitorPrivateLinkScope', resources: ['privateLinkScope'] },
  privateEndpoints: [
    {
      symbol: 'monitorPrivateLinkScope',
      name: 'monitor-private-link-scope',
      groupId: 'azuremonitor',
      zones: [ZONES.monitor, ZONES.logAnalyticsQuery, ZONES.logAnalyticsIngestion, ZONES.monitorAgents, ZONES.blob],
    },
  ],
};
