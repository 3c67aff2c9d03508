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
  const anyAccount = platform.foundryProject || platform.aiServicesAccount || platform.openAiAccount;
  const servicesAccount = platform.foundryProject || platform.aiServicesAccount;
  const workspaces = platform.foundryHub || platform.machineLearning;
  return {
    denyPublicNetworkAccess: [
      ...(anyAccount ? ['cognitiveServices'] : []),
      'storage',
      'keyVault',
      ...(platform.search ? ['search'] : []),
      ...(workspaces ? ['machineLearning'] : []),
      ...(platform.containerRegistry ? ['containerRegistry'] : []),
      ...(platform.cosmosDb ? ['cosmosDb'] : []),
    ],
    privateDnsZoneGroups: ownZones
      ? [
          ...(servicesAccount ? ['cognitiveServices'] : []),
          'keyVault',
          'blob',
          'file',
          ...(platform.search ? ['search'] : []),
          ...(workspaces ? ['machineLearning'] : []),
          ...(platform.containerRegistry ? ['containerRegistry'] : []),
          ...(platform.cosmosDb ? ['cosmosDb'] : []),
        ]
      : [],
  };
}
