metadata description = 'Cosmos DB for NoSQL account that stores the Foundry Agent Service threads (standard agent setup), reachable only through its private endpoint, Entra ID only, with continuous backup (FDY-06, NET-01, SEC-06).'

@description('Name of the Cosmos DB account (3-44 lowercase letters, digits and hyphens, globally unique).')
@minLength(3)
@maxLength(44)
param name string

@description('Azure region of the account; must be the region of the Foundry account and of the agent subnet\'s virtual network.')
param location string = resourceGroup().location

@description('Whether the account\'s replicas are spread over the region\'s three availability zones. Fixed when the account is created; it cannot be changed later.')
param zoneRedundant bool

@description('Resource ID of the Log Analytics workspace that receives the account diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the account.')
param tags object

// Provisioned throughput, not serverless. Learn ("Set up standard agent resources", Cosmos DB throughput requirements)
// accepts both, but every Microsoft template of the private standard setup (foundry-samples 15, the Foundry baseline,
// AVM ai-foundry) is built and tested on a provisioned account, and serverless offers availability zones only in some
// regions. The capability host creates the database and its containers itself (about 1000 RU/s each, 3000 RU/s per
// project); no throughput limit is set on the account so a second project does not fail its capability host.
resource cosmosDb 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    // One region: the agent data must stay in the region of the Foundry account and its virtual network.
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: zoneRedundant
      }
    ]
    enableMultipleWriteLocations: false
    enableAutomaticFailover: false
    enableFreeTier: false
    enableAnalyticalStorage: false
    publicNetworkAccess: 'Disabled' // NET-01
    // No trusted-service exception and no firewall rules: the private endpoint is the only way in.
    networkAclBypass: 'None'
    ipRules: []
    virtualNetworkRules: []
    isVirtualNetworkFilterEnabled: false
    // SEC-06: no account keys; the project's identity holds the Cosmos DB Built-in Data Contributor SQL role instead.
    disableLocalAuth: true
    // Databases and containers change only through Azure Resource Manager (the capability host uses the project
    // identity's Cosmos DB Operator role for that), never with a key (PSRule Azure.Cosmos.DisableMetadataWrite).
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    // Point-in-time restore over the last 7 days; the 7-day tier has no backup storage charge.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous7Days' }
    }
  }
}

// SEC-11: control-plane and data-plane requests into resource-specific tables (the mode Cosmos DB recommends).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: cosmosDb
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Requests', enabled: true }]
  }
}

@description('Resource ID of the Cosmos DB account, the target of its private endpoint (group Sql, zone privatelink.documents.azure.com).')
output resourceId string = cosmosDb.id

@description('Name of the Cosmos DB account.')
output name string = cosmosDb.name

@description('Document endpoint of the account; resolves to the private endpoint inside the virtual network.')
output endpoint string = cosmosDb.properties.documentEndpoint
