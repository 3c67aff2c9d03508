metadata description = 'Azure AI Search with Entra ID-only access, reachable only through its private endpoint, reaching the landing zone\'s private services through shared private links.'

@description('Name of the search service (2-60 lowercase letters, digits and hyphens, no leading, trailing or double hyphen); globally unique, as it is the host name <name>.search.windows.net.')
@minLength(2)
@maxLength(60)
param name string

@description('Azure region of the search service.')
param location string = resourceGroup().location

@description('Pricing tier. basic: private endpoint, shared private links for indexers and embedding skills, at most 3 replicas and 4 distinct shared-private-link group IDs, no private connection for other skills. standard (S1): all of that plus private connections for skillsets, up to 12 replicas and 7 group IDs.')
@allowed([
  'basic'
  'standard'
])
param skuName string

@description('Number of replicas: 3 for the SLA on queries and indexing (production), 2 for the SLA on queries only, 1 for no SLA (development). At most 3 on basic, 12 on standard.')
@minValue(1)
@maxValue(12)
param replicaCount int

@description('Shared private links the service uses to reach private resources, created one after the other. Each item: { name: string (1-60 letters, digits, _ . -), privateLinkResourceId: string, groupId: string, requestMessage: string }, e.g. { name: \'storage-blob\', privateLinkResourceId: <storage account ID>, groupId: \'blob\', requestMessage: \'AI Search indexers read documents\' }. Group IDs: blob/table/dfs/file for storage; openai_account (Azure OpenAI embeddings, vectorizers) for an OpenAI or AIServices account; cognitiveservices_account (built-in skills, keyless billing) and foundry_account (GenAI prompt, Content Understanding and other Foundry-hosted model skills) for an AIServices account. Each link stays Pending until the owner of the target approves it.')
param sharedPrivateLinks array

@description('Role assignments on the search service alone (SEC-09). Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Resource ID of the Log Analytics workspace that receives the search service diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the search service.')
param tags object

resource searchService 'Microsoft.Search/searchServices@2025-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: skuName }
  // SEC-10: indexers, vectorizers and skills reach Storage and the AI services with this identity, not with keys
  // or connection strings.
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: replicaCount
    // One partition holds a basic (15 GB) or S1 (160 GB) index; scale out later without redeploying.
    partitionCount: 1
    hostingMode: 'Default'
    publicNetworkAccess: 'disabled' // NET-01 (the API spells the value in lower case)
    // SEC-06: no admin or query keys, Entra ID only. authOptions must then be absent; the API rejects both together.
    disableLocalAuth: true
    networkRuleSet: {
      // Trusted services (Microsoft.CognitiveServices: Azure OpenAI "On your data", Foundry agents; and
      // Microsoft.MachineLearningServices) call the index from Microsoft's backbone, not from the virtual network,
      // so they need this exception even with public access disabled. It lets no one in unauthenticated: each
      // caller's managed identity still needs a Search role, as local auth is off.
      bypass: 'AzureServices'
    }
    // The free plan of the semantic ranker, the service's own default: agentic retrieval and the semantic and hybrid
    // queries of Foundry agents need it, and it stops at 1,000 queries a month instead of billing more.
    semanticSearch: 'free'
  }
}

// The service accepts one shared-private-link write at a time; parallel writes fail with Conflict
// (hashicorp/terraform-provider-azurerm#28601; the Search team's confirmation is quoted in #28766).
@batchSize(1)
resource sharedPrivateLinkResources 'Microsoft.Search/searchServices/sharedPrivateLinkResources@2025-05-01' = [
  for link in sharedPrivateLinks: {
    parent: searchService
    name: link.name
    properties: {
      privateLinkResourceId: link.privateLinkResourceId
      groupId: link.groupId
      requestMessage: link.requestMessage
    }
  }
]

// SEC-09: scoped to this search service alone. The name derives from scope, principal and role, so a redeployment finds
// the same assignment instead of adding a copy.
resource searchServiceRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(searchService.id, assignment.principalId, assignment.roleDefinitionId)
    scope: searchService
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
  scope: searchService
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    // SEC-11: every query, indexing and management operation, with its caller and latency.
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the search service, the target of its private endpoint (group ID searchService, zone privatelink.search.windows.net).')
output resourceId string = searchService.id

@description('Name of the search service.')
output name string = searchService.name

@description('Principal ID of the search service\'s system-assigned identity, for role assignments on Storage and the AI services.')
output principalId string = searchService.identity.principalId
