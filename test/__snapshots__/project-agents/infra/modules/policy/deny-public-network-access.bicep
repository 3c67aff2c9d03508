metadata description = 'Assigns the built-in Azure Policy definitions that deny (or audit) public network access on the AI and PaaS resource types of the workload resource group (NET-05, NET-01).'

@description('Resource types to guard, one built-in definition each: cognitiveServices (Foundry / AI Services / Azure OpenAI accounts, and AI Search too, see below), storage, keyVault, search, machineLearning (Machine Learning workspaces and Foundry hubs and projects), containerRegistry, cosmosDb.')
@allowed([
  'cognitiveServices'
  'storage'
  'keyVault'
  'search'
  'machineLearning'
  'containerRegistry'
  'cosmosDb'
])
param resourceTypes array

@description('Effect of every assignment: Deny blocks a create or update that leaves public network access on, Audit only reports it, Disabled switches the check off. Every definition below accepts exactly these three.')
@allowed([
  'Audit'
  'Deny'
  'Disabled'
])
param effect string = 'Deny'

// Built-in definitions, keyed by resource type. The GUIDs are the same in every tenant; each one and its effect
// parameter are taken from the definition's JSON in github.com/Azure/azure-policy (built-in-policies/policyDefinitions).
// Every one names its effect parameter "effect" and allows Audit, Deny and Disabled. The "Configure ... to disable
// public network access" built-ins are not used: they use Modify (rewrite the request) and need Contributor.
var definitions = {
  // "Azure AI Services resources should restrict network access" (Azure Ai Services/NetworkAcls_Audit.json, 3.2.0).
  // It replaces "Cognitive Services accounts should disable public network access" (0725b4dd-7e76-479c-a735-68e7ee23d5ca),
  // which is deprecated. A Cognitive Services account fails it only when publicNetworkAccess is not Disabled AND
  // networkAcls.defaultAction is not Deny; it also fails an AI Search service whose publicNetworkAccess is not Disabled.
  cognitiveServices: {
    definitionId: '037eea7a-bd0a-46c5-9a66-03aea78705d3'
    effectParameterName: 'effect'
    displayName: 'Azure AI Services resources should restrict network access'
  }
  // "Storage accounts should disable public network access" (Storage/StoragePublicNetworkAccess_AuditDeny.json).
  storage: {
    definitionId: 'b2982f36-99f2-4db5-8eff-283140c09693'
    effectParameterName: 'effect'
    displayName: 'Storage accounts should disable public network access'
  }
  // "Azure Key Vault should disable public network access" (Key Vault/AzureKeyVaultPublicNetworkAccess_Audit.json).
  keyVault: {
    definitionId: '405c5871-3e91-4644-8a63-58e19d68ff5b'
    effectParameterName: 'effect'
    displayName: 'Azure Key Vault should disable public network access'
  }
  // "Azure AI Search services should disable public network access" (Search/RequirePublicNetworkAccessDisabled_Deny.json).
  search: {
    definitionId: 'ee980b6d-0eca-4501-8d54-f6290fd512c3'
    effectParameterName: 'effect'
    displayName: 'Azure AI Search services should disable public network access'
  }
  // "Azure Machine Learning Workspaces should disable public network access"
  // (Machine Learning/Workspace_PublicNetworkAccessDisabled_Audit.json). It also fails a workspace that omits
  // publicNetworkAccess, so a Foundry hub's projects must set it explicitly.
  machineLearning: {
    definitionId: '438c38d2-3772-465a-a9cc-7a6666a275ce'
    effectParameterName: 'effect'
    displayName: 'Azure Machine Learning Workspaces should disable public network access'
  }
  // "Public network access should be disabled for Container registries" (Container Registry/ACR_PublicNetworkAccess_AuditDeny.json).
  containerRegistry: {
    definitionId: '0fdf0491-d080-4575-b627-ad0e843cba0f'
    effectParameterName: 'effect'
    displayName: 'Public network access should be disabled for Container registries'
  }
  // "Azure Cosmos DB should disable public network access" (Cosmos DB/Cosmos_PrivateNetworkAccess_AuditDeny.json).
  cosmosDb: {
    definitionId: '797b37f7-06b8-444c-b1ad-fc62867f335a'
    effectParameterName: 'effect'
    displayName: 'Azure Cosmos DB should disable public network access'
  }
}

// NET-05: policy keeps the posture after the deployment: a resource someone adds or changes later in this resource
// group cannot re-open public access (Deny), or at least shows up as non-compliant (Audit). The name depends only on
// the resource type, so a redeployment updates the same assignment; the longest is 37 characters (limit 64).
resource assignments 'Microsoft.Authorization/policyAssignments@2024-04-01' = [
  for resourceType in resourceTypes: {
    name: 'deny-public-network-${resourceType}'
    properties: {
      displayName: 'NET-05: ${definitions[resourceType].displayName}'
      description: 'Keeps public network access off for ${resourceType} resources in this resource group: they are reached only through private endpoints (NET-01, NET-05). Effect: ${effect}.'
      policyDefinitionId: tenantResourceId(
        'Microsoft.Authorization/policyDefinitions',
        definitions[resourceType].definitionId
      )
      enforcementMode: 'Default'
      parameters: {
        '${definitions[resourceType].effectParameterName}': {
          value: effect
        }
      }
      nonComplianceMessages: [
        {
          message: 'Public network access must be disabled: reach this resource through a private endpoint in the landing zone\'s virtual network (NET-01, NET-05).'
        }
      ]
    }
  }
]

@description('Resource IDs of the policy assignments, in the order of resourceTypes.')
output resourceIds array = [for (resourceType, i) in resourceTypes: assignments[i].id]
