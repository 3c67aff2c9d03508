metadata description = 'Key Vault in RBAC mode, reachable only through its private endpoint, that cannot be purged.'

@description('Name of the key vault (3-24 characters, letters, digits and single hyphens, starting with a letter).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region of the key vault.')
param location string = resourceGroup().location

@description('Resource ID of the Log Analytics workspace that receives the audit logs.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the key vault.')
param tags object

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    // SEC-06: Azure RBAC instead of access policies, so vault access is granted and reviewed like any other role.
    enableRbacAuthorization: true
    // A deleted vault and its secrets stay recoverable for 90 days; purge protection stops anyone purging them sooner.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled' // NET-01
    networkAcls: {
      // Deny also covers the case where public access is re-enabled; trusted services (e.g. Application Gateway
      // fetching certificates with its managed identity) keep working.
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

// SEC-11, PSRule Azure.KeyVault.Logs: every data-plane access lands in the AuditEvent logs.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: keyVault
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the key vault, the target of its private endpoint.')
output resourceId string = keyVault.id

@description('Name of the key vault.')
output name string = keyVault.name

@description('URI of the key vault; resolves to the private endpoint inside the virtual network.')
output vaultUri string = keyVault.properties.vaultUri
