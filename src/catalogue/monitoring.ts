import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** Log Analytics: every resource sends its diagnostic settings here (SEC-11). */
export const monitoring: Component = {
  id: 'monitoring',
  symbol: 'logAnalytics',
  applies: () => true,
  // Microsoft.Insights: every resource's diagnostic settings.
  providers: ['Microsoft.OperationalInsights', 'Microsoft.Insights'],
  modules: () => [MODULES.logAnalytics],
  // What stays public follows the Azure Monitor Private Link Scope (monitor-private-link-scope.ts): without it (an existing
  // hub) both endpoints; with it, queries where nobody could reach the scope's endpoint (no jumpbox, no VPN).
  // test/unit/docs-truth.test.ts holds this to the arguments main.bicep passes to log-analytics.bicep.
  publicEndpoint: (shape) =>
    !shape.monitorPrivateLink
      ? "the Log Analytics workspace's ingestion and query endpoints (every call needs Microsoft Entra ID)"
      : !shape.privateLogQueries
        ? "the Log Analytics workspace's query endpoint (every query needs Microsoft Entra ID)"
        : undefined,
};
