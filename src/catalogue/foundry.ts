import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** An AI Services account answers on three names, so its endpoint registers in three zones (DESIGN.md, traps). */
export const ACCOUNT_ZONES = [ZONES.cognitiveServices, ZONES.openAi, ZONES.aiServices];

/** FDY-06: project-based Foundry, an AI Services account with a project (FDY-01). */
export const foundry: Component = {
  id: 'foundry',
  symbol: 'foundry',
  applies: (shape) => shape.platform.foundryProject,
  providers: ['Microsoft.CognitiveServices'],
  modules: () => [MODULES.foundryAccount],
  lockedDown: { file: 'foundryAccount', resources: ['account'] },
  privateEndpoints: [{ symbol: 'foundry', name: 'foundry', groupId: 'account', zones: ACCOUNT_ZONES }],
  policyKey: 'cognitiveServices',
  serviceLabel: () => 'Foundry',
};
