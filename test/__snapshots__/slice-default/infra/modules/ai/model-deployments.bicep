metadata description = 'Model deployments on an AI Services or Azure OpenAI account, every one behind a content filter with prompt shields (SEC-03).'

@description('Name of the account that serves the models, in the resource group this module is deployed to.')
@minLength(2)
@maxLength(64)
param accountName string

@description('Model deployments. Each item: { name: string, model: string, format: string, version: string, skuName: string, capacity: int }, e.g. { name: \'gpt-4.1\', model: \'gpt-4.1\', format: \'OpenAI\', version: \'2025-04-14\', skuName: \'GlobalStandard\', capacity: 10 }; capacity is in thousands of tokens per minute.')
@minLength(1)
param modelDeployments array

@description('Tags applied to the content filter and the model deployments.')
param tags object

resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' existing = {
  name: accountName
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
}

// The account accepts one change at a time: the deployments wait for the policy and for each other, otherwise
// ARM answers 409 "Another operation is being performed on the parent resource".
@batchSize(1)
resource deployments 'Microsoft.CognitiveServices/accounts/deployments@2025-12-01' = [
  for deployment in modelDeployments: {
    parent: account
    name: deployment.name
    tags: tags
    sku: { name: deployment.skuName, capacity: deployment.capacity }
    properties: {
      model: { format: deployment.format, name: deployment.model, version: deployment.version }
      // Keeps the version the parameter file pins until Microsoft retires it, then upgrades instead of breaking.
      versionUpgradeOption: 'OnceCurrentVersionExpired'
      raiPolicyName: contentFilter.name
    }
  }
]

@description('Name of the content filter every deployment uses.')
output contentFilterName string = contentFilter.name

@description('Names of the model deployments, the names callers put in their requests.')
output deploymentNames array = [for (deployment, index) in modelDeployments: deployments[index].name]
