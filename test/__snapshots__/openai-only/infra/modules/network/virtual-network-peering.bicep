metadata description = 'One direction of a virtual network peering, declared on the local virtual network; hub-spoke needs one in each direction (NET-10).'

@description('Name of the local virtual network, in the resource group this module is deployed to.')
@minLength(2)
@maxLength(64)
param localVirtualNetworkName string

@description('Resource ID of the remote virtual network; it may be in another resource group or subscription.')
param remoteVirtualNetworkResourceId string

@description('Whether traffic that the remote network forwards (e.g. through a firewall), rather than originates, may enter the local network.')
param allowForwardedTraffic bool

// The two gateway flags must stay false until the hub has a VPN or ExpressRoute gateway: with either set and
// no gateway, ARM rejects the peering and the deployment fails.
@description('Whether the remote network may use the gateway of the local network. Only on the hub side, and only once the hub has a gateway.')
param allowGatewayTransit bool = false

@description('Whether the local network sends traffic for remote networks through the gateway of the remote network. Only on the spoke side, and only once the hub has a gateway and allows gateway transit.')
param useRemoteGateways bool = false

resource localVirtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' existing = {
  name: localVirtualNetworkName
}

resource peering 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings@2025-05-01' = {
  parent: localVirtualNetwork
  // A hub can peer with several spokes, possibly with the same VNet name in different resource groups:
  // the hash of the full resource ID keeps the peering names distinct and stable (as for DNS zone links).
  name: '${last(split(remoteVirtualNetworkResourceId, '/'))}-${uniqueString(remoteVirtualNetworkResourceId)}'
  properties: {
    remoteVirtualNetwork: {
      id: remoteVirtualNetworkResourceId
    }
    allowVirtualNetworkAccess: true
    allowForwardedTraffic: allowForwardedTraffic
    allowGatewayTransit: allowGatewayTransit
    useRemoteGateways: useRemoteGateways
  }
}

@description('Resource ID of the peering.')
output resourceId string = peering.id

@description('Name of the peering.')
output name string = peering.name
