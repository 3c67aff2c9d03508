metadata description = 'A plain Cognitive Services account, Azure OpenAI or multi-service AI Services, with Entra ID-only access and reachable only through its private endpoint; no projects, no model deployments.'

@description('Name of the account (2-64 letters, digits and hyphens); also its globally unique custom subdomain.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the account; the models deployed to it later must be offered there.')
param location string = resourceGroup().location

@description('Kind of account: OpenAI for an Azure OpenAI account (private DNS zone privatelink.openai.azure.com), AIServices for a multi-service AI Services account that also serves Speech, Language, Vision and the other AI services (zones privatelink.cognitiveservices.azure.com, privatelink.openai.azure.com and privatelink.services.ai.azure.com). Either way the private endpoint group ID is account.')
@allowed([
  'OpenAI'
  'AIServices'
])
param kind string

@description('Role assignments on the account alone (SEC-09). Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Hosts the account may call (NET-07): the landing zone\'s own storage blob endpoint, and AI Search\'s where there is one. Every other outbound call is refused. Host names or IP addresses, at most 1000.')
@minLength(1)
@maxLength(1000)
param allowedOutboundHosts string[]

@description('Resource ID of the Log Analytics workspace that receives the account diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the account.')
param tags object

resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' = {
  name: name
  location: location
  tags: tags
  kind: kind
  sku: { name: 'S0' }
  // SEC-10: the account calls other services (AI Search and Storage for "On your data", Blob for batch and
  // fine-tuning files) with its own identity, never with a stored key.
  identity: { type: 'SystemAssigned' }
  properties: {
    // Required for Entra ID tokens and private endpoints. The name carries a subscription-derived suffix,
    // so it doubles as the globally unique subdomain.
    customSubDomainName: name
    publicNetworkAccess: 'Disabled' // NET-01
    disableLocalAuth: true // SEC-06: no API keys, Entra ID only
    networkAcls: {
      // Deny is a second lock should public access ever be re-enabled. Trusted Azure services (e.g. AI Search
      // running a vectorizer or skill with its managed identity) still get through; with keys disabled they need
      // Entra ID and a role on the account too.
      defaultAction: 'Deny'
      bypass: 'AzureServices'
    }
    // NET-07: data loss prevention. The account calls out only for "On your data" (AI Search, Storage) and for
    // batch and fine-tuning files in Blob storage, all of them this landing zone's own services, so every other
    // host is refused. A change of the list takes up to 15 minutes to apply. Learn, "Configure data loss
    // prevention for Azure AI services":
    // https://learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention
    restrictOutboundNetworkAccess: true
    allowedFqdnList: allowedOutboundHosts
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

@description('Resource ID of the account, the target of its private endpoint (group ID account) and of shared private links from AI Search.')
output resourceId string = account.id

@description('Name of the account.')
output name string = account.name

@description('Endpoint of the account (https://<name>.openai.azure.com/ for OpenAI, https://<name>.cognitiveservices.azure.com/ for AIServices); resolves to the private endpoint inside the virtual network.')
output endpoint string = account.properties.endpoint

@description('Principal ID of the account\'s system-assigned identity, for role assignments.')
output principalId string = account.identity.principalId
