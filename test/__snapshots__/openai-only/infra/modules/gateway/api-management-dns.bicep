metadata description = 'Private DNS for an API Management gateway in internal virtual network mode: its host names resolve to its private IP addresses (NET-08, NET-14).'

@description('Name of the API Management service (the name given to gateway/api-management.bicep); the first label of its host names.')
@minLength(1)
@maxLength(50)
param apiManagementName string

@description('Private IP address of the gateway in its primary location (output privateIpAddress of gateway/api-management.bicep).')
param privateIpAddress string

@description('The additionalLocations given to gateway/api-management.bicep (items { location: string, subnetResourceId: string }); empty for a single region.')
param additionalLocations array = []

@description('Private IP addresses of the gateways in additionalLocations, in the same order (output additionalPrivateIpAddresses of gateway/api-management.bicep).')
param additionalPrivateIpAddresses array = []

@description('Resource IDs of the virtual networks whose clients must reach the gateway: the hub and every spoke that calls it.')
@minLength(1)
param virtualNetworkResourceIds array

@description('Tags applied to the zone and its virtual network links.')
param tags object

// environment() has no suffix for API Management, so the service domain of each cloud is looked up by the cloud's
// name; a cloud missing here fails the deployment instead of creating a zone nobody queries.
var apiManagementDomains = {
  AzureCloud: 'azure-api.net'
  AzureUSGovernment: 'azure-api.us'
  AzureChinaCloud: 'azure-api.cn'
}

// Internal mode registers nothing in public DNS, so the gateway's host names resolve only through these zones. One zone
// per host name, not one for the whole service domain: a zone for the domain would hide every other organisation's
// API Management from the linked networks. Only the gateway gets one: the developer portal is disabled, and the
// direct management and Git endpoints are off (TA-000033). NET-14: each further region's gateway answers on its
// regional host name, <name>-<region>-01.regional.<domain>; in internal mode nothing balances between regions.
var domain = apiManagementDomains[environment().name]
var hosts = concat(
  [{ name: '${apiManagementName}.${domain}', ipAddress: privateIpAddress }],
  map(range(0, length(additionalLocations)), i => {
    name: '${apiManagementName}-${additionalLocations[i].location}-01.regional.${domain}'
    ipAddress: additionalPrivateIpAddresses[i]
  })
)

resource privateDnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for host in hosts: {
    name: host.name
    location: 'global'
    tags: tags
  }
]

resource gatewayRecords 'Microsoft.Network/privateDnsZones/A@2024-06-01' = [
  for (host, i) in hosts: {
    parent: privateDnsZones[i]
    name: '@'
    properties: {
      ttl: 300
      aRecords: [{ ipv4Address: host.ipAddress }]
    }
  }
]

// Several spokes (possibly with the same VNet name in different resource groups) can link one zone: the hash of the
// full resource ID keeps the link names distinct and stable.
resource virtualNetworkLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for link in flatten(map(
    range(0, length(hosts)),
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
      registrationEnabled: false
    }
  }
]

@description('Resource ID of the private DNS zone of the gateway\'s host name.')
output resourceId string = privateDnsZones[0].id
