import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** AI Search, keyless and private, with shared private links to the storage account and the AI account. */
export const search: Component = {
  id: 'search',
  symbol: 'search',
  applies: (shape) => shape.platform.search,
  providers: ['Microsoft.Search'],
  modules: (shape) => [
    MODULES.search,
    MODULES.storageRoleAssignment,
    // Its vectorizers call the models of the AI account.
    ...(shape.platform.account ? [MODULES.accountRoleAssignment] : []),
  ],
  lockedDown: { file: 'search', resources: ['searchService'] },
  privateEndpoints: [{ symbol: 'search', name: 'search', groupId: 'searchService', zones: [ZONES.search] }],
  policyKey: 'search',
  provisioning: [
    { type: 'microsoft.search/searchservices', minutes: 10, source: 'estimate: an AI Search service takes several minutes, longer with replicas' },
  ],
  serviceLabel: () => 'AI Search',
};
