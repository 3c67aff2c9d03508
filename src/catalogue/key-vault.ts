import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-01, SEC-06: the workload's Key Vault, private and keyless. */
export const keyVault: Component = {
  id: 'key-vault',
  symbol: 'keyVault',
  applies: () => true,
  providers: ['Microsoft.KeyVault'],
  modules: () => [MODULES.keyVault],
  lockedDown: { file: 'keyVault', resources: ['keyVault'] },
  privateEndpoints: [{ symbol: 'keyVault', name: 'key-vault', groupId: 'vault', zones: [ZONES.keyVault] }],
  policyKey: 'keyVault',
  serviceLabel: () => 'Key Vault',
};
