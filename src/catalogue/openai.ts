import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** An Azure OpenAI account: model deployments wanted and no AI Services account to hold them. */
export const openAi: Component = {
  id: 'openai',
  symbol: 'openAi',
  applies: (shape) => shape.platform.openAiAccount,
  providers: ['Microsoft.CognitiveServices'],
  modules: () => [MODULES.aiServicesAccount],
  // An Azure OpenAI account answers only on its openai.azure.com name.
  lockedDown: { file: 'aiServicesAccount', resources: ['account'] },
  privateEndpoints: [{ symbol: 'openAi', name: 'openai', groupId: 'account', zones: [ZONES.openAi] }],
  policyKey: 'cognitiveServices',
  serviceLabel: () => 'Azure OpenAI',
};
