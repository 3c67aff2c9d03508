metadata description = 'Virtual network flow logs of the landing zone\'s VNets, with traffic analytics into Log Analytics, deployed into the subscription\'s Network Watcher resource group (SEC-11).'

@description('Name of the subscription\'s network watcher in this region. Azure allows one per region and subscription and names the one it creates NetworkWatcher_<region>.')
@minLength(1)
@maxLength(80)
param networkWatcherName string

@description('Azure region of the network watcher, the flow logs and their storage account: the region of the virtual networks they log.')
param location string

@description('The virtual networks to log, all in location, each as { name: string, resourceId: string }. Each gets one flow log, named fl-<name>; the names are known before the deployment, so what-if can show the flow logs.')
@minLength(1)
param virtualNetworks array

@description('Name of the storage account that receives the raw flow logs (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Name of the user-assigned identity with which the flow logs write to their storage account.')
@minLength(3)
@maxLength(128)
param identityName string

@description('Days the storage account keeps the raw flow logs (1-365).')
@minValue(1)
@maxValue(365)
param retentionInDays int = 90

@description('Resource ID of the Log Analytics workspace that receives traffic analytics and the storage account\'s diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the flow logs, their storage account and identity (not to the network watcher, which the subscription shares).')
param tags object

// Azure creates NetworkWatcher_<region> in NetworkWatcherRG when the first VNet of a region is created, unless the
// subscription opted out, and allows one watcher per region and subscription
// (https://learn.microsoft.com/azure/network-watcher/network-watcher-create). Declaring it here with the same name and
// location is an idempotent PUT where Azure created it, and creates it where the subscription opted out, so the
// flow logs deploy in both cases. No tags: the watcher is the subscription's, not this landing zone's.
resource networkWatcher 'Microsoft.Network/networkWatchers@2025-05-01' = {
  name: networkWatcherName
  location: location
  properties: {}
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// Flow logs write through the storage firewall's trusted-services exception and cannot use a private endpoint
// (Network Watcher FAQ, "How do I use flow logs with a storage account behind a firewall?",
// https://learn.microsoft.com/azure/network-watcher/frequently-asked-questions), so public network access stays
// Enabled with every network denied: only trusted Azure services get through, and only with an Entra ID token.
// That is why the account lives here and not in the workload resource group, whose NET-05 policy denies any
// storage account with public network access. Standard general-purpose v2 in the VNets' region, as flow logs require
// (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-overview#storage-account-considerations-for-virtual-network-flow-logs).
resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    accessTier: 'Hot'
    // SEC-06: the flow logs sign in with the identity above
    // (https://learn.microsoft.com/azure/network-watcher/vnet-flow-logs-managed-identity), so no account keys.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: []
      virtualNetworkRules: []
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storageAccount
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

// Storage Blob Data Contributor, on this account alone (SEC-09): what the flow logs' identity needs to write.
var blobDataContributorRoleDefinitionId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
)

resource identityBlobWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, identity.id, blobDataContributorRoleDefinitionId)
  scope: storageAccount
  properties: {
    roleDefinitionId: blobDataContributorRoleDefinitionId
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    description: 'Virtual network flow logs write to their storage account.'
  }
}

// VNet flow logs, not NSG flow logs: no NSG flow log can be created since 30 June 2025 and they retire on
// 30 September 2027 (https://learn.microsoft.com/azure/network-watcher/nsg-flow-logs-overview). A VNet flow log covers
// every subnet and NIC of the network, including the subnets Azure manages without an NSG of ours.
resource flowLogs 'Microsoft.Network/networkWatchers/flowLogs@2025-05-01' = [
  for virtualNetwork in virtualNetworks: {
    parent: networkWatcher
    name: 'fl-${virtualNetwork.name}'
    location: location
    tags: tags
    identity: {
      type: 'UserAssigned'
      userAssignedIdentities: { '${identity.id}': {} }
    }
    properties: {
      targetResourceId: virtualNetwork.resourceId
      storageId: storageAccount.id
      enabled: true
      format: { type: 'JSON', version: 2 }
      retentionPolicy: { enabled: true, days: retentionInDays }
      // Traffic analytics every 10 minutes into the landing zone's workspace, where the other logs are.
      flowAnalyticsConfiguration: {
        networkWatcherFlowAnalyticsConfiguration: {
          enabled: true
          workspaceResourceId: logAnalyticsWorkspaceResourceId
          trafficAnalyticsInterval: 10
        }
      }
    }
    dependsOn: [identityBlobWriter]
  }
]

// SEC-11: who reads and writes the flow logs is itself logged.
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'Transaction', enabled: true }]
  }
}

@description('Resource IDs of the flow logs, one per virtual network, in the order of virtualNetworks.')
output flowLogResourceIds array = [for (virtualNetwork, index) in virtualNetworks: flowLogs[index].id]

@description('Resource ID of the storage account that holds the raw flow logs.')
output storageAccountResourceId string = storageAccount.id
