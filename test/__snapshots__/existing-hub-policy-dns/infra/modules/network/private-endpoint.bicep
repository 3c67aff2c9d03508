metadata description = 'Private endpoint for one sub-resource of a PaaS service, registered in the central private DNS zones by Azure Policy or, where no built-in definition registers all its zones, by its own zone group (NET-02, NET-03, NET-05).'

@description('Name of the private endpoint.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the private endpoint; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Resource ID of the dedicated private endpoint subnet.')
param subnetResourceId string

@description('Resource ID of the service the endpoint connects to.')
param privateLinkServiceResourceId string

@description('Sub-resource (group ID) of the service, e.g. account, vault, blob or file.')
param groupId string

@description('Resource IDs of the private DNS zones the endpoint registers its addresses in, all in one zone group; empty where Azure Policy writes the endpoint\'s zone group (it acts only on an endpoint without one).')
param privateDnsZoneResourceIds array = []

@description('Tags applied to the private endpoint.')
param tags object

resource privateEndpoint 'Microsoft.Network/privateEndpoints@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetResourceId
    }
    // A readable NIC name instead of the generated "<name>.nic.<guid>".
    customNetworkInterfaceName: '${name}-nic'
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: privateLinkServiceResourceId
          groupIds: [
            groupId
          ]
        }
      }
    ]
  }
}

// The zone group keeps the A records in step with the endpoint's lifetime: created with it, removed with it (NET-03).
resource privateDnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = if (!empty(privateDnsZoneResourceIds)) {
  parent: privateEndpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      for privateDnsZoneResourceId in privateDnsZoneResourceIds: {
        name: last(split(privateDnsZoneResourceId, '/'))
        properties: {
          privateDnsZoneId: privateDnsZoneResourceId
        }
      }
    ]
  }
}

@description('Resource ID of the private endpoint.')
output resourceId string = privateEndpoint.id

@description('Name of the private endpoint.')
output name string = privateEndpoint.name

@description('Names clients use for the service behind this endpoint (each must resolve to its private address once Azure Policy has written the records), for the connectivity test (NET-13).')
output fqdns array = map(privateEndpoint.properties.customDnsConfigs ?? [], config => config.fqdn)
