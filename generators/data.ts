import { fromTemplate, type Generator } from './types.js';

/** Key Vault and Storage, both private and keyless (NET-01, SEC-06). */
export const data: Generator = {
  id: 'data',
  when: () => true,
  files: () => [
    fromTemplate('infra/modules/data/key-vault.bicep'),
    fromTemplate('infra/modules/data/storage-account.bicep'),
  ],
};
