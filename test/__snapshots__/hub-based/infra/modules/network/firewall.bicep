metadata description = 'Azure Firewall Standard with its policy and a public IP: the only way out of the landing zone, to an FQDN allow-list, and the DNS proxy of the workload (NET-07).'

@description('Name of the firewall (lower case); its public IP is named pip-<name>.')
@minLength(1)
@maxLength(76)
param name string

@description('Name of the firewall policy (lower case).')
@minLength(1)
@maxLength(80)
param policyName string

@description('Azure region of the firewall, its policy and its public IP; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the firewall and its public IP then span zones 1, 2 and 3.')
param zoneRedundant bool

@description('Name of the virtual network, in this resource group, whose subnet AzureFirewallSubnet the firewall is deployed to.')
param virtualNetworkName string

@description('Address ranges whose HTTPS traffic may leave through the firewall: the workload virtual network.')
@minLength(1)
param sourceAddressPrefixes array

@description('Further FQDNs (wildcards like *.example.com allowed) that the workload may reach over HTTPS; may be empty.')
param allowedFqdns array

@description('Address ranges of API Management\'s subnets, in every region it runs in, whose platform dependencies (Azure Storage, SQL, Key Vault, Monitor, Entra ID, certificate revocation lists, time) leave through the firewall.')
@minLength(1)
param apiManagementSubnetPrefixes array

@description('Resource ID of the Log Analytics workspace that receives the firewall diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the firewall, its policy and its public IP.')
param tags object

var zones = zoneRedundant ? ['1', '2', '3'] : []

// The firewall takes the policy's ID from the module's output, so it starts only once the rules are in place
// too: a policy takes one change at a time, and a firewall attaching to it while its rules are written can fail.
module policy 'firewall-policy.bicep' = {
  name: 'firewall-policy'
  params: {
    name: policyName
    location: location
    sourceAddressPrefixes: sourceAddressPrefixes
    allowedFqdns: allowedFqdns
    apiManagementSubnetPrefixes: apiManagementSubnetPrefixes
    tags: tags
  }
}

// A readable name that ties the address to its firewall, as the private endpoints do with their NICs.
resource publicIp 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  zones: zones
  sku: { name: 'Standard', tier: 'Regional' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

// Azure gives the firewall the first address of AzureFirewallSubnet it does not reserve (network address + 4). The
// generator computes it in advance, so the route tables and DNS servers of the workload never wait for the firewall.
resource firewall 'Microsoft.Network/azureFirewalls@2025-05-01' = {
  name: name
  location: location
  tags: tags
  zones: zones
  properties: {
    sku: { name: 'AZFW_VNet', tier: 'Standard' }
    firewallPolicy: { id: policy.outputs.resourceId }
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: {
            id: resourceId('Microsoft.Network/virtualNetworks/subnets', virtualNetworkName, 'AzureFirewallSubnet')
          }
          publicIPAddress: { id: publicIp.id }
        }
      }
    ]
  }
}

// SEC-11: the resource-specific tables, named one by one: the allLogs group would also send the legacy
// AzureFirewall* categories, which have no such tables, into AzureDiagnostics, and every hit would be billed twice.
var firewallLogCategories = [
  'AZFWApplicationRule'
  'AZFWNetworkRule'
  'AZFWNatRule'
  'AZFWThreatIntel'
  'AZFWDnsQuery'
  'AZFWFqdnResolveFailure'
]

resource firewallDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: firewall
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [for category in firewallLogCategories: { category: category, enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The public IP logs DDoS mitigation events.
resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: publicIp
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the firewall.')
output resourceId string = firewall.id

@description('Name of the firewall.')
output name string = firewall.name

@description('Private IP address Azure gave the firewall; the route tables and DNS servers of the workload assume it.')
output privateIpAddress string = firewall.properties.ipConfigurations[0].properties.privateIPAddress
