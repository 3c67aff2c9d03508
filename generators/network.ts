import { fromTemplate, type Generator } from './types.js';

/** The workload VNet with NSGs, its private endpoints, and the private DNS zones unless the hub brings them (NET-02, NET-03, NET-12). */
export const network: Generator = {
  id: 'network',
  when: () => true,
  files: (model) => [
    fromTemplate('infra/modules/network/virtual-network.bicep'),
    fromTemplate('infra/modules/network/private-endpoint.bicep.hbs'),
    ...(model.existingHub ? [] : [fromTemplate('infra/modules/network/private-dns-zones.bicep')]),
  ],
};

/** A hub, this landing zone's or the platform team's: peering both ways (NET-10). */
export const hub: Generator = {
  id: 'hub',
  when: (answers) => answers.topology !== 'single-vnet',
  files: () => [fromTemplate('infra/modules/network/virtual-network-peering.bicep')],
};

/** The DNS Private Resolver that VPN and on-premises clients ask for private names (NET-04). */
export const dnsResolver: Generator = {
  id: 'dns-resolver',
  when: (answers) => answers.topology === 'hub-spoke' || (answers.topology === 'single-vnet' && answers.vpn === 'p2s'),
  files: () => [fromTemplate('infra/modules/network/dns-private-resolver.bicep')],
};

/** Egress through a firewall: this landing zone's Azure Firewall with its policy, or the existing hub's; the workload's route table (NET-07). */
export const egress: Generator = {
  id: 'egress',
  when: (answers) => answers.firewall || answers.hubFirewallIp !== undefined,
  files: (model) => [
    fromTemplate('infra/modules/network/route-table.bicep.hbs'),
    ...(model.firewall ? [fromTemplate('infra/modules/network/firewall.bicep.hbs'), fromTemplate('infra/modules/network/firewall-policy.bicep.hbs')] : []),
  ],
};

/** The ways in for people: Bastion and the jumpbox (NET-06), and the point-to-site VPN (NET-11). */
export const access: Generator = {
  id: 'access',
  when: (answers) => answers.jumpbox || answers.vpn === 'p2s',
  files: (model) => [
    ...(model.jumpbox ? [fromTemplate('infra/modules/access/bastion.bicep'), fromTemplate('infra/modules/access/jumpbox.bicep')] : []),
    ...(model.vpn ? [fromTemplate('infra/modules/connectivity/vpn-gateway.bicep')] : []),
  ],
};

/** The AI gateway: API Management (NET-08, SEC-05), and the door for internet callers (NET-09). */
export const gateway: Generator = {
  id: 'gateway',
  when: (answers) => answers.gateway !== 'none',
  files: (model) => [
    fromTemplate('infra/modules/gateway/api-management.bicep'),
    fromTemplate('infra/modules/gateway/policies/model-api.xml'),
    fromTemplate('infra/modules/gateway/policies/service.xml'),
    fromTemplate(model.existingHub ? 'infra/modules/gateway/api-management-dns-records.bicep' : 'infra/modules/gateway/api-management-dns.bicep'),
    ...(model.edgeGateway
      ? [
          fromTemplate('infra/modules/identity/user-assigned-identity.bicep'),
          fromTemplate('infra/modules/data/key-vault-secret-role-assignment.bicep'),
          fromTemplate('infra/modules/gateway/application-gateway.bicep.hbs'),
        ]
      : []),
    ...(model.frontDoor ? [fromTemplate('infra/modules/gateway/front-door.bicep')] : []),
  ],
};
