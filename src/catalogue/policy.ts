import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-05: Azure Policy denies public network access and, with zones of its own, gives later endpoints their zone groups. */
export const policy: Component = {
  id: 'policy',
  applies: () => true,
  // The assignments themselves are Microsoft.Authorization's (registered in every subscription); their compliance
  // results (az policy state list) are Microsoft.PolicyInsights'.
  providers: ['Microsoft.PolicyInsights'],
  modules: (shape) => [
    MODULES.denyPublicNetworkAccess,
    // With an existing hub the platform team's policies and zones rule DNS (policyGuardsFor).
    ...(shape.existingHub ? [] : [MODULES.privateDnsZoneGroupPolicies, MODULES.privateDnsZoneRoleAssignment]),
  ],
};
