import { fromTemplate, type Generator } from './types.js';

/**
 * The AI platform: Foundry (project- or hub-based), the AI accounts and their model deployments, AI
 * Search, Azure Machine Learning and the agents' stores, as `platform` in the view model decides.
 */
export const foundry: Generator = {
  id: 'ai-platform',
  when: () => true,
  files: ({ platform, apiManagement }) => [
    ...(platform.foundryProject ? [fromTemplate('infra/modules/ai/foundry-account.bicep.hbs')] : []),
    ...(platform.aiServicesAccount || platform.openAiAccount ? [fromTemplate('infra/modules/ai/ai-services-account.bicep')] : []),
    ...(platform.modelHost ? [fromTemplate('infra/modules/ai/model-deployments.bicep')] : []),
    // The AI gateway's and AI Search's identities call the account's models.
    ...(platform.account && (apiManagement || platform.search) ? [fromTemplate('infra/modules/ai/account-role-assignment.bicep')] : []),
    ...(platform.foundryHub ? [fromTemplate('infra/modules/ai/foundry-hub.bicep')] : []),
    ...(platform.machineLearning ? [fromTemplate('infra/modules/ai/machine-learning-workspace.bicep')] : []),
    ...(platform.containerRegistry ? [fromTemplate('infra/modules/data/container-registry.bicep')] : []),
    ...(platform.search ? [fromTemplate('infra/modules/ai/search-service.bicep'), fromTemplate('infra/modules/data/storage-role-assignment.bicep')] : []),
    ...(platform.agents ? [fromTemplate('infra/modules/data/cosmos-db.bicep'), fromTemplate('infra/modules/ai/foundry-agents.bicep')] : []),
  ],
};
