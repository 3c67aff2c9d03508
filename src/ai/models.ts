/**
 * The models a landing zone can be generated with. Each has a version that is generally available
 * today and a format: OpenAI models run on Azure OpenAI and AI Services accounts alike; the others
 * are Foundry Models sold by Azure, which only an AI Services account (project- or hub-based Foundry,
 * or the multi-service account) can deploy. For any other model or version, edit modelDeployments in
 * the parameter files.
 */
export interface ModelInfo {
  readonly version: string;
  readonly format: 'OpenAI' | 'DeepSeek';
  /**
   * DataZoneStandard exists for it; otherwise GlobalStandard is the only pay-as-you-go SKU. Every OpenAI
   * model and version below is in the Data Zone Standard table of the Azure OpenAI model matrix
   * (azure-ai-docs, foundry/openai/includes/model-matrix/datazone-standard.md).
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
  'DeepSeek-R1': { version: '1', format: 'DeepSeek', dataZone: false },
};

export const MODEL_NAMES = Object.keys(MODELS);

export const isKnownModel = (name: string): boolean => Object.hasOwn(MODELS, name);
