import { ZONES } from '../network/private-dns-zones.js';
import { type Component, module } from './component.js';

/** AI Search, keyless and private, with shared private links to the storage account and the AI account. */
export const search: Component = {
  id: 'search',
  symbol: 'search',
  applies: (shape) => shape.platform.search,
  modules: (shape) => [
    module('ai/search-service.bicep'),
    module('data/storage-role-assignment.bicep'),
    // Its vectorizers call the models of the AI account.
    ...(shape.platform.account ? [module('ai/account-role-assignment.bicep')] : []),
  ],
  privateEndpoints: [{ symbol: 'search', name: 'search', groupId: 'searchService', zones: [ZONES.search] }],
  policyKey: 'search',
  provisioning: [{ type: 'microsoft.search/searchservices', minutes: 10, source: 'estimate: an AI Search service takes several minutes, longer with replicas' }],
  serviceLabel: () => 'AI Search',
};
