metadata description = 'One built-in role for one principal on one Cognitive Services (Foundry / AI Services) account, e.g. Cognitive Services OpenAI User for the AI gateway\'s identity (SEC-05, SEC-09).'

@description('Name of the Cognitive Services account, in the resource group this module is deployed to.')
@minLength(2)
@maxLength(64)
param accountName string

@description('GUID of the built-in role definition, e.g. 5e0bd9bd-7b93-4f28-af87-19fc36ad61bd (Cognitive Services OpenAI User).')
@minLength(36)
@maxLength(36)
param roleDefinitionId string

@description('Object ID of the principal that receives the role, e.g. the principalId output of the module that creates a managed identity.')
@minLength(36)
@maxLength(36)
param principalId string

@description('A value that identifies the principal and is known before the deployment starts, used only to name the assignment: the resource ID of the resource that owns the managed identity (e.g. the API Management service), or the object ID itself for a group or user. A principalId that another module outputs is not known in advance, and naming from it would blind what-if.')
@minLength(1)
param principalStableId string

@description('Kind of principal; ServicePrincipal for managed identities, so the assignment does not wait for directory replication.')
@allowed([
  'ServicePrincipal'
  'Group'
  'User'
])
param principalType string = 'ServicePrincipal'

@description('Why the principal holds the role; shown on the assignment in the portal and in access reviews.')
@minLength(1)
param roleAssignmentDescription string

resource account 'Microsoft.CognitiveServices/accounts@2025-12-01' existing = {
  name: accountName
}

// SEC-09: scoped to the one account the principal needs, never to the resource group or subscription. The name is
// derived from scope, principal and role, so a redeployment finds the same assignment instead of adding a copy.
resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, principalStableId, roleDefinitionId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: principalType
    description: roleAssignmentDescription
  }
}

@description('Resource ID of the role assignment.')
output resourceId string = roleAssignment.id
