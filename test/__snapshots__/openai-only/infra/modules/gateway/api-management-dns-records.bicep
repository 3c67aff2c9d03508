metadata description = 'The A record of an internal API Management gateway in an existing, central private DNS zone of its service domain (NET-08).'

@description('Name of the existing private DNS zone of the API Management service domain, e.g. azure-api.net, in this resource group.')
@minLength(1)
param zoneName string

@description('Name of the API Management service: the record\'s name, as its host name is <name>.<zoneName>.')
@minLength(1)
@maxLength(50)
param apiManagementName string

@description('Private IP address of the gateway.')
param privateIpAddress string

resource privateDnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' existing = {
  name: zoneName
}

// Internal mode registers nothing in public DNS, so callers find the gateway only through this record.
resource gatewayRecord 'Microsoft.Network/privateDnsZones/A@2024-06-01' = {
  parent: privateDnsZone
  name: apiManagementName
  properties: {
    ttl: 300
    aRecords: [{ ipv4Address: privateIpAddress }]
  }
}

@description('Resource ID of the record.')
output resourceId string = gatewayRecord.id
