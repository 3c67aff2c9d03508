import { type Component, module } from './component.js';

/** NET-05: Azure Policy denies public network access and, with zones of its own, gives later endpoints their zone groups. */
export const policy: Component = {
  id: 'policy',
  applies: () => true,
  modules: (shape) => [
    module('policy/deny-public-network-access.bicep'),
    // With an existing hub the platform team's policies and zones rule DNS (policyGuardsFor).
    ...(shape.existingHub
      ? []
      : [module('policy/private-dns-zone-groups.bicep'), module('policy/private-dns-zone-role-assignment.bicep')]),
  ],
};
