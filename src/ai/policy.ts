import { policyKeysOf } from '../catalogue/index.js';
import type { Shape } from '../catalogue/shape.js';

/**
 * NET-05: which resource types the landing zone guards with Azure Policy. Deny public network access
 * for every AI and PaaS type it deploys (each component's policy key); with private DNS zones of its
 * own, deploy-if-not-exists zone groups for the endpoints people add later (with an existing hub, the
 * platform team's policies and zones rule DNS). The keys are those of the policy modules' definition maps.
 */
export interface PolicyGuards {
  readonly denyPublicNetworkAccess: readonly string[];
  readonly privateDnsZoneGroups: readonly string[];
}

export function policyGuardsFor(shape: Shape): PolicyGuards {
  const types = policyKeysOf(shape);
  // Storage registers per sub-resource. An Azure OpenAI account is a Cognitive Services account too; its endpoints use
  // only the openai zone, which no built-in definition writes, so it gets the deny policy but no zone group policy.
  const zoneGroupsOf = (type: string) => (type === 'storage' ? ['blob', 'file'] : type === 'cognitiveServices' && shape.platform.openAiAccount ? [] : [type]);
  return { denyPublicNetworkAccess: types, privateDnsZoneGroups: shape.existingHub ? [] : types.flatMap(zoneGroupsOf) };
}
