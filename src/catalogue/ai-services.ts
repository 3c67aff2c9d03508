import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';
import { ACCOUNT_ZONES } from './foundry.js';

/** A multi-service AI Services account outside project-based Foundry: the hub's, or the `aiservices` choice (FDY-05). */
export const aiServices: Component = {
  id: 'ai-services',
  symbol: 'aiServices',
  applies: (shape) => shape.platform.aiServicesAccount,
  providers: ['Microsoft.CognitiveServices'],
  modules: () => [MODULES.aiServicesAccount],
  lockedDown: { file: 'aiServicesAccount', resources: ['account'] },
  privateEndpoints: [{ symbol: 'aiServices', name: 'ai-services', groupId: 'account', zones: ACCOUNT_ZONES }],
  policyKey: 'cognitiveServices',
  // A hub's account is named with the hub.
  serviceLabel: (shape) => (shape.platform.foundryHub ? undefined : 'AI Services'),
};
