import { type Component, module } from './component.js';

/** Log Analytics: every resource sends its diagnostic settings here (SEC-11). */
export const monitoring: Component = {
  id: 'monitoring',
  symbol: 'logAnalytics',
  applies: () => true,
  modules: () => [module('monitoring/log-analytics.bicep')],
};
