import type { Answers } from '../answers/schema.js';

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

/** A Foundry account answers on three names, so its endpoint registers in three zones (DESIGN.md, traps). */
const FOUNDRY_ZONES = [
  zone('cognitiveServices', 'privatelink.cognitiveservices.azure.com', 'the Foundry account'),
  zone('openAi', 'privatelink.openai.azure.com', 'the Foundry account\'s OpenAI endpoint'),
  zone('aiServices', 'privatelink.services.ai.azure.com', 'the Foundry account\'s AI services endpoint'),
];

// Not derived from environment().suffixes.keyvaultDns: that suffix starts with "vault", the zone is "vaultcore".
const DATA_ZONES = [
  zone('keyVault', 'privatelink.vaultcore.azure.net', 'the Key Vault'),
  storageZone('blob', 'the storage account\'s blobs'),
  storageZone('file', 'the storage account\'s files'),
];

/** API Management in internal mode has no private endpoint; its host names resolve through A records in this zone (NET-08). */
export const API_MANAGEMENT_ZONE = zone('apiManagement', 'azure-api.net', 'API Management\'s gateway, portal and management hosts');

/** The zone name at the end of a private DNS zone's resource ID. */
export const zoneNameOf = (resourceId: string): string => resourceId.split('/').pop() ?? '';

/**
 * The zones of the private endpoints. Every landing zone this version generates has the Foundry
 * account, Key Vault and Storage, so the list does not depend on the answers yet.
 */
export const PRIVATE_ENDPOINT_ZONES: readonly PrivateDnsZone[] = [...FOUNDRY_ZONES, ...DATA_ZONES];

/**
 * The zones a user must give for an existing hub: those of the private endpoints (unless Azure
 * Policy manages the zone groups), and API Management's, whose records no policy writes.
 */
export function existingHubZonesFor(answers: Pick<Answers, 'gateway' | 'dnsZonesByPolicy'>): PrivateDnsZone[] {
  return [
    ...(answers.dnsZonesByPolicy ? [] : PRIVATE_ENDPOINT_ZONES),
    ...(answers.gateway === 'none' ? [] : [API_MANAGEMENT_ZONE]),
  ];
}
