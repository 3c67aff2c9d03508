metadata description = 'Virtual network whose subnets each get their own network security group and no implicit outbound internet access.'

@description('Name of the virtual network.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the virtual network and its network security groups.')
param location string = resourceGroup().location

@description('Address spaces of the virtual network, in CIDR notation.')
@minLength(1)
param addressPrefixes array

@description('Subnets to create. Each item: { name: string, addressPrefix: string, securityRules: array } and optionally delegation: string, where securityRules are the inbound and outbound rules of the subnet\'s network security group, in the shape of Microsoft.Network/networkSecurityGroups securityRules, and delegation is the service the subnet is delegated to, e.g. Microsoft.Network/dnsResolvers.')
@minLength(1)
param subnets array

@description('Resource ID of the Log Analytics workspace that receives the network diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the virtual network and its network security groups.')
param tags object

// One NSG per subnet, never shared, so a rule added for one tier cannot open another (NET-12).
resource networkSecurityGroups 'Microsoft.Network/networkSecurityGroups@2025-05-01' = [
  for subnet in subnets: {
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
    // Subnets are inline, not child resources: redeploying a virtual network declared without its subnets
    // would try to delete subnets that private endpoints are using.
    subnets: [
      for (subnet, i) in subnets: {
        name: subnet.name
        properties: {
          addressPrefix: subnet.addressPrefix
          networkSecurityGroup: {
            id: networkSecurityGroups[i].id
          }
          // No implicit outbound internet access: egress must be designed, not inherited (PSRule Azure.VNET.PrivateSubnet).
          defaultOutboundAccess: false
          // Makes NSG rules (and route tables) apply to private endpoints too; harmless on subnets without any (NET-12).
          privateEndpointNetworkPolicies: 'Enabled'
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
  for i in range(0, length(subnets)): {
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
