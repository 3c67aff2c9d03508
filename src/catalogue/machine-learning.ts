import { ZONES } from '../network/private-dns-zones.js';
import type { Component, Provisioning } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** A Machine Learning workspace (and a Foundry hub) answers on two names: its API and its notebooks. */
export const WORKSPACE_ZONES = [ZONES.machineLearningApi, ZONES.machineLearningNotebooks];

export const WORKSPACE_PROVISIONING: Provisioning = {
  type: 'microsoft.machinelearningservices/workspaces',
  minutes: 20,
  source: 'estimate: a hub or workspace whose managed network is provisioned at deployment (provisionNetworkNow) takes 15 to 30 minutes',
};

/** NET-07: an Azure Machine Learning workspace whose managed network allows only approved outbound traffic. */
export const machineLearning: Component = {
  id: 'machine-learning',
  symbol: 'machineLearning',
  applies: (shape) => shape.platform.machineLearning,
  providers: ['Microsoft.MachineLearningServices'],
  modules: () => [MODULES.machineLearning],
  lockedDown: { file: 'machineLearning', resources: ['workspace'] },
  privateEndpoints: [{ symbol: 'machineLearning', name: 'machine-learning', groupId: 'amlworkspace', zones: WORKSPACE_ZONES }],
  policyKey: 'machineLearning',
  provisioning: [WORKSPACE_PROVISIONING],
  serviceLabel: () => 'Azure Machine Learning',
};
