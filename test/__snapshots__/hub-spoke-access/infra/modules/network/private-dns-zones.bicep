metadata description = 'The private DNS zones of the private endpoints, each linked to every virtual network that must resolve them (NET-03, NET-04).'

@description('Names of the private DNS zones, keyed by the name the caller uses for each, e.g. { keyVault: \'privatelink.vaultcore.azure.net\' }.')
param zoneNames object

@description('Resource IDs of the virtual networks that must resolve names in every zone.')
@minLength(1)
param virtualNetworkResourceIds array

@description('Keys of zoneNames whose links fall back to public resolution when the zone has no record for a name, e.g. [\'keyVault\'] to resolve a vault whose private endpoint registered in another zone.')
param internetFallbackZoneKeys array = []

@description('Tags applied to the zones and their virtual network links.')
param tags object

var zones = items(zoneNames)

resource privateDnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in zones: {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

// One link per zone and network. Several spokes (possibly with the same VNet name in different resource groups)
// can link one zone: the hash of the full resource ID keeps the link names distinct and stable.
resource virtualNetworkLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for link in flatten(map(
    range(0, length(zones)),
    i => map(virtualNetworkResourceIds, id => { zoneIndex: i, virtualNetworkResourceId: id })
  )): {
    parent: privateDnsZones[link.zoneIndex]
    name: '${last(split(link.virtualNetworkResourceId, '/'))}-${uniqueString(link.virtualNetworkResourceId)}'
    location: 'global'
    tags: tags
    properties: {
      virtualNetwork: {
        id: link.virtualNetworkResourceId
      }
      // Only private endpoint zone groups write records here; VMs must not register themselves.
      registrationEnabled: false
      // NxDomainRedirect ("fallback to internet", API 2024-06-01 and later): a name this zone has no record for is
      // resolved publicly instead of failing, e.g. a Key Vault whose private endpoint is in another network's zone.
      // https://learn.microsoft.com/azure/dns/private-dns-fallback
      resolutionPolicy: contains(internetFallbackZoneKeys, zones[link.zoneIndex].key) ? 'NxDomainRedirect' : 'Default'
    }
  }
]

@description('Resource IDs of the zones, keyed like zoneNames, for the private endpoints\' DNS zone groups.')
output resourceIds object = toObject(
  zones,
  zone => zone.key,
  zone => resourceId('Microsoft.Network/privateDnsZones', zone.value)
)
