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

// Internal mode registers nothing in public DNS; these records are the only way to the gateway. Only the gateway
// gets one: the developer portal is disabled, and the direct management and Git endpoints are off (TA-000033).
resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: apiManagementDomains[environment().name]
  location: 'global'
  tags: tags
}

resource gatewayRecord 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {
  parent: privateDnsZone
  name: apiManagementName
  properties: {
    ttl: 300
    aRecords: [{ ipv4Address: privateIpAddress }]
  }
}

// NET-14: the gateway of each extra region answers on its regional host name, <name>-<region>-01.regional.<domain>.
// In internal mode nothing balances between regions; callers (or a Traffic Manager / Application Gateway in front)
// pick the regional name.
resource regionalRecords 'Microsoft.Network/privateDnsZones/A@2024-06-01' = [
  for (extra, i) in additionalLocations: {
    parent: privateDnsZone
    name: '${apiManagementName}-${extra.location}-01.regional'
    properties: {
      ttl: 300
      aRecords: [{ ipv4Address: additionalPrivateIpAddresses[i] }]
    }
  }
]

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
      registrationEnabled: false
      // The zone covers the whole service domain: names it has no record for (other organisations' public API
      // Management services) fall through to public DNS instead of failing.
      resolutionPolicy: 'NxDomainRedirect'
    }
  }
]

@description('Resource ID of the private DNS zone.')
output resourceId string = privateDnsZone.id
