import type { AiPlatform } from './platform.js';

/**
 * NET-05: which resource types the landing zone guards with Azure Policy. Deny public network access
 * for every AI and PaaS type it deploys; with private DNS zones of its own, deploy-if-not-exists zone
 * groups for the endpoints people add later (with an existing hub, the platform team's policies and
 * zones rule DNS). The keys are those of the policy modules' definition maps.
 */
export interface PolicyGuards {
  readonly denyPublicNetworkAccess: readonly string[];
  readonly privateDnsZoneGroups: readonly string[];
}

export function policyGuardsFor(platform: AiPlatform, ownZones: boolean): PolicyGuards {
  // An Azure OpenAI account is a Cognitive Services account too; its endpoints use only the openai zone, which no
  // built-in definition writes, so it gets the deny policy but no zone group policy.
  const types = [
    ...(platform.account ? ['cognitiveServices'] : []),
    'storage',
    'keyVault',
    ...(platform.search ? ['search'] : []),
    ...(platform.foundryHub || platform.machineLearning ? ['machineLearning'] : []),
    ...(platform.containerRegistry ? ['containerRegistry'] : []),
    ...(platform.cosmosDb ? ['cosmosDb'] : []),
  ];
  // Storage registers per sub-resource; an Azure OpenAI account alone has no zone a built-in policy writes.
  const zoneGroupsOf = (type: string) => (type === 'storage' ? ['blob', 'file'] : type === 'cognitiveServices' && platform.openAiAccount ? [] : [type]);
  return { denyPublicNetworkAccess: types, privateDnsZoneGroups: ownZones ? types.flatMap(zoneGroupsOf) : [] };
}
