import { ZONES } from '../network/private-dns-zones.js';
import { type Component, module } from './component.js';

/** NET-01, SEC-06: the workload's Key Vault, private and keyless. */
export const keyVault: Component = {
  id: 'key-vault',
  symbol: 'keyVault',
  applies: () => true,
  modules: () => [module('data/key-vault.bicep')],
  privateEndpoints: [{ symbol: 'keyVault', name: 'key-vault', groupId: 'vault', zones: [ZONES.keyVault] }],
  policyKey: 'keyVault',
  serviceLabel: () => 'Key Vault',
};
