import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';
import { WORKSPACE_ZONES, WORKSPACE_PROVISIONING } from './machine-learning.js';

/** FDY-02..05: hub-based Foundry, a hub and a project with a managed network that allows only approved outbound. */
export const foundryHub: Component = {
  id: 'foundry-hub',
  symbol: 'foundryHub',
  applies: (shape) => shape.platform.foundryHub,
  providers: ['Microsoft.MachineLearningServices', 'Microsoft.CognitiveServices', 'Microsoft.Storage'],
  modules: () => [MODULES.foundryHub],
  lockedDown: { file: 'foundryHub', resources: ['hub', 'project'] },
  privateEndpoints: [{ symbol: 'foundryHub', name: 'foundry-hub', groupId: 'amlworkspace', zones: WORKSPACE_ZONES }],
  policyKey: 'machineLearning',
  provisioning: [WORKSPACE_PROVISIONING],
  serviceLabel: () => 'a Foundry hub',
};
