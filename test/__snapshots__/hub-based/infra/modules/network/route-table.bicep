metadata description = 'Route table that sends all traffic leaving the virtual network to a firewall, for every workload subnet (NET-07).'

@description('Name of the route table.')
@minLength(1)
@maxLength(80)
param name string

@description('Azure region of the route table; must be the region of the subnets it is attached to.')
param location string = resourceGroup().location

@description('Private IP address of the firewall that every packet for outside the virtual networks is sent to.')
param firewallPrivateIp string

@description('Tags applied to the route table.')
param tags object

// Only the default route: the system routes for the virtual network's own range and its peerings are more
// specific, so traffic to private endpoints, the hub and the spokes stays direct and only egress is inspected.
var firewallRoutes = [
  {
    name: 'default-to-firewall'
    properties: {
      addressPrefix: '0.0.0.0/0'
      nextHopType: 'VirtualAppliance'
      nextHopIpAddress: firewallPrivateIp
    }
  }
  // API Management's control plane calls its management endpoint from the ApiManagement service tag: the replies
  // must go straight back, not through the firewall, which would translate their source (API Management
  // documentation, forced tunnelling). Only that service tag's addresses take this route.
  {
    name: 'api-management-control-plane'
    properties: {
      addressPrefix: 'ApiManagement'
      nextHopType: 'Internet'
    }
  }
]

// No diagnostic setting: route tables publish neither logs nor metrics (SEC-11 covers what supports one).
resource routeTable 'Microsoft.Network/routeTables@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    // Routes that a VPN or ExpressRoute gateway learns must not send workload traffic around the firewall.
    disableBgpRoutePropagation: true
    routes: firewallRoutes
  }
}

@description('Resource ID of the route table, for the routeTableResourceId of a subnet.')
output resourceId string = routeTable.id

@description('Name of the route table.')
output name string = routeTable.name
