import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-05: Azure Policy denies public network access and, with zones of its own, gives later endpoints their zone groups. */
export const policy: Component = {
  id: 'policy',
  applies: () => true,
  modules: (shape) => [
    MODULES.denyPublicNetworkAccess,
    // With an existing hub the platform team's policies and zones rule DNS (policyGuardsFor).
    ...(shape.existingHub ? [] : [MODULES.privateDnsZoneGroupPolicies, MODULES.privateDnsZoneRoleAssignment]),
  ],
};
