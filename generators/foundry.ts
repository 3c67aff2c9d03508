import { fromTemplate, type Generator } from './types.js';

/** Project-based Foundry: AI Services account, project and model deployments (FDY-06). */
export const foundry: Generator = {
  id: 'foundry',
  when: (answers) => answers.foundry === 'project',
  files: () => [fromTemplate('infra/modules/ai/foundry-account.bicep')],
};
