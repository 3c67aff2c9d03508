metadata description = 'Project-based Microsoft Foundry: an AI Services account reachable only through private endpoints, one project and its model deployments (FDY-06).'

@description('Name of the Foundry (AI Services) account; also its globally unique custom subdomain.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the account; the models in modelDeployments must be offered there.')
param location string = resourceGroup().location

@description('Name of the Foundry project.')
@minLength(2)
@maxLength(64)
param projectName string

@description('Description of the project, shown in the Foundry portal.')
param projectDescription string

@description('Model deployments. Each item: { name: string, model: string, version: string, skuName: string, capacity: int }, e.g. { name: \'gpt-4.1\', model: \'gpt-4.1\', version: \'2025-04-14\', skuName: \'GlobalStandard\', capacity: 10 }.')
param modelDeployments array

@description('Resource ID of the Log Analytics workspace that receives the account diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the account, its project and its model deployments.')
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

// SEC-03: the content filter of every model deployment. Microsoft.DefaultV2 blocks harmful content and
// direct jailbreaks; this policy also blocks indirect attacks (instructions hidden in documents, search
// results or tool output), which retrieval and agents expose a model to, and protected material.
var harmCategories = ['Hate', 'Sexual', 'Violence', 'Selfharm']
var promptShields = [
  { name: 'Jailbreak', enabled: true, blocking: true, source: 'Prompt' }
  { name: 'Indirect Attack', enabled: true, blocking: true, source: 'Prompt' }
  { name: 'Protected Material Text', enabled: true, blocking: true, source: 'Completion' }
  // Flagged, not blocked, as in DefaultV2: blocking would refuse code answers that resemble public repositories.
  { name: 'Protected Material Code', enabled: true, blocking: false, source: 'Completion' }
]

// The account accepts one change at a time: the policy waits for the project, the deployments for the
// policy and for each other, otherwise ARM answers 409 "Another operation is being performed on the parent resource".
resource contentFilter 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-12-01' = {
  parent: account
  name: 'prompt-shields'
  tags: tags
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'Default'
    contentFilters: concat(
      map(
        harmCategories,
        category => { name: category, enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Prompt' }
      ),
      map(
        harmCategories,
        category => { name: category, enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Completion' }
      ),
      promptShields
    )
  }
  dependsOn: [project]
}

@batchSize(1)
resource deployments 'Microsoft.CognitiveServices/accounts/deployments@2025-12-01' = [
  for deployment in modelDeployments: {
    parent: account
    name: deployment.name
    tags: tags
    sku: { name: deployment.skuName, capacity: deployment.capacity }
    properties: {
      model: { format: 'OpenAI', name: deployment.model, version: deployment.version }
      // Keeps the version the parameter file pins until Microsoft retires it, then upgrades instead of breaking.
      versionUpgradeOption: 'OnceCurrentVersionExpired'
      raiPolicyName: contentFilter.name
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
