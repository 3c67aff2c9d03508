import { type AccountModule, aiPlatformOf } from '../ai/platform.js';
import type { Answers } from '../answers/schema.js';
import { API_MANAGEMENT_ZONE, type PrivateDnsZone, ZONES } from './private-dns-zones.js';

/** One private endpoint main.bicep creates in the private endpoint subnet (NET-02). */
export interface PrivateEndpoint {
  /** Bicep symbol of the endpoint's module. */
  readonly symbol: string;
  readonly deploymentName: string;
  /** Bicep expression of the endpoint's name. */
  readonly endpointName: string;
  /** The module whose `resourceId` output the endpoint connects to. */
  readonly service: string;
  readonly groupId: string;
  /** The zones the endpoint registers in, all in one zone group (NET-03). */
  readonly zones: readonly PrivateDnsZone[];
  /** Modules that must finish first: an endpoint on an account still busy with its children fails. */
  readonly after: readonly string[];
}

const ACCOUNT_ZONES = [ZONES.cognitiveServices, ZONES.openAi, ZONES.aiServices];
const WORKSPACE_ZONES = [ZONES.machineLearningApi, ZONES.machineLearningNotebooks];

const endpoint = (symbol: string, name: string, service: string, groupId: string, zones: readonly PrivateDnsZone[], after: readonly string[] = []): PrivateEndpoint => ({
  symbol: `${symbol}PrivateEndpoint`,
  deploymentName: `pe-${name}`,
  endpointName: `'pe-\${names.${service}}${groupId === 'blob' || groupId === 'file' ? `-${groupId}` : ''}'`,
  service,
  groupId,
  zones,
  after,
});

/** The private endpoints of these answers, one per service and sub-resource, in deployment order. */
export function privateEndpointsFor(answers: Pick<Answers, 'foundry' | 'services' | 'agents'>): PrivateEndpoint[] {
  const platform = aiPlatformOf(answers);
  // Model deployments are the account's children: its endpoint waits for them.
  const afterModels = (account: AccountModule) => (platform.modelHost === account ? ['models'] : []);
  return [
    ...(platform.foundryProject ? [endpoint('foundry', 'foundry', 'foundry', 'account', ACCOUNT_ZONES, afterModels('foundry'))] : []),
    ...(platform.aiServicesAccount ? [endpoint('aiServices', 'ai-services', 'aiServices', 'account', ACCOUNT_ZONES, afterModels('aiServices'))] : []),
    // An Azure OpenAI account answers only on its openai.azure.com name.
    ...(platform.openAiAccount ? [endpoint('openAi', 'openai', 'openAi', 'account', [ZONES.openAi], afterModels('openAi'))] : []),
    ...(platform.foundryHub ? [endpoint('foundryHub', 'foundry-hub', 'foundryHub', 'amlworkspace', WORKSPACE_ZONES)] : []),
    ...(platform.machineLearning ? [endpoint('machineLearning', 'machine-learning', 'machineLearning', 'amlworkspace', WORKSPACE_ZONES)] : []),
    ...(platform.search ? [endpoint('search', 'search', 'search', 'searchService', [ZONES.search])] : []),
    ...(platform.containerRegistry ? [endpoint('containerRegistry', 'container-registry', 'containerRegistry', 'registry', [ZONES.containerRegistry])] : []),
    ...(platform.cosmosDb ? [endpoint('cosmosDb', 'cosmos-db', 'cosmosDb', 'Sql', [ZONES.cosmosDb])] : []),
    endpoint('keyVault', 'key-vault', 'keyVault', 'vault', [ZONES.keyVault]),
    endpoint('blob', 'storage-blob', 'storage', 'blob', [ZONES.blob]),
    endpoint('file', 'storage-file', 'storage', 'file', [ZONES.file]),
  ];
}

/** The zones the private endpoints of these answers register in, each once, in a stable order. */
export function privateEndpointZonesFor(answers: Pick<Answers, 'foundry' | 'services' | 'agents'>): PrivateDnsZone[] {
  const used = new Set(privateEndpointsFor(answers).flatMap((candidate) => candidate.zones));
  return Object.values(ZONES).filter((zone) => used.has(zone));
}

/**
 * The zones a user must give for an existing hub: those of the private endpoints (unless Azure
 * Policy manages the zone groups), and API Management's, whose records no policy writes.
 */
export function existingHubZonesFor(answers: Pick<Answers, 'foundry' | 'services' | 'agents' | 'gateway' | 'dnsZonesByPolicy'>): PrivateDnsZone[] {
  return [
    ...(answers.dnsZonesByPolicy ? [] : privateEndpointZonesFor(answers)),
    ...(answers.gateway === 'none' ? [] : [API_MANAGEMENT_ZONE]),
  ];
}
