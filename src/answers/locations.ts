/**
 * Azure public-cloud regions. Kept as a static list so that the generator runs offline and a typo
 * such as `swedencentrl` fails before anything is written. Whether a region offers the chosen model
 * (and quota for it) is not known offline: the generated README says how to check.
 */
export const AZURE_LOCATIONS = [
  'australiaeast',
  'australiasoutheast',
  'brazilsouth',
  'canadacentral',
  'canadaeast',
  'centralindia',
  'centralus',
  'eastasia',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'italynorth',
  'japaneast',
  'japanwest',
  'koreacentral',
  'koreasouth',
  'mexicocentral',
  'newzealandnorth',
  'northcentralus',
  'northeurope',
  'norwayeast',
  'polandcentral',
  'qatarcentral',
  'southafricanorth',
  'southcentralus',
  'southeastasia',
  'southindia',
  'spaincentral',
  'swedencentral',
  'switzerlandnorth',
  'switzerlandwest',
  'uaenorth',
  'uksouth',
  'ukwest',
  'westcentralus',
  'westeurope',
  'westus',
  'westus2',
  'westus3',
] as const;

export type AzureLocation = (typeof AZURE_LOCATIONS)[number];

export function isAzureLocation(value: string): value is AzureLocation {
  return (AZURE_LOCATIONS as readonly string[]).includes(value);
}

/**
 * Regions inside an Azure OpenAI data zone. A DataZoneStandard deployment keeps prompts and
 * completions processed inside that zone, which regulated workloads usually need; elsewhere the
 * generator falls back to GlobalStandard and says so in the parameter file.
 */
const DATA_ZONES: Readonly<Record<string, 'EU' | 'US'>> = {
  francecentral: 'EU',
  germanywestcentral: 'EU',
  italynorth: 'EU',
  northeurope: 'EU',
  polandcentral: 'EU',
  spaincentral: 'EU',
  swedencentral: 'EU',
  westeurope: 'EU',
  centralus: 'US',
  eastus: 'US',
  eastus2: 'US',
  northcentralus: 'US',
  southcentralus: 'US',
  westcentralus: 'US',
  westus: 'US',
  westus2: 'US',
  westus3: 'US',
};

export function dataZoneOf(location: string): 'EU' | 'US' | undefined {
  return DATA_ZONES[location];
}

/**
 * Regions with availability zones, where zone-redundant SKUs (Storage ZRS, and later zonal gateways
 * and firewalls) exist. A region missing here gets locally redundant SKUs, which work everywhere.
 */
const ZONED_REGIONS = new Set([
  'australiaeast',
  'brazilsouth',
  'canadacentral',
  'centralindia',
  'centralus',
  'eastasia',
  'eastus',
  'eastus2',
  'francecentral',
  'germanywestcentral',
  'italynorth',
  'japaneast',
  'koreacentral',
  'mexicocentral',
  'newzealandnorth',
  'northeurope',
  'norwayeast',
  'polandcentral',
  'qatarcentral',
  'southafricanorth',
  'southcentralus',
  'southeastasia',
  'spaincentral',
  'swedencentral',
  'switzerlandnorth',
  'uaenorth',
  'uksouth',
  'westeurope',
  'westus2',
  'westus3',
]);

export function hasAvailabilityZones(location: string): boolean {
  return ZONED_REGIONS.has(location);
}

/**
 * Regions where Azure Front Door reaches an origin over Private Link (Azure Front Door documentation,
 * "Secure your origin with Private Link", region list of 2025-09): the Application Gateway in front of
 * API Management must be in one of them.
 */
export const FRONT_DOOR_PRIVATE_LINK_REGIONS: readonly string[] = [
  'brazilsouth',
  'canadacentral',
  'centralus',
  'eastus',
  'eastus2',
  'southcentralus',
  'westus2',
  'westus3',
  'francecentral',
  'germanywestcentral',
  'northeurope',
  'norwayeast',
  'uksouth',
  'westeurope',
  'swedencentral',
  'southafricanorth',
  'australiaeast',
  'centralindia',
  'japaneast',
  'koreacentral',
  'eastasia',
  'southeastasia',
];
