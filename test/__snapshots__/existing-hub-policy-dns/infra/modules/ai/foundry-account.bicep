metadata description = 'Project-based Microsoft Foundry: an AI Services account reachable only through private endpoints, and one project (FDY-06); the model deployments are a module of their own.'

@description('Name of the Foundry (AI Services) account; also its globally unique custom subdomain.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the account; the models deployed on it must be offered there.')
param location string = resourceGroup().location

@description('Name of the Foundry project.')
@minLength(2)
@maxLength(64)
param projectName string

@description('Description of the project, shown in the Foundry portal.')
param projectDescription string

@description('Hosts the account may call (NET-07): the landing zone\'s own storage blob endpoint, and AI Search\'s where there is one. Every other outbound call is refused. Host names or IP addresses, at most 1000.')
@minLength(1)
@maxLength(1000)
param allowedOutboundHosts string[]

@description('Role assignments on the account alone (SEC-09). Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Resource ID of the Log Analytics workspace that receives the account diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the account and its project.')
param tags object

resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' = {
  name: name
  location: location
  tags: tags
  kind: 'AIServices'
  sku: { name: 'S0' }
  identity: { type: 'SystemAssigned' }
  properties: {
    // Required for Entra ID tokens and private endpoints. The name carries a subscription-derived suffix,
    // so it doubles as the globally unique subdomain.
    customSubDomainName: name
    allowProjectManagement: true
    publicNetworkAccess: 'Disabled' // NET-01
    disableLocalAuth: true // SEC-06: no API keys, Entra ID only
    // NET-07: data loss prevention. The account calls out only for "On your data" (AI Search, Storage) and for
    // batch and fine-tuning files in Blob storage, all of them this landing zone's own services, so every other
    // host is refused. A change of the list takes up to 15 minutes to apply. Learn, "Configure data loss
    // prevention for Azure AI services":
    // https://learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedOutboundHosts
    networkAcls: {
      // Deny is a second lock should public access ever be re-enabled. Trusted Azure services (e.g. AI Search
      // calling embeddings with its managed identity) still get through; with keys disabled they need Entra ID too.
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource project 'Microsoft.CognitiveServices/accounts/projects@2025-12-01' = {
  parent: account
  name: projectName
  location: location
  tags: tags
  // The project's own identity is what its connections and agents use to reach other services (SEC-10).
  identity: { type: 'SystemAssigned' }
  properties: {
    displayName: projectName
    description: projectDescription
  }
}

// SEC-09: scoped to this account alone. The name derives from scope, principal and role, so a redeployment finds
// the same assignment instead of adding a copy.
resource accountRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(account.id, assignment.principalId, assignment.roleDefinitionId)
    scope: account
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
    }
  }
]

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    // SEC-11: audit, request/response metadata, token usage and traces.
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the account, the target of its private endpoint.')
output resourceId string = account.id

@description('Name of the account.')
output name string = account.name

@description('Endpoint of the account; resolves to the private endpoint inside the virtual network.')
output endpoint string = account.properties.endpoint

@description('Principal ID of the account\'s system-assigned identity, for role assignments.')
output principalId string = account.identity.principalId

@description('Name of the project.')
output projectName string = project.name

@description('Principal ID of the project\'s system-assigned identity, for role assignments.')
output projectPrincipalId string = project.identity.principalId
