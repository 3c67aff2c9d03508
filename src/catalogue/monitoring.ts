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
};
