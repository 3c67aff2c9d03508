import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';
import { AGENTS_OUTBOUND } from './outbound.js';

/**
 * FDY-06: the Foundry Agent Service injected into its delegated subnet, with Cosmos DB for its threads and a storage
 * account of its own for its files (SEC-09: the project's identity holds no role on the workload's storage account).
 */
export const agents: Component = {
  id: 'agents',
  symbol: 'foundryAgents',
  applies: (shape) => shape.platform.agents,
  // The Agent Service's private networking needs Microsoft.App (its subnet is delegated to Microsoft.App/environments) and
  // Microsoft.MachineLearningServices registered besides the providers of the resources it uses:
  // https://learn.microsoft.com/azure/foundry/agents/how-to/virtual-networks
  providers: ['Microsoft.DocumentDB', 'Microsoft.Storage', 'Microsoft.App', 'Microsoft.MachineLearningServices'],
  modules: () => [MODULES.cosmosDb, MODULES.storage, MODULES.foundryAgents],
  lockedDown: { file: 'cosmosDb', resources: ['cosmosDb'] },
  privateEndpoints: [
    { symbol: 'cosmosDb', service: 'cosmosDb', name: 'cosmos-db', groupId: 'Sql', zones: [ZONES.cosmosDb] },
    // The Agent Service keeps files in blobs only, so the agents' account has no file endpoint.
    { symbol: 'agentStorageBlob', service: 'agentStorage', name: 'agent-storage-blob', groupId: 'blob', zones: [ZONES.blob] },
  ],
  policyKey: 'cosmosDb',
  provisioning: [
    {
      type: 'microsoft.cognitiveservices/accounts/capabilityhosts',
      minutes: 25,
      source:
        'Foundry Agent Service documentation: the standard setup with a virtual network takes 30 to 45 minutes, most of it the capability host (estimate 20 to 30)',
    },
    { type: 'microsoft.documentdb/databaseaccounts', minutes: 8, source: 'estimate: a zone-redundant Cosmos DB account takes 5 to 10 minutes' },
  ],
  serviceLabel: () => 'Cosmos DB',
  outbound: () => AGENTS_OUTBOUND,
};
