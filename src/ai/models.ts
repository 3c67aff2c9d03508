import { isDeployable, lifecycleOf, RELEASE_DATE } from './model-lifecycle.js';

/**
 * The models a landing zone can be generated with, each at one version, and a format: OpenAI models run on
 * Azure OpenAI and AI Services accounts alike; the others are Foundry Models sold by Azure, which only an AI Services account (project- or hub-based Foundry,
 * or the multi-service account) can deploy. For any other model or version, edit modelDeployments in
 * the parameter files. A model stays here after its version is deprecated or retired, so that a repository
 * generated with it still validates and upgrades; model-lifecycle.ts says which ones `create` still offers.
 */
export interface ModelInfo {
  readonly version: string;
  readonly format: 'OpenAI' | 'DeepSeek';
  /**
   * DataZoneStandard exists for it; otherwise GlobalStandard is the only pay-as-you-go SKU. Those marked are in
   * the Data Zone Standard table of the Azure OpenAI model matrix (azure-ai-docs,
   * foundry/openai/includes/model-matrix/datazone-standard.md); gpt-5.4 is there in one US region only, and
   * gpt-5.4-mini and gpt-5.5 not at all, so they are GlobalStandard.
   */
  readonly dataZone: boolean;
}

export const MODELS: Readonly<Record<string, ModelInfo>> = {
  'gpt-4.1': { version: '2025-04-14', format: 'OpenAI', dataZone: true },
  'gpt-4.1-mini': { version: '2025-04-14', format: 'OpenAI', dataZone: true },
  'gpt-4.1-nano': { version: '2025-04-14', format: 'OpenAI', dataZone: true },
  'gpt-4o': { version: '2024-11-20', format: 'OpenAI', dataZone: true },
  'gpt-4o-mini': { version: '2024-07-18', format: 'OpenAI', dataZone: true },
  'o4-mini': { version: '2025-04-16', format: 'OpenAI', dataZone: true },
  o3: { version: '2025-04-16', format: 'OpenAI', dataZone: true },
  'gpt-5': { version: '2025-08-07', format: 'OpenAI', dataZone: true },
  'gpt-5-mini': { version: '2025-08-07', format: 'OpenAI', dataZone: true },
  'gpt-5.4': { version: '2026-03-05', format: 'OpenAI', dataZone: false },
  'gpt-5.4-mini': { version: '2026-03-17', format: 'OpenAI', dataZone: false },
  'gpt-5.5': { version: '2026-04-24', format: 'OpenAI', dataZone: false },
  'DeepSeek-R1': { version: '1', format: 'DeepSeek', dataZone: false },
  'DeepSeek-V3.2': { version: '1', format: 'DeepSeek', dataZone: false },
};

export const MODEL_NAMES = Object.keys(MODELS);

/** The models a new landing zone can be generated with on `today`: neither deprecated nor retired. */
export const deployableModels = (today: string): string[] => MODEL_NAMES.filter((name) => isDeployable(lifecycleOf(name, MODELS[name]!.version, today)));

/** Those offered in --help and the conversation: deployable on the day the catalogue was checked. */
export const OFFERED_MODEL_NAMES = deployableModels(RELEASE_DATE);

export const isKnownModel = (name: string): boolean => Object.hasOwn(MODELS, name);
