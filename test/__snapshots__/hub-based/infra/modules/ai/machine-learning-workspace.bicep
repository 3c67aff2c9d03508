metadata description = 'Azure Machine Learning workspace reachable only through its private endpoint, whose managed virtual network lets out only approved traffic, on the landing zone\'s storage, key vault and registry with Entra ID.'

@description('Name of the workspace (3-33 letters, digits, hyphens and underscores, starting with a letter or digit).')
@minLength(3)
@maxLength(33)
param name string

@description('Azure region of the workspace.')
param location string = resourceGroup().location

@description('Resource ID of the workspace\'s default storage account (StorageV2, no hierarchical namespace, shared keys off; the workspace reaches it with its managed identity).')
param storageAccountResourceId string

@description('Resource ID of the workspace\'s key vault (RBAC mode).')
param keyVaultResourceId string

@description('Resource ID of the workspace\'s container registry; Premium, since the managed network reaches it through a private endpoint.')
param containerRegistryResourceId string

@description('Private endpoints the managed virtual network opens to other services of the landing zone. Each item: { name: string, serviceResourceId: string, subresourceTarget: string }, e.g. { name: \'search\', serviceResourceId: <AI Search ID>, subresourceTarget: \'searchService\' } or { name: \'ai-services\', serviceResourceId: <AI Services account ID>, subresourceTarget: \'account\' }. Names must be unique within the workspace. The storage account, key vault and registry above need no rule: Azure adds theirs.')
param privateEndpointOutboundRules array

@description('Role assignments on the workspace alone (SEC-09). Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Resource ID of the Log Analytics workspace that receives the workspace diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the workspace.')
param tags object

// Outbound rules are a dictionary keyed by rule name.
var privateEndpointRules = toObject(privateEndpointOutboundRules, rule => rule.name, rule => {
  type: 'PrivateEndpoint'
  destination: {
    serviceResourceId: rule.serviceResourceId
    subresourceTarget: rule.subresourceTarget
    // No serverless Spark in this landing zone; Spark-enabled endpoints need a separate Spark provisioning.
    sparkEnabled: false
  }
})

// 2026-05-01 is the newest stable API version the compiler knows; its types have provisionNetworkNow and
// systemDatastoresAuthMode, as every stable version's have since 2025-06-01. allowRoleAssignmentOnRG exists only in preview versions, so it is
// not set. applicationInsights is optional in the API (Microsoft's own identity-storage example omits it), so
// none is attached; online endpoints then log to Azure Monitor only.
resource workspace 'Microsoft.MachineLearningServices/workspaces@2026-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'Default'
  sku: { name: 'Basic', tier: 'Basic' }
  // SEC-10: the workspace reaches its storage, key vault and registry with its own identity; Azure assigns the
  // roles it needs there when it creates the workspace.
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: name
    // Shared with the rest of the landing zone, each locked down on its own (NET-01, SEC-06).
    storageAccount: storageAccountResourceId
    keyVault: keyVaultResourceId
    containerRegistry: containerRegistryResourceId
    // SEC-06: the storage account accepts no shared keys, so the system datastores use Entra ID instead of account keys.
    systemDatastoresAuthMode: 'identity'
    // NET-01: reachable only through its private endpoint (group amlworkspace, created by the caller).
    publicNetworkAccess: 'Disabled'
    allowPublicAccessWhenBehindVnet: false
    managedNetwork: {
      // NET-07: compute instances, clusters, serverless jobs and managed endpoints reach only Azure's required
      // service tags, the private endpoints to the storage, key vault and registry above, and the rules below.
      // No FQDN rule, so Azure creates no managed firewall (and bills none).
      isolationMode: 'AllowOnlyApprovedOutbound'
      outboundRules: privateEndpointRules
    }
    // Build the managed network now rather than at the first compute, so its private endpoints are in place and
    // the first compute instance or online deployment does not time out waiting for the network.
    provisionNetworkNow: true
  }
}

// SEC-09: scoped to this workspace alone. The name derives from scope, principal and role, so a redeployment finds
// the same assignment instead of adding a copy.
resource workspaceRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(workspace.id, assignment.principalId, assignment.roleDefinitionId)
    scope: workspace
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
    }
  }
]

// May approve the private endpoints the managed network opens to this resource group's services (NET-07). Azure no
// longer grants it by itself; a first deployment may therefore leave those endpoints pending: deploy once more. The
// name derives from the workspace's ID, known in advance, not from its identity's.
var networkConnectionApproverRoleId = 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea' // Azure AI Enterprise Network Connection Approver

resource networkApprover 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, workspace.id, networkConnectionApproverRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', networkConnectionApproverRoleId)
    principalId: workspace.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'The workspace\'s managed network opens private endpoints to the services of this resource group (NET-07).'
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    // SEC-11: compute, job, model, deployment and data events.
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the workspace, the target of its private endpoint (group ID amlworkspace; zones privatelink.api.azureml.ms and privatelink.notebooks.azure.net).')
output resourceId string = workspace.id

@description('Name of the workspace.')
output name string = workspace.name

@description('Principal ID of the workspace\'s system-assigned identity, for role assignments.')
output principalId string = workspace.identity.principalId
