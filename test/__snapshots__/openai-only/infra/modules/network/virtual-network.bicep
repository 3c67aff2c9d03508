metadata description = 'Virtual network whose subnets each get their own network security group (where Azure allows one) and no implicit outbound internet access.'

@description('Name of the virtual network.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the virtual network and its network security groups.')
param location string = resourceGroup().location

@description('Address spaces of the virtual network, in CIDR notation.')
@minLength(1)
param addressPrefixes array

@description('Subnets to create. Each item: { name: string, addressPrefix: string, securityRules: array } and optionally delegation: string, routeTableResourceId: string and privateLinkServiceNetworkPolicies: string, where securityRules are the inbound and outbound rules of the subnet\'s network security group, in the shape of Microsoft.Network/networkSecurityGroups securityRules, delegation is the service the subnet is delegated to, e.g. Microsoft.Network/dnsResolvers, routeTableResourceId is the route table of the subnet, and privateLinkServiceNetworkPolicies is Disabled for a subnet that hosts Private Link service addresses. Subnets Azure reserves for a gateway, firewall or route server (e.g. AzureFirewallSubnet) get no network security group and need no securityRules.')
@minLength(1)
param subnets array

@description('DNS servers of the virtual network, e.g. the private IP address of an Azure Firewall acting as DNS proxy; empty for the Azure-provided DNS.')
param dnsServers array = []

@description('Resource ID of the Log Analytics workspace that receives the network diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the virtual network and its network security groups.')
param tags object

// Azure refuses or does not support an NSG on these subnets, and PSRule (Azure.VNET.UseNSGs) exempts exactly them.
// Decided by name, not by a flag on the item, so no other subnet can be left without one by mistake (NET-12).
var subnetsWithoutNsg = ['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'RouteServerSubnet']

// One NSG per subnet, never shared, so a rule added for one tier cannot open another (NET-12).
resource networkSecurityGroups 'Microsoft.Network/networkSecurityGroups@2025-05-01' = [
  for subnet in subnets: if (!contains(subnetsWithoutNsg, subnet.name)) {
    name: 'nsg-${name}-${subnet.name}'
    location: location
    tags: tags
    properties: {
      securityRules: subnet.securityRules
    }
  }
]

resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: addressPrefixes
    }
    dhcpOptions: {
      dnsServers: dnsServers
    }
    // Subnets are inline, not child resources: redeploying a virtual network declared without its subnets
    // would try to delete subnets that private endpoints are using.
    subnets: [
      for (subnet, i) in subnets: {
        name: subnet.name
        properties: {
          addressPrefix: subnet.addressPrefix
          networkSecurityGroup: contains(subnetsWithoutNsg, subnet.name) ? null : { id: networkSecurityGroups[i].id }
          // E.g. the default route to a firewall (NET-07).
          routeTable: contains(subnet, 'routeTableResourceId') ? { id: subnet.routeTableResourceId } : null
          // No implicit outbound internet access: egress must be designed, not inherited (PSRule Azure.VNET.PrivateSubnet).
          defaultOutboundAccess: false
          // Makes NSG rules (and route tables) apply to private endpoints too; harmless on subnets without any (NET-12).
          privateEndpointNetworkPolicies: 'Enabled'
          // A Private Link service (e.g. Application Gateway's, for Front Door) takes its NAT addresses only from a
          // subnet where these policies are off.
          privateLinkServiceNetworkPolicies: subnet.?privateLinkServiceNetworkPolicies ?? 'Enabled'
          // Some services (e.g. the DNS Private Resolver) only deploy into a subnet delegated to them alone.
          delegations: contains(subnet, 'delegation')
            ? [
                {
                  name: replace(subnet.delegation, '/', '.')
                  properties: {
                    serviceName: subnet.delegation
                  }
                }
              ]
            : []
        }
      }
    ]
  }
}

// SEC-11: the virtual network and every NSG send their logs to the workspace.
resource virtualNetworkDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: virtualNetwork
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// NSGs publish logs (rule events and counters) but no metrics.
resource networkSecurityGroupDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = [
  for (subnet, i) in subnets: if (!contains(subnetsWithoutNsg, subnet.name)) {
    name: 'to-log-analytics'
    scope: networkSecurityGroups[i]
    properties: {
      workspaceId: logAnalyticsWorkspaceResourceId
      logs: [{ categoryGroup: 'allLogs', enabled: true }]
    }
  }
]

@description('Resource ID of the virtual network.')
output resourceId string = virtualNetwork.id

@description('Name of the virtual network.')
output name string = virtualNetwork.name

@description('Resource IDs of the subnets, keyed by subnet name.')
output subnetResourceIds object = toObject(
  virtualNetwork.properties.subnets,
  subnet => subnet.name,
  subnet => subnet.id
)
