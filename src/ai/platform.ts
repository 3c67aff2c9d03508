import type { Answers } from '../answers/schema.js';

/**
 * The AI resources a set of answers deploys. The answers name capabilities (Foundry, models, search,
 * machine learning, agents); this decides which Azure resources provide them, so that no capability
 * gets a second resource when one already in the landing zone provides it:
 * - model deployments live on the AI Services account there is one of (the Foundry account, the hub's
 *   account, or the multi-service account), and only without one on an Azure OpenAI account;
 * - `aiservices` is what the Foundry account and the hub's account already are, so it adds an account
 *   only without Foundry;
 * - agents bring the stores of the standard agent setup: Cosmos DB, Storage and AI Search.
 */
export interface AiPlatform {
  /** Project-based Foundry: an AI Services account with projects (FDY-06). */
  readonly foundryProject: boolean;
  /** Hub-based Foundry: an Azure Machine Learning hub and project with a managed network (FDY-02..05). */
  readonly foundryHub: boolean;
  /** A multi-service AI Services account outside project-based Foundry: the hub's connection, or the `aiservices` choice. */
  readonly aiServicesAccount: boolean;
  /** An Azure OpenAI account: model deployments wanted and no AI Services account to hold them. */
  readonly openAiAccount: boolean;
  /** The Bicep module whose account holds the model deployments; undefined without the `openai` choice. */
  readonly modelHost?: AccountModule;
  /** The AI account (the models' one, else the AI Services one) and its name in prose; the AI gateway fronts it. */
  readonly account?: AccountModule;
  readonly accountLabel?: string;
  readonly search: boolean;
  readonly machineLearning: boolean;
  /** The images of a hub or a Machine Learning workspace. */
  readonly containerRegistry: boolean;
  /** Foundry Agent Service injected into the agent subnet, with its thread store. */
  readonly agents: boolean;
  readonly cosmosDb: boolean;
}

/** The Bicep symbols of the modules that create a Cognitive Services account. */
export type AccountModule = 'foundry' | 'aiServices' | 'openAi';

/** How the generated comments and descriptions name each account. */
export const ACCOUNT_LABELS: Readonly<Record<AccountModule, string>> = {
  foundry: 'Foundry account',
  aiServices: 'AI Services account',
  openAi: 'Azure OpenAI account',
};

export function aiPlatformOf(answers: Pick<Answers, 'foundry' | 'services' | 'agents'>): AiPlatform {
  const foundryProject = answers.foundry === 'project';
  const foundryHub = answers.foundry === 'hub';
  const wants = (service: Answers['services'][number]) => answers.services.includes(service);
  const aiServicesAccount = foundryHub || (answers.foundry === 'none' && wants('aiservices'));
  const openAiAccount = wants('openai') && !foundryProject && !aiServicesAccount;
  // At most one account exists besides an Azure OpenAI one, and the OpenAI one only when no other can hold the models.
  const account: AccountModule | undefined = foundryProject ? 'foundry' : aiServicesAccount ? 'aiServices' : openAiAccount ? 'openAi' : undefined;
  const machineLearning = wants('ml');
  return {
    foundryProject,
    foundryHub,
    aiServicesAccount,
    openAiAccount,
    ...(wants('openai') && account && { modelHost: account }),
    ...(account && { account, accountLabel: ACCOUNT_LABELS[account] }),
    search: wants('search') || answers.agents,
    machineLearning,
    containerRegistry: foundryHub || machineLearning,
    agents: answers.agents,
    cosmosDb: answers.agents,
  };
}
