import { fromTemplate, type Generator } from './types.js';

/** The workload VNet with NSGs, private DNS zones and private endpoints (NET-02, NET-03, NET-12). */
export const network: Generator = {
  id: 'network',
  when: () => true,
  files: () => [
    fromTemplate('infra/modules/network/virtual-network.bicep'),
    fromTemplate('infra/modules/network/private-dns-zone.bicep'),
    fromTemplate('infra/modules/network/private-endpoint.bicep'),
  ],
};
