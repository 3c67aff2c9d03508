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

/** Hub-spoke: the hub VNet with the DNS Private Resolver, and peering both ways (NET-04, NET-10). */
export const hub: Generator = {
  id: 'hub',
  when: (answers) => answers.topology === 'hub-spoke',
  files: () => [
    fromTemplate('infra/modules/network/hub-virtual-network.bicep'),
    fromTemplate('infra/modules/network/dns-private-resolver.bicep'),
    fromTemplate('infra/modules/network/virtual-network-peering.bicep'),
  ],
};

/** Egress through Azure Firewall: the firewall, its policy and the workload's route table (NET-07). */
export const egress: Generator = {
  id: 'egress',
  when: (answers) => answers.firewall,
  files: () => [
    fromTemplate('infra/modules/network/firewall.bicep'),
    fromTemplate('infra/modules/network/firewall-policy.bicep'),
    fromTemplate('infra/modules/network/route-table.bicep'),
  ],
};
