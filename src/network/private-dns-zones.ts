/**
 * A private DNS zone the landing zone needs. `bicepName` is the Bicep expression of its name (storage
 * zones follow the cloud's storage suffix, linter rule no-hardcoded-env-urls); `pattern` recognises
 * the zone in a resource ID a user gives for an existing hub, in any cloud.
 */
export interface PrivateDnsZone {
  /** The key in main.bicep's zone map, e.g. `privateDnsZoneResourceIds.blob`. */
  readonly key: string;
  /** The zone name in the Azure public cloud, for messages and examples. */
  readonly name: string;
  readonly bicepName: string;
  readonly pattern: RegExp;
  /** What resolves in this zone, for messages. */
  readonly purpose: string;
}

const zone = (key: string, name: string, purpose: string, bicepName = `'${name}'`): PrivateDnsZone => ({
  key,
  name,
  bicepName,
  pattern: new RegExp(`^${name.replace(/\./g, '\\.')}$`, 'i'),
  purpose,
});

const storageZone = (service: 'blob' | 'file', purpose: string): PrivateDnsZone => ({
  ...zone(service, `privatelink.${service}.core.windows.net`, purpose, `'privatelink.${service}.\${environment().suffixes.storage}'`),
  pattern: new RegExp(`^privatelink\\.${service}\\.core\\.`, 'i'),
});

/**
 * Every zone a private endpoint of this landing zone can register in. An AI Services account answers
 * on three names, so its endpoint registers in three zones; a Machine Learning workspace (and a
 * Foundry hub) in two (DESIGN.md, traps).
 */
export const ZONES = {
  cognitiveServices: zone('cognitiveServices', 'privatelink.cognitiveservices.azure.com', 'AI Services accounts'),
  openAi: zone('openAi', 'privatelink.openai.azure.com', 'the OpenAI endpoint of AI Services and Azure OpenAI accounts'),
  aiServices: zone('aiServices', 'privatelink.services.ai.azure.com', 'the AI services endpoint of AI Services accounts'),
  // Not derived from environment().suffixes.keyvaultDns: that suffix starts with "vault", the zone is "vaultcore".
  keyVault: zone('keyVault', 'privatelink.vaultcore.azure.net', 'the Key Vault'),
  blob: storageZone('blob', "the storage account's blobs"),
  file: storageZone('file', "the storage account's files"),
  search: zone('search', 'privatelink.search.windows.net', 'AI Search'),
  machineLearningApi: zone('machineLearningApi', 'privatelink.api.azureml.ms', 'the Machine Learning workspace or Foundry hub API'),
  machineLearningNotebooks: zone(
    'machineLearningNotebooks',
    'privatelink.notebooks.azure.net',
    'the notebooks of the Machine Learning workspace or Foundry hub',
  ),
  containerRegistry: {
    ...zone('containerRegistry', 'privatelink.azurecr.io', 'the container registry', "'privatelink${environment().suffixes.acrLoginServer}'"),
    pattern: /^privatelink\.azurecr\./i,
  },
  cosmosDb: zone('cosmosDb', 'privatelink.documents.azure.com', "the agents' Cosmos DB"),
  // The Azure Monitor Private Link Scope's endpoint answers for Azure Monitor's global and regional names, Log Analytics'
  // query and ingestion names and the agents' service (Learn, "Configure private link for Azure Monitor":
  // https://learn.microsoft.com/azure/azure-monitor/logs/private-link-configure); it also registers in the blob zone,
  // for the storage account that serves the agents' solution packs.
  monitor: zone('monitor', 'privatelink.monitor.azure.com', "Azure Monitor's global and regional endpoints"),
  logAnalyticsQuery: zone('logAnalyticsQuery', 'privatelink.oms.opinsights.azure.com', 'Log Analytics queries and agent configuration'),
  logAnalyticsIngestion: zone('logAnalyticsIngestion', 'privatelink.ods.opinsights.azure.com', 'Log Analytics ingestion'),
  monitorAgents: zone('monitorAgents', 'privatelink.agentsvc.azure-automation.net', "Azure Monitor's agent service"),
} as const satisfies Record<string, PrivateDnsZone>;

/** API Management in internal mode has no private endpoint; its host names resolve through A records in this zone (NET-08). */
export const API_MANAGEMENT_ZONE = zone('apiManagement', 'azure-api.net', "API Management's gateway, portal and management hosts");

/** The zone name at the end of a private DNS zone's resource ID. */
export const zoneNameOf = (resourceId: string): string => resourceId.split('/').pop() ?? '';

/**
 * NET-05: the zones the built-in "Configure ... to use private DNS zones" definitions write, by the private endpoint's
 * group ID (templates/infra/modules/policy/private-dns-zone-groups.bicep lists each definition and its JSON in
 * github.com/Azure/azure-policy). Each writes one zone group on an endpoint that has none. For group ID "account" only
 * the cognitiveservices zone: an AI Services (Foundry) account's openai.azure.com and services.ai.azure.com names, and
 * an Azure OpenAI account's only name, would resolve to public addresses if that policy registered them
 * (Learn, "Azure Private Endpoint private DNS zone values", AI services:
 * https://learn.microsoft.com/azure/private-link/private-endpoint-dns; the definition:
 * https://github.com/Azure/azure-policy/blob/master/built-in-policies/policyDefinitions/Cognitive%20Services/PrivateDnsZones_DINE.json).
 */
export const ZONES_BUILT_IN_POLICIES_WRITE: Readonly<Record<string, readonly string[]>> = {
  account: ['cognitiveServices'],
  vault: ['keyVault'],
  blob: ['blob'],
  file: ['file'],
  searchService: ['search'],
  amlworkspace: ['machineLearningApi', 'machineLearningNotebooks'],
  registry: ['containerRegistry'],
  Sql: ['cosmosDb'],
};

/**
 * Whether a built-in policy can register an endpoint of this group ID in exactly these zones: where it cannot, the
 * endpoint keeps a zone group of its own even when Azure Policy writes the others' (the policy then leaves it alone,
 * as it acts only on endpoints without a zone group).
 */
export const policyRegistersAll = (groupId: string, zoneKeys: readonly string[]): boolean => {
  const written = ZONES_BUILT_IN_POLICIES_WRITE[groupId] ?? [];
  return zoneKeys.every((key) => written.includes(key));
};
