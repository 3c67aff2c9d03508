metadata description = 'Hub-based Microsoft Foundry: a hub reachable only through its private endpoint, whose managed virtual network lets out only approved traffic, one project and an Entra ID connection to the AI Services account (FDY-02..FDY-05).'

@description('Name of the hub (3-33 letters, digits, hyphens and underscores, starting with a letter or digit).')
@minLength(3)
@maxLength(33)
param name string

@description('Azure region of the hub and its project.')
param location string = resourceGroup().location

@description('Name of the hub-based project (3-33 letters, digits, hyphens and underscores, starting with a letter or digit).')
@minLength(3)
@maxLength(33)
param projectName string

@description('Resource ID of the hub\'s default storage account (shared keys off; the hub reaches it with its managed identity).')
param storageAccountResourceId string

@description('Resource ID of the hub\'s key vault (RBAC mode).')
param keyVaultResourceId string

@description('Resource ID of the hub\'s Premium container registry.')
param containerRegistryResourceId string

@description('Name of the AI Services account, in this resource group, that the hub connects to with Entra ID.')
param aiServicesAccountName string

@description('Private endpoints the managed virtual network opens to the customer\'s own services. Each item: { name: string, serviceResourceId: string, subresourceTarget: string }, e.g. { name: \'search\', serviceResourceId: <AI Search ID>, subresourceTarget: \'searchService\' } or { name: \'ai-services\', serviceResourceId: <AI Services account ID>, subresourceTarget: \'account\' }. Names must be unique within the hub.')
param privateEndpointOutboundRules array

@description('Tier of the Azure Firewall that Azure runs in the managed virtual network to enforce the FQDN rules. Basic filters FQDNs as well as Standard for a fraction of the price; Standard adds throughput this egress does not need.')
@allowed([
  'Basic'
  'Standard'
])
param managedFirewallSku string = 'Basic'

@description('Role assignments on the hub and on its project, each on both (SEC-09): a project is a resource of its own, not a child of the hub, so a role on the hub alone does not reach it. Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Resource ID of the Log Analytics workspace that receives the hub and project diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the hub and its project.')
param tags object

// Hosts the managed network may reach beyond the private endpoints: the Python package index, so compute instances,
// prompt flow runtimes and environment builds can install packages (Microsoft's "access public machine learning
// packages" scenario; pip lists on pypi.org and downloads from files.pythonhosted.org). Nothing else is required:
// Azure adds the service tags the hub needs (Microsoft Entra ID, Resource Manager, Azure ML, Batch, Microsoft
// Container Registry, Azure Monitor) and the private endpoints to the hub, storage, key vault and registry itself.
// Sources: https://learn.microsoft.com/azure/ai-foundry/how-to/configure-managed-network#list-of-required-rules and
// #scenario-access-public-machine-learning-packages. Every host added here is a possible exfiltration path (NET-07).
var approvedOutboundFqdns = [
  'pypi.org'
  'files.pythonhosted.org'
]

// FDY-04: outbound rules are a dictionary keyed by rule name.
var fqdnRules = toObject(
  approvedOutboundFqdns,
  fqdn => 'allow-${replace(fqdn, '.', '-')}',
  fqdn => { type: 'FQDN', destination: fqdn }
)
var privateEndpointRules = toObject(privateEndpointOutboundRules, rule => rule.name, rule => {
  type: 'PrivateEndpoint'
  destination: {
    serviceResourceId: rule.serviceResourceId
    subresourceTarget: rule.subresourceTarget
    // No serverless Spark in this landing zone; Spark-enabled endpoints need a separate Spark provisioning.
    sparkEnabled: false
  }
})

resource aiServicesAccount 'Microsoft.CognitiveServices/accounts@2025-12-01' existing = {
  name: aiServicesAccountName
}

// 2026-05-01 is the newest stable API version that has provisionNetworkNow, systemDatastoresAuthMode and
// managedNetwork.firewallSku (all three arrived in 2025-06-01). allowRoleAssignmentOnRG exists only in preview
// versions, so it is not set: the hub keeps the role assignments Azure gives its identity on this resource group.
resource hub 'Microsoft.MachineLearningServices/workspaces@2026-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'Hub'
  sku: { name: 'Basic', tier: 'Basic' }
  // SEC-10: the hub reaches its storage, key vault, registry and connections with its own identity.
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: name
    description: 'Foundry hub of project ${projectName}.'
    // FDY-05: the associated services exist already, each locked down on its own.
    storageAccount: storageAccountResourceId
    keyVault: keyVaultResourceId
    containerRegistry: containerRegistryResourceId
    // SEC-06: the storage account accepts no shared keys, so the system datastores use Entra ID instead of account keys.
    systemDatastoresAuthMode: 'identity'
    // FDY-02, NET-01: reachable only through its private endpoint (group amlworkspace, created by the caller).
    publicNetworkAccess: 'Disabled'
    allowPublicAccessWhenBehindVnet: false
    managedNetwork: {
      // FDY-03, NET-07: compute, serverless and managed endpoints can reach only the private endpoints and hosts below.
      isolationMode: 'AllowOnlyApprovedOutbound'
      firewallSku: managedFirewallSku
      outboundRules: union(privateEndpointRules, fqdnRules)
    }
    // FDY-03: build the managed network now rather than at the first compute, so its private endpoints are in place
    // (not left inactive) and the first compute instance does not time out waiting for the network.
    provisionNetworkNow: true
  }
}

// Shared with every project of the hub; Entra ID, no key is stored in the hub (SEC-06, SEC-10).
resource aiServicesConnection 'Microsoft.MachineLearningServices/workspaces/connections@2026-05-01' = {
  parent: hub
  name: 'ai-services'
  properties: {
    category: 'AIServices'
    authType: 'AAD'
    isSharedToAll: true
    target: aiServicesAccount.properties.endpoint
    metadata: {
      ApiType: 'Azure'
      ResourceId: aiServicesAccount.id
      Location: aiServicesAccount.location
    }
  }
}

resource project 'Microsoft.MachineLearningServices/workspaces@2026-05-01' = {
  name: projectName
  location: location
  tags: tags
  kind: 'Project'
  sku: { name: 'Basic', tier: 'Basic' }
  // The project's own identity is what its flows, evaluations and deployments use to reach other services (SEC-10).
  identity: { type: 'SystemAssigned' }
  properties: {
    friendlyName: projectName
    description: 'Project of Foundry hub ${name}.'
    // The project inherits the hub's managed network, storage, key vault, registry and connections; it sets no
    // managed network of its own (Azure rejects one).
    hubResourceId: hub.id
    systemDatastoresAuthMode: 'identity'
    publicNetworkAccess: 'Disabled' // NET-01
  }
}

// SEC-09: the name derives from scope, principal and role, so a redeployment finds the same assignment instead of
// adding a copy.
resource hubRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(hub.id, assignment.principalId, assignment.roleDefinitionId)
    scope: hub
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
    }
  }
]

resource projectRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(project.id, assignment.principalId, assignment.roleDefinitionId)
    scope: project
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
    }
  }
]

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: last(split(storageAccountResourceId, '/'))
}

// Roles of the hub's and the project's own identities (SEC-10); their principal IDs exist only once the workspaces do,
// so the names derive from the workspaces' IDs, which are known in advance.
var identityRoles = {
  // May approve the private endpoints the managed network opens to this resource group's services (FDY-04). Azure no
  // longer grants it by itself; a first deployment may therefore leave those endpoints pending: deploy once more.
  networkConnectionApprover: 'b556d68e-0be0-4f35-a333-ad7ee1ce17ea' // Azure AI Enterprise Network Connection Approver
  cognitiveServicesUser: 'a97b65f3-24c7-4388-baec-2e87135dc908'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageFileDataPrivilegedContributor: '69566ab7-960f-475b-8e7c-b3118f30c6bd'
}

resource hubNetworkApprover 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(resourceGroup().id, hub.id, identityRoles.networkConnectionApprover)
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      identityRoles.networkConnectionApprover
    )
    principalId: hub.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'The hub\'s managed network opens private endpoints to the services of this resource group (FDY-04).'
  }
}

// The project calls the models and AI services through the Entra ID connection with its own identity.
resource projectAiServicesUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(aiServicesAccount.id, project.id, identityRoles.cognitiveServicesUser)
  scope: aiServicesAccount
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      identityRoles.cognitiveServicesUser
    )
    principalId: project.identity.principalId
    principalType: 'ServicePrincipal'
    description: 'The Foundry project calls the models and AI services of the connected account.'
  }
}

// With shared keys off, prompt flow and the project's data live in blobs and file shares the project reaches with Entra ID.
resource projectStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleDefinitionId in [identityRoles.storageBlobDataContributor, identityRoles.storageFileDataPrivilegedContributor]: {
    name: guid(storageAccount.id, project.id, roleDefinitionId)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
      principalId: project.identity.principalId
      principalType: 'ServicePrincipal'
      description: 'The Foundry project keeps its flows and data in the storage account with its own identity.'
    }
  }
]

// SEC-11: compute, job, model and deployment events of the hub and of the project.
resource hubDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: hub
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource projectDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: project
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the hub, the target of its private endpoint (group ID amlworkspace; zones privatelink.api.azureml.ms and privatelink.notebooks.azure.net).')
output resourceId string = hub.id

@description('Name of the hub.')
output name string = hub.name

@description('Principal ID of the hub\'s system-assigned identity, for role assignments.')
output principalId string = hub.identity.principalId

@description('Resource ID of the project, the scope of role assignments for the people who work in it.')
output projectResourceId string = project.id

@description('Name of the project.')
output projectName string = project.name

@description('Principal ID of the project\'s system-assigned identity, for role assignments.')
output projectPrincipalId string = project.identity.principalId
