metadata description = 'Hub virtual network of one environment with the inbound and outbound subnets of its DNS Private Resolver, each with its own network security group, and optionally the subnet of an Azure Firewall (NET-04, NET-07, NET-10, NET-12).'

@description('Name of the hub virtual network.')
@minLength(2)
@maxLength(64)
param name string

@description('Azure region of the hub virtual network and its network security groups.')
param location string = resourceGroup().location

@description('Address space of the hub virtual network in CIDR notation, e.g. 10.50.0.0/24.')
param addressPrefix string

@description('Address range of the DNS Private Resolver inbound endpoint subnet, inside addressPrefix: /28 to /24.')
param dnsResolverInboundSubnetPrefix string

@description('Address range of the DNS Private Resolver outbound endpoint subnet, inside addressPrefix: /28 to /24.')
param dnsResolverOutboundSubnetPrefix string

@description('Address range of AzureFirewallSubnet, a /26 inside addressPrefix; empty for a hub without Azure Firewall.')
param firewallSubnetPrefix string = ''

@description('Resource ID of the Log Analytics workspace that receives the network diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the virtual network and its network security groups.')
param tags object

// NET-12: what is not allowed explicitly is denied, also from inside the network; and (PSRule
// Azure.NSG.LateralTraversal) nothing in these subnets may open SSH or RDP sessions into the network.
var denyRules = [
  {
    name: 'deny-all-inbound'
    properties: {
      priority: 4096
      direction: 'Inbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '*'
    }
  }
  {
    name: 'deny-ssh-rdp-to-vnet-outbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Deny'
      protocol: 'Tcp'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '22'
        '3389'
      ]
    }
  }
]

// The inbound endpoint answers DNS (UDP, and TCP for large answers) from the VirtualNetwork service tag: the hub,
// its peered spokes and networks behind a VPN or ExpressRoute gateway. The rule covers the whole subnet, not only
// the endpoint's address: the resolver's instances behind the endpoint use other addresses of the subnet.
var allowDnsRules = [
  for (protocol, i) in ['Udp', 'Tcp']: {
    name: 'allow-dns-${toLower(protocol)}-from-virtual-network-inbound'
    properties: {
      priority: 100 + i * 10
      direction: 'Inbound'
      access: 'Allow'
      protocol: protocol
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: dnsResolverInboundSubnetPrefix
      destinationPortRange: '53'
    }
  }
]

// Each subnet is the resolver's alone: delegated to it, nothing else may be deployed there.
// The outbound endpoint only sends queries and receives their answers on the same flows, so nothing may reach it.
var dnsResolverSubnets = [
  {
    name: 'snet-dns-inbound'
    addressPrefix: dnsResolverInboundSubnetPrefix
    delegation: 'Microsoft.Network/dnsResolvers'
    securityRules: concat(allowDnsRules, denyRules)
  }
  {
    name: 'snet-dns-outbound'
    addressPrefix: dnsResolverOutboundSubnetPrefix
    delegation: 'Microsoft.Network/dnsResolvers'
    securityRules: denyRules
  }
]

// NET-07: Azure Firewall only deploys into a subnet of exactly this name. It gets no NSG (Azure does not support one)
// and no route table: the firewall is where the workload's default route leads.
var firewallSubnets = empty(firewallSubnetPrefix)
  ? []
  : [{ name: 'AzureFirewallSubnet', addressPrefix: firewallSubnetPrefix }]

module virtualNetwork 'virtual-network.bicep' = {
  name: 'virtual-network'
  params: {
    name: name
    location: location
    addressPrefixes: [addressPrefix]
    subnets: concat(firewallSubnets, dnsResolverSubnets)
    logAnalyticsWorkspaceResourceId: logAnalyticsWorkspaceResourceId
    tags: tags
  }
}

@description('Resource ID of the hub virtual network.')
output resourceId string = virtualNetwork.outputs.resourceId

@description('Name of the hub virtual network.')
output name string = virtualNetwork.outputs.name

@description('Resource ID of the DNS Private Resolver inbound endpoint subnet.')
output dnsResolverInboundSubnetResourceId string = virtualNetwork.outputs.subnetResourceIds['snet-dns-inbound']

@description('Resource ID of the DNS Private Resolver outbound endpoint subnet.')
output dnsResolverOutboundSubnetResourceId string = virtualNetwork.outputs.subnetResourceIds['snet-dns-outbound']
