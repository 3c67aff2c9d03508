import { fromTemplate, type Generator } from './types.js';

/** NET-05: Azure Policy denies public network access, and gives later private endpoints their DNS zone groups. */
export const policy: Generator = {
  id: 'policy',
  when: () => true,
  files: ({ policyGuards }) => [
    fromTemplate('infra/modules/policy/deny-public-network-access.bicep'),
    ...(policyGuards.privateDnsZoneGroups.length > 0
      ? [fromTemplate('infra/modules/policy/private-dns-zone-groups.bicep'), fromTemplate('infra/modules/policy/private-dns-zone-role-assignment.bicep')]
      : []),
  ],
};
