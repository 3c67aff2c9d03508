metadata description = 'Point-to-site VPN gateway (route-based, OpenVPN, Microsoft Entra ID sign-in) through which local clients reach the private endpoints (NET-10, NET-11).'

@description('Name of the VPN gateway (lower case); its public IPs are named pip-<name>-1 and pip-<name>-2.')
@minLength(1)
@maxLength(74)
param name string

@description('Azure region of the gateway and its public IPs; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the public IPs are then zone-redundant, so the gateway instances spread over zones.')
param zoneRedundant bool

// Only the AZ SKUs: VpnGw1-5 without AZ can no longer be created since January 2025, and an AZ SKU also deploys in
// a region without zones (it stays regional there). Basic is excluded too: it has no OpenVPN and no Entra ID sign-in.
@description('Gateway SKU: VpnGw1AZ (650 Mbps, 250 OpenVPN clients) suits a team; larger ones only add capacity.')
@allowed([
  'VpnGw1AZ'
  'VpnGw2AZ'
  'VpnGw3AZ'
  'VpnGw4AZ'
  'VpnGw5AZ'
])
param sku string = 'VpnGw1AZ'

@description('Resource ID of the subnet named GatewaySubnet (/27 or larger, no network security group, gateway route propagation enabled) of the hub or single virtual network.')
param gatewaySubnetResourceId string

@description('Address range, in CIDR notation, that VPN clients get their addresses from, e.g. 172.16.201.0/24; /28 or larger (the minimum for an active-active gateway), overlapping neither the Azure networks nor the clients\' own networks.')
param vpnClientAddressPool string

// The older, manually registered Azure VPN Client app (41b23e61-6c1e-4545-b367-cd054e0ed4b4 in the public cloud)
// needed an admin consent per tenant and is retired on 31 March 2028; a custom app ID is needed to limit sign-in
// to assigned users or groups.
@description('Application ID the Entra ID tokens are issued for: by default the Microsoft-registered Azure VPN Client of the Azure public cloud (no app registration or consent in the tenant); or the ID of a custom app that authorizes that client.')
@minLength(36)
@maxLength(36)
param audience string = 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8'

@description('Resource ID of the Log Analytics workspace that receives the gateway and public IP diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the gateway and its public IPs.')
param tags object

var zones = zoneRedundant ? ['1', '2', '3'] : []

// Active-active needs a public IP per instance. Zone-redundant Standard IPs are what make the AZ SKU spread the
// instances over zones.
resource publicIps 'Microsoft.Network/publicIPAddresses@2025-05-01' = [
  for i in range(1, 2): {
    name: 'pip-${name}-${i}'
    location: location
    tags: tags
    zones: zones
    sku: { name: 'Standard', tier: 'Regional' }
    properties: {
      publicIPAllocationMethod: 'Static'
      publicIPAddressVersion: 'IPv4'
    }
  }
]

resource gateway 'Microsoft.Network/virtualNetworkGateways@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    gatewayType: 'Vpn'
    // Point-to-site needs a route-based gateway.
    vpnType: 'RouteBased'
    sku: { name: sku, tier: sku }
    // The SKU table lists VpnGw1AZ under Generation1 only; the larger SKUs get Generation2, faster at the same price.
    // A SKU change across this line means recreating the gateway: a resize stays within its generation.
    vpnGatewayGeneration: sku == 'VpnGw1AZ' ? 'Generation1' : 'Generation2'
    // In active-standby mode, maintenance or a failure of the active instance disconnects every VPN client; in
    // active-active the other instance keeps serving them. Same gateway price, one more public IP (PSRule Azure.VNG.VPNActiveActive).
    activeActive: true
    // No BGP: there is no site-to-site peer to exchange routes with.
    enableBgp: false
    ipConfigurations: [
      for i in range(0, 2): {
        name: 'ipconfig${i + 1}'
        properties: {
          privateIPAllocationMethod: 'Dynamic'
          subnet: { id: gatewaySubnetResourceId }
          publicIPAddress: { id: publicIps[i].id }
        }
      }
    ]
    vpnClientConfiguration: {
      vpnClientAddressPool: {
        addressPrefixes: [vpnClientAddressPool]
      }
      // Microsoft Entra ID sign-in (Conditional Access, MFA) instead of client certificates to hand out and revoke
      // (NET-11). It works only over OpenVPN, with the Azure VPN Client.
      vpnClientProtocols: ['OpenVPN']
      vpnAuthenticationTypes: ['AAD']
      // The tenant URL comes from the cloud's login endpoint, without a trailing backslash.
      aadTenant: '${environment().authentication.loginEndpoint}${tenant().tenantId}'
      // The v1 token issuer of the tenant, which the gateway compares with the token's iss claim; the trailing slash
      // is required. environment() has no property for this STS host, and the host is not one that the
      // no-hardcoded-env-urls rule lists.
      aadIssuer: 'https://sts.windows.net/${tenant().tenantId}/'
      aadAudience: audience
    }
  }
}

// SEC-11: gateway, tunnel, route, IKE and point-to-site events (who connected, when, from where) and the
// bandwidth and connection-count metrics.
resource gatewayDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: gateway
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The public IPs log DDoS mitigation events.
resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for i in range(0, 2): {
    name: 'to-log-analytics'
    scope: publicIps[i]
    properties: {
      workspaceId: logAnalyticsWorkspaceResourceId
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
      metrics: [{ category: 'AllMetrics', enabled: true }]
    }
  }
]

@description('Resource ID of the VPN gateway; spoke peerings with useRemoteGateways must depend on it.')
output resourceId string = gateway.id

@description('Name of the VPN gateway, for az network vnet-gateway vpn-client generate.')
output name string = gateway.name
