metadata description = 'Private DNS zone linked to one or more virtual networks, so their resources resolve private endpoint names (NET-03).'

@description('Name of the private DNS zone, e.g. privatelink.vaultcore.azure.net.')
@minLength(1)
@maxLength(253)
param name string

@description('Resource IDs of the virtual networks that must resolve names in this zone.')
param virtualNetworkResourceIds array

@description('Tags applied to the zone and its virtual network links.')
param tags object

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: name
  location: 'global'
  tags: tags
}

resource virtualNetworkLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for virtualNetworkResourceId in virtualNetworkResourceIds: {
    parent: privateDnsZone
    // Several spokes (possibly with the same VNet name in different resource groups) can link one
    // zone: the hash of the full resource ID keeps the link names distinct and stable.
    name: '${last(split(virtualNetworkResourceId, '/'))}-${uniqueString(virtualNetworkResourceId)}'
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: virtualNetworkResourceId
      }
      // Only private endpoint zone groups write records here; VMs must not register themselves.
      registrationEnabled: false
    }
  }
]

@description('Resource ID of the private DNS zone, for private endpoint DNS zone groups.')
output resourceId string = privateDnsZone.id

@description('Name of the private DNS zone.')
output name string = privateDnsZone.name
