metadata description = 'Azure DNS Private Resolver with an inbound and an outbound endpoint, so clients outside Azure resolve private endpoint names (NET-04).'

@description('Name of the DNS Private Resolver.')
@minLength(1)
@maxLength(80)
param name string

@description('Azure region of the resolver and its endpoints; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Resource ID of the virtual network the resolver lives in; the inbound endpoint answers from the private DNS zones linked to it.')
param virtualNetworkResourceId string

@description('Resource ID of the inbound endpoint subnet: /28 to /24, delegated to Microsoft.Network/dnsResolvers, nothing else in it.')
param inboundSubnetResourceId string

@description('Resource ID of the outbound endpoint subnet: /28 to /24, delegated to Microsoft.Network/dnsResolvers, nothing else in it.')
param outboundSubnetResourceId string

@description('Tags applied to the resolver and its endpoints.')
param tags object

// No diagnostic setting: the resolver publishes neither log categories nor exportable metrics (SEC-11 covers
// what supports one). DNS query logs would come from a DNS security policy, which is not part of this design.
resource dnsResolver 'Microsoft.Network/dnsResolvers@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    virtualNetwork: {
      id: virtualNetworkResourceId
    }
  }
}

// The address VPN and on-premises DNS servers forward private zone queries to. Azure picks it from the subnet
// and keeps it for the endpoint's lifetime, so it is read from the endpoint instead of being planned by hand.
resource inboundEndpoint 'Microsoft.Network/dnsResolvers/inboundEndpoints@2025-05-01' = {
  parent: dnsResolver
  name: 'inbound'
  location: location
  tags: tags
  properties: {
    ipConfigurations: [
      {
        privateIpAllocationMethod: 'Dynamic'
        subnet: {
          id: inboundSubnetResourceId
        }
      }
    ]
  }
}

// The source of queries that a DNS forwarding ruleset sends to other DNS servers, e.g. on-premises ones.
resource outboundEndpoint 'Microsoft.Network/dnsResolvers/outboundEndpoints@2025-05-01' = {
  parent: dnsResolver
  name: 'outbound'
  location: location
  tags: tags
  properties: {
    subnet: {
      id: outboundSubnetResourceId
    }
  }
}

@description('Resource ID of the DNS Private Resolver.')
output resourceId string = dnsResolver.id

@description('Name of the DNS Private Resolver.')
output name string = dnsResolver.name

@description('Private IP address of the inbound endpoint: the DNS server for VPN and on-premises clients (NET-04).')
output inboundEndpointIpAddress string = inboundEndpoint.properties.ipConfigurations[0].privateIpAddress

@description('Resource ID of the outbound endpoint, for a DNS forwarding ruleset.')
output outboundEndpointResourceId string = outboundEndpoint.id
