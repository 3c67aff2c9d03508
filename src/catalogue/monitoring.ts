import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** Log Analytics: every resource sends its diagnostic settings here (SEC-11). */
export const monitoring: Component = {
  id: 'monitoring',
  symbol: 'logAnalytics',
  applies: () => true,
  modules: () => [MODULES.logAnalytics],
  // log-analytics.bicep keeps publicNetworkAccessForIngestion and ForQuery Enabled until an Azure Monitor Private Link
  // Scope exists; test/unit/docs-truth.test.ts holds this to the rendered module.
  publicEndpoint: () => "the Log Analytics workspace's ingestion and query endpoints (every call needs Microsoft Entra ID)",
};
