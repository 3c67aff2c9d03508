/**
 * The API version pinned for each Azure resource type that the Bicep templates under templates/infra declare.
 *
 * Why it exists: the templates stay plain Bicep, so every version is still written in them, scattered over some
 * thirty files. This table is the one place to read and decide them: test/unit/api-versions.test.ts fails when a
 * template declares a type at another version or a type missing here, when an entry serves no template, and when
 * a pin is not in Azure's type index or is a preview where the index has a GA version. `npm run api-versions`
 * shows which pins have a newer GA version. To move a type, change it here and in every template the test names.
 */

/** A fully qualified resource type as Bicep spells it: `Microsoft.Namespace/type[/childType…]`. */
export type ResourceType = `${string}.${string}/${string}`;

/** `YYYY-MM-DD`, or with a suffix such as `-preview`. */
export type ApiVersion = `${number}-${number}-${number}` | `${number}-${number}-${number}-${string}`;

export const API_VERSIONS = {
  'Microsoft.ApiManagement/service': '2024-05-01',
  'Microsoft.ApiManagement/service/apis': '2024-05-01',
  'Microsoft.ApiManagement/service/apis/diagnostics': '2024-05-01',
  'Microsoft.ApiManagement/service/apis/operations': '2024-05-01',
  'Microsoft.ApiManagement/service/apis/policies': '2024-05-01',
  'Microsoft.ApiManagement/service/loggers': '2024-05-01',
  'Microsoft.ApiManagement/service/policies': '2024-05-01',

  'Microsoft.Authorization/policyAssignments': '2024-04-01',
  'Microsoft.Authorization/roleAssignments': '2022-04-01',

  'Microsoft.Cdn/profiles': '2024-09-01',
  'Microsoft.Cdn/profiles/afdEndpoints': '2024-09-01',
  'Microsoft.Cdn/profiles/afdEndpoints/routes': '2024-09-01',
  'Microsoft.Cdn/profiles/customDomains': '2024-09-01',
  'Microsoft.Cdn/profiles/originGroups': '2024-09-01',
  'Microsoft.Cdn/profiles/originGroups/origins': '2024-09-01',
  'Microsoft.Cdn/profiles/securityPolicies': '2024-09-01',

  'Microsoft.CognitiveServices/accounts': '2025-12-01',
  'Microsoft.CognitiveServices/accounts/deployments': '2025-12-01',
  'Microsoft.CognitiveServices/accounts/projects': '2025-12-01',
  'Microsoft.CognitiveServices/accounts/projects/capabilityHosts': '2025-12-01',
  'Microsoft.CognitiveServices/accounts/projects/connections': '2025-12-01',
  'Microsoft.CognitiveServices/accounts/raiPolicies': '2025-12-01',

  'Microsoft.Compute/virtualMachines': '2024-07-01',
  'Microsoft.Compute/virtualMachines/extensions': '2024-07-01',

  'Microsoft.ContainerRegistry/registries': '2025-11-01',

  'Microsoft.DevTestLab/schedules': '2018-09-15',

  'Microsoft.DocumentDB/databaseAccounts': '2025-10-15',
  'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments': '2025-10-15',
  'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions': '2025-10-15',

  'Microsoft.Insights/components': '2020-02-02',
  // A preview on purpose: the only GA versions (2015-07-01, 2016-09-01) describe the subscription-level setting
  // named 'service', without categoryGroup; this is the version of a resource's own diagnostic settings.
  'Microsoft.Insights/dataCollectionEndpoints': '2024-03-11',
  'Microsoft.Insights/dataCollectionRuleAssociations': '2024-03-11',
  'Microsoft.Insights/dataCollectionRules': '2024-03-11',
  'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
  'Microsoft.Insights/privateLinkScopes': '2021-09-01',
  'Microsoft.Insights/privateLinkScopes/scopedResources': '2021-09-01',

  'Microsoft.KeyVault/vaults': '2025-05-01',
  'Microsoft.KeyVault/vaults/accessPolicies': '2025-05-01',
  'Microsoft.KeyVault/vaults/secrets': '2025-05-01',

  'Microsoft.MachineLearningServices/workspaces': '2026-05-01',
  'Microsoft.MachineLearningServices/workspaces/connections': '2026-05-01',

  'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',

  'Microsoft.Network/ApplicationGatewayWebApplicationFirewallPolicies': '2025-05-01',
  'Microsoft.Network/FrontDoorWebApplicationFirewallPolicies': '2024-02-01',
  'Microsoft.Network/applicationGateways': '2025-05-01',
  'Microsoft.Network/azureFirewalls': '2025-05-01',
  'Microsoft.Network/bastionHosts': '2025-05-01',
  'Microsoft.Network/dnsResolvers': '2025-05-01',
  'Microsoft.Network/dnsResolvers/inboundEndpoints': '2025-05-01',
  'Microsoft.Network/dnsResolvers/outboundEndpoints': '2025-05-01',
  'Microsoft.Network/firewallPolicies': '2025-05-01',
  'Microsoft.Network/firewallPolicies/ruleCollectionGroups': '2025-05-01',
  'Microsoft.Network/networkInterfaces': '2025-05-01',
  'Microsoft.Network/networkSecurityGroups': '2025-05-01',
  'Microsoft.Network/networkWatchers': '2025-05-01',
  'Microsoft.Network/networkWatchers/flowLogs': '2025-05-01',
  'Microsoft.Network/privateDnsZones': '2024-06-01',
  'Microsoft.Network/privateDnsZones/A': '2024-06-01',
  'Microsoft.Network/privateDnsZones/virtualNetworkLinks': '2024-06-01',
  'Microsoft.Network/privateEndpoints': '2025-05-01',
  'Microsoft.Network/privateEndpoints/privateDnsZoneGroups': '2025-05-01',
  'Microsoft.Network/publicIPAddresses': '2025-05-01',
  'Microsoft.Network/routeTables': '2025-05-01',
  'Microsoft.Network/virtualNetworkGateways': '2025-05-01',
  'Microsoft.Network/virtualNetworks': '2025-05-01',
  'Microsoft.Network/virtualNetworks/virtualNetworkPeerings': '2025-05-01',

  'Microsoft.OperationalInsights/workspaces': '2025-07-01',

  'Microsoft.Resources/resourceGroups': '2025-04-01',

  'Microsoft.Search/searchServices': '2025-05-01',
  'Microsoft.Search/searchServices/sharedPrivateLinkResources': '2025-05-01',

  'Microsoft.Security/pricings': '2024-01-01',

  'Microsoft.Storage/storageAccounts': '2025-06-01',
  'Microsoft.Storage/storageAccounts/blobServices': '2025-06-01',
  'Microsoft.Storage/storageAccounts/fileServices': '2025-06-01',
} as const satisfies Readonly<Record<ResourceType, ApiVersion>>;
