metadata description = 'Foundry Agent Service standard setup for one project of a network-injected Foundry account: the project\'s connections to its own Cosmos DB (threads), Storage (files) and AI Search (vectors), the project capability host, and the project identity\'s roles in the order the capability host needs them (FDY-06, SEC-06, SEC-09, SEC-10).'

@description('Name of the Foundry (AI Services) account, in the resource group this module is deployed to. The account must already carry its agent subnet in networkInjections; the platform then creates the account-level capability host itself.')
@minLength(2)
@maxLength(64)
param accountName string

@description('Name of the Foundry project of that account that hosts the agents.')
@minLength(2)
@maxLength(64)
param projectName string

@description('Principal ID of the project\'s system-assigned identity (the projectPrincipalId output of the account module). The capability host and the agents reach Cosmos DB, Storage and AI Search with it.')
@minLength(36)
@maxLength(36)
param projectPrincipalId string

@description('Name of the Cosmos DB for NoSQL account for agent threads, in this resource group (the name output of cosmos-db.bicep). Give every Foundry account its own.')
@minLength(3)
@maxLength(44)
param cosmosDbAccountName string

@description('Name of the storage account for agent files, in this resource group. Give the agents one of their own: the project identity receives Storage Blob Data Contributor on the whole account (SEC-09).')
@minLength(3)
@maxLength(24)
param storageAccountName string

@description('Name of the AI Search service for agent vector stores, in this resource group.')
@minLength(2)
@maxLength(60)
param searchServiceName string

@description('Name of the project capability host. Never change it after the first deployment: a project holds exactly one capability host (another name gets 409 Conflict) and a capability host cannot be updated, only deleted and recreated.')
@minLength(3)
@maxLength(32)
param capabilityHostName string = 'agents'

// Built-in roles (Azure RBAC).
var cosmosDbOperatorRoleId = '230815da-be43-4aae-9cb4-875f7bd000aa'
var storageBlobDataContributorRoleId = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageBlobDataOwnerRoleId = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var searchIndexDataContributorRoleId = '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
var searchServiceContributorRoleId = '7ca78c08-252a-4471-8644-bb5ff32d4ba0'

// The capability host creates this database (and the project's containers in it) in the Cosmos DB account.
var agentDatabaseName = 'enterprise_memory'

resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' existing = {
  name: accountName
}

resource project 'Microsoft.CognitiveServices/accounts/projects@2025-12-01' existing = {
  parent: account
  name: projectName
}

resource cosmosDb 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' existing = {
  name: cosmosDbAccountName
}

// Cosmos DB Built-in Data Contributor, a data-plane (SQL) role defined in every account.
resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2025-10-15' existing = {
  parent: cosmosDb
  name: '00000000-0000-0000-0000-000000000002'
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource searchService 'Microsoft.Search/searchServices@2025-05-01' existing = {
  name: searchServiceName
}

// The project's internal ID (32 hex digits) prefixes the blob containers and Cosmos DB containers the capability
// host creates, written as a GUID. The type library lacks the property; the Foundry baseline
// (Azure-Samples/microsoft-foundry-baseline, ai-foundry-project.bicep) and AVM ai-foundry read it the same way.
#disable-next-line BCP053
var projectInternalId = project.properties.internalId
var projectWorkspaceId = '${substring(projectInternalId, 0, 8)}-${substring(projectInternalId, 8, 4)}-${substring(projectInternalId, 12, 4)}-${substring(projectInternalId, 16, 4)}-${substring(projectInternalId, 20, 12)}'

// ---------------------------------------------------------------------------------------------------------------
// 1. Connections. All three are required: the capability host rejects an empty or missing thread, file or vector
//    connection. Entra ID only (SEC-06, SEC-10): the project identity authenticates, no key is stored. They are
//    created one at a time; parallel writes to one project fail with conflicts (Foundry baseline).
// ---------------------------------------------------------------------------------------------------------------

resource threadStorageConnection 'Microsoft.CognitiveServices/accounts/projects/connections@2025-12-01' = {
  parent: project
  name: 'agents-thread-storage'
  properties: {
    category: 'CosmosDB'
    target: cosmosDb.properties.documentEndpoint
    authType: 'AAD'
    metadata: {
      ApiType: 'Azure'
      ResourceId: cosmosDb.id
      location: cosmosDb.location
    }
  }
}

resource fileStorageConnection 'Microsoft.CognitiveServices/accounts/projects/connections@2025-12-01' = {
  parent: project
  name: 'agents-file-storage'
  properties: {
    // AzureStorageAccount, not AzureBlob: the capability host accepts only this category (AVM ai-foundry).
    category: 'AzureStorageAccount'
    target: storageAccount.properties.primaryEndpoints.blob
    authType: 'AAD'
    metadata: {
      ApiType: 'Azure'
      ResourceId: storageAccount.id
      location: storageAccount.location
    }
  }
  dependsOn: [threadStorageConnection]
}

resource vectorStoreConnection 'Microsoft.CognitiveServices/accounts/projects/connections@2025-12-01' = {
  parent: project
  name: 'agents-vector-store'
  properties: {
    category: 'CognitiveSearch'
    target: searchService.properties.endpoint
    authType: 'AAD'
    metadata: {
      ApiType: 'Azure'
      ResourceId: searchService.id
      location: searchService.location
    }
  }
  dependsOn: [fileStorageConnection]
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Roles the capability host needs while it is created (SEC-09: each on the one resource it concerns). Assignment
//    names derive from the project's resource ID, known before the deployment starts, not from the principal ID
//    another module outputs, so what-if can name them.
// ---------------------------------------------------------------------------------------------------------------

// Control plane: the capability host creates the enterprise_memory database and its containers through Azure
// Resource Manager with this role (account keys and key-based metadata writes are disabled).
resource cosmosDbOperator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cosmosDb.id, project.id, cosmosDbOperatorRoleId)
  scope: cosmosDb
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cosmosDbOperatorRoleId)
    principalId: projectPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Foundry Agent Service capability host of project ${projectName}: creates the thread database and containers.'
  }
}

// Creates the project's blob containers and reads and writes agent files.
resource storageBlobDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, project.id, storageBlobDataContributorRoleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      storageBlobDataContributorRoleId
    )
    principalId: projectPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Foundry Agent Service of project ${projectName}: agent file storage.'
  }
}

// Vector stores: the agents create and fill their own indexes.
resource searchIndexDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(searchService.id, project.id, searchIndexDataContributorRoleId)
  scope: searchService
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      searchIndexDataContributorRoleId
    )
    principalId: projectPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Foundry Agent Service of project ${projectName}: vector store data.'
  }
}

resource searchServiceContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(searchService.id, project.id, searchServiceContributorRoleId)
  scope: searchService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', searchServiceContributorRoleId)
    principalId: projectPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Foundry Agent Service of project ${projectName}: vector store index definitions.'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. The project capability host: the standard setup, with every thread, file and vector in the customer's own
//    private resources. No account-level capability host: with networkInjections on the account the platform creates
//    it, and a second one at the same scope fails with 409 Conflict (AVM ai-foundry; foundry-samples 15 creates none).
// ---------------------------------------------------------------------------------------------------------------

resource capabilityHost 'Microsoft.CognitiveServices/accounts/projects/capabilityHosts@2025-12-01' = {
  parent: project
  name: capabilityHostName
  properties: {
    // Missing from the type library but part of the REST body: Learn, "Capability hosts" (PUT
    // .../projects/{projectName}/capabilityHosts/{name}) and foundry-samples 15 add-project-capability-host.bicep.
    #disable-next-line BCP037
    capabilityHostKind: 'Agents'
    threadStorageConnections: [threadStorageConnection.name]
    storageConnections: [fileStorageConnection.name]
    vectorStoreConnections: [vectorStoreConnection.name]
  }
  dependsOn: [
    cosmosDbOperator
    storageBlobDataContributor
    searchIndexDataContributor
    searchServiceContributor
  ]
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Roles on what the capability host has just created.
// ---------------------------------------------------------------------------------------------------------------

// Data plane on the database the capability host created: every container of the project, including those the
// current runtime adds on demand (agent-definitions-v1, run-state-v1, vector-store containers), which is why the
// scope is the database and not a list of containers (Learn, standard agent setup; AILZ v2.0.16, issue #94).
resource cosmosDbDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: cosmosDb
  name: guid(cosmosDb.id, project.id, cosmosDataContributor.id, agentDatabaseName)
  properties: {
    roleDefinitionId: cosmosDataContributor.id
    principalId: projectPrincipalId
    scope: '${cosmosDb.id}/dbs/${agentDatabaseName}'
  }
  dependsOn: [capabilityHost]
}

// Owner of the project's own blob containers. The ABAC condition confines the tag operations Owner adds over
// Contributor to containers whose names start with the project's workspace ID (Foundry baseline; foundry-samples 15
// blob-storage-container-role-assignments.bicep), so other projects' containers stay out of reach for them.
resource storageBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, project.id, storageBlobDataOwnerRoleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwnerRoleId)
    principalId: projectPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Foundry Agent Service of project ${projectName}: owner of the project\'s agent containers.'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/read\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/filter/action\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/write\'})) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWithIgnoreCase \'${projectWorkspaceId}\'))'
  }
  dependsOn: [capabilityHost]
}

@description('Name of the project capability host.')
output capabilityHostName string = capabilityHost.name

@description('Resource ID of the project capability host.')
output capabilityHostResourceId string = capabilityHost.id

@description('Workspace ID of the project as a GUID: the prefix of the blob containers and Cosmos DB containers the capability host creates.')
output projectWorkspaceId string = projectWorkspaceId

@description('Name of the Cosmos DB database that holds the agent threads.')
output threadDatabaseName string = agentDatabaseName

@description('Names of the project connections the capability host uses, for thread storage, file storage and the vector store.')
output connectionNames object = {
  threadStorage: threadStorageConnection.name
  fileStorage: fileStorageConnection.name
  vectorStore: vectorStoreConnection.name
}
