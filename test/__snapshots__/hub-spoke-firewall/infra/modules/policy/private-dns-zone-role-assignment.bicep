metadata description = 'Network Contributor on one private DNS zone for the managed identity of a deploy-if-not-exists policy assignment, so that the policy can register private endpoints in the zone (NET-05, SEC-09). Deployed to the zone\'s resource group, which may be the hub\'s or a central connectivity subscription\'s.'

@description('Name of the private DNS zone, in the resource group this module is deployed to, e.g. privatelink.vaultcore.azure.net.')
@minLength(1)
@maxLength(63)
param privateDnsZoneName string

@description('Object ID of the policy assignment\'s system-assigned managed identity.')
@minLength(36)
@maxLength(36)
param principalId string

@description('A value that identifies the principal and is known before the deployment starts, used only to name the assignment: the resource ID of the policy assignment. The principalId is only known once the assignment exists, and naming from it would blind what-if.')
@minLength(1)
param principalStableId string

// Built-in role "Network Contributor": the one role that the built-in "Configure ... private DNS zones" definitions list
// in roleDefinitionIds. Linking an endpoint to a zone needs Microsoft.Network/privateDnsZones/join/action on the zone.
var networkContributorRoleId = '4d97b98b-1d4f-4787-a291-c67834d212e7'

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: privateDnsZoneName
}

// SEC-09: scoped to the one zone the policy writes into, not to the (shared, hub) resource group of every zone.
// The name depends only on inputs known before the deployment, so a redeployment finds the same assignment.
resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(privateDnsZone.id, principalStableId, networkContributorRoleId)
  scope: privateDnsZone
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', networkContributorRoleId)
    principalId: principalId
    // The identity was created moments earlier with its policy assignment; naming its type lets Azure create the
    // assignment without looking the principal up in a directory replica that may not know it yet.
    principalType: 'ServicePrincipal'
    description: 'Lets the policy assignment ${last(split(principalStableId, '/'))} add private endpoints to ${privateDnsZoneName} (NET-05).'
  }
}

@description('Resource ID of the role assignment.')
output resourceId string = roleAssignment.id
