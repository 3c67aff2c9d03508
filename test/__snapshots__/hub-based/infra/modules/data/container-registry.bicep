metadata description = 'Premium container registry with Entra ID-only access, reachable only through its private endpoint, from which images cannot be exported.'

@description('Name of the container registry (5-50 letters and digits, globally unique; also the login server name).')
@minLength(5)
@maxLength(50)
param name string

@description('Azure region of the container registry.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the registry is spread across them where it does.')
param zoneRedundant bool

@description('Resource ID of the Log Analytics workspace that receives the registry logins and repository events.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the container registry.')
param tags object

resource registry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: name
  location: location
  tags: tags
  // NET-02: private endpoints, the export policy and the retention policy all need the Premium tier.
  sku: { name: 'Premium' }
  properties: {
    // SEC-06: no shared admin user name and password; every push and pull presents an Entra ID token.
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Disabled' // NET-01
    networkRuleSet: {
      // Deny is a second lock should public access ever be re-enabled.
      defaultAction: 'Deny'
    }
    // FDY-05: trusted Microsoft services keep reaching the registry with their managed identity. Azure Machine
    // Learning, which runs a Foundry hub, is one of them: it builds and pulls the images of the hub's environments,
    // prompt flow runtimes and managed online endpoints. Every other caller still has to come through the private endpoint.
    networkRuleBypassOptions: 'AzureServices'
    // Pinned, not left to the service default: Microsoft announces repository-level (ABAC) permissions as the future
    // default, and in that mode the registry-wide roles a Foundry hub's identity receives no longer grant pull and push.
    roleAssignmentMode: 'LegacyRegistryPermissions'
    zoneRedundancy: zoneRedundant ? 'Enabled' : 'Disabled'
    policies: {
      // Images cannot be copied out to another registry (data exfiltration); Azure accepts this only while public
      // network access is disabled.
      exportPolicy: { status: 'disabled' }
      // Manifests left untagged by a newer push are deleted after 30 days (PSRule Azure.ACR.Retention) rather than the
      // default 7, to leave room for anything that still pulls an old image by digest. Soft delete of artifacts is not
      // set: it exists only in preview API versions and Azure refuses it together with a retention policy.
      retentionPolicy: { status: 'enabled', days: 30 }
    }
  }
}

// SEC-11: logins (who authenticated, from where) and repository events (push, pull, delete).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: registry
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the container registry, the target of its private endpoint (group ID registry).')
output resourceId string = registry.id

@description('Name of the container registry.')
output name string = registry.name
