import { fromTemplate, type Generator } from './types.js';

/** Log Analytics: every resource sends its diagnostic settings here (SEC-11). */
export const monitoring: Generator = {
  id: 'monitoring',
  when: () => true,
  files: () => [fromTemplate('infra/modules/monitoring/log-analytics.bicep')],
};
