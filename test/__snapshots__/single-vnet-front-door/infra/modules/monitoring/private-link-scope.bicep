metadata description = 'Azure Monitor Private Link Scope: the Azure Monitor resources of the landing zone, reached through its private endpoint, with ingestion and queries from that network limited to them (NET-01, NET-02).'

@description('Name of the private link scope.')
@minLength(1)
@maxLength(255)
param name string

@description('Resource IDs of the Azure Monitor resources the network reaches through the scope: Log Analytics workspaces, Application Insights components and data collection endpoints. Name each once: a resource links to a scope once.')
@minLength(1)
param scopedResourceIds array

@description('Tags applied to the scope.')
param tags object

// PrivateOnly both ways: the networks behind the scope's endpoint send to and query only the resources linked here, so
// logs cannot leave for another tenant's workspace over Azure Monitor's names (Learn, "Design your Azure Private Link
// setup", access modes: https://learn.microsoft.com/azure/azure-monitor/logs/private-link-design).
resource privateLinkScope 'Microsoft.Insights/privateLinkScopes@2021-09-01' = {
  name: name
  location: 'global'
  tags: tags
  properties: {
    accessModeSettings: {
      ingestionAccessMode: 'PrivateOnly'
      queryAccessMode: 'PrivateOnly'
    }
  }
}

// Linked before the endpoint exists (the endpoint's deployment reads this module's output), as Learn's order has it.
resource scopedResources 'Microsoft.Insights/privateLinkScopes/scopedResources@2021-09-01' = [
  for resourceId in scopedResourceIds: {
    parent: privateLinkScope
    name: last(split(resourceId, '/'))
    properties: {
      linkedResourceId: resourceId
    }
  }
]

@description('Resource ID of the scope, the target of its private endpoint.')
output resourceId string = privateLinkScope.id

@description('Name of the scope.')
output name string = privateLinkScope.name
