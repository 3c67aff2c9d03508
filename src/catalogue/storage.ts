import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-01, SEC-06: the workload's storage account, private and keyless; an endpoint per sub-resource. */
export const storage: Component = {
  id: 'storage',
  symbol: 'storage',
  applies: () => true,
  providers: ['Microsoft.Storage'],
  modules: () => [MODULES.storage],
  lockedDown: { file: 'storage', resources: ['storageAccount'] },
  privateEndpoints: [
    { symbol: 'blob', name: 'storage-blob', groupId: 'blob', zones: [ZONES.blob] },
    { symbol: 'file', name: 'storage-file', groupId: 'file', zones: [ZONES.file] },
  ],
  policyKey: 'storage',
  serviceLabel: () => 'Storage',
};
