import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** SEC-03: the model deployments on the account that hosts them, each behind the content filter. */
export const models: Component = {
  id: 'models',
  symbol: 'models',
  applies: (shape) => shape.platform.modelHost !== undefined,
  providers: ['Microsoft.CognitiveServices'],
  modules: () => [MODULES.modelDeployments],
  provisioning: [{ type: 'microsoft.cognitiveservices/accounts/deployments', minutes: 2, source: 'estimate: a model deployment takes a minute or two' }],
};
