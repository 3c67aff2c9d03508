using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'abcdefgh-j'

// Environment suffix of every resource name.
param environmentName = 'dev'

// Region of the resource group and every regional resource.
param location = 'australiaeast'

// australiaeast has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '192.168.16.0/24'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '192.168.16.0/26'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '192.168.16.64/26'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '192.168.16.4'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = [
  'pypi.org'
  '*.example.com'
]

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '192.168.16.0/24'
]

// Model deployments; capacity is in thousands of tokens per minute. australiaeast is in no Azure OpenAI data zone, so GlobalStandard; choose Standard to keep processing in the region where the model offers it.
param modelDeployments = [
  {
    name: 'gpt-5.5'
    model: 'gpt-5.5'
    format: 'OpenAI'
    version: '2026-04-24'
    skuName: 'GlobalStandard'
    capacity: 10
  }
]

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = []

// Entra groups of the people who administer the platform: management roles on the AI resources, and the logs.
param adminGroupObjectIds = []

// Days Log Analytics keeps data.
param logRetentionInDays = 30

// Deny in every environment: nothing in this landing zone needs public access, so a change that opens a service is a mistake to stop, in dev as in prod.
param publicNetworkAccessPolicyEffect = 'Deny'

// Private endpoints added later get their DNS records in the landing zone's zones.
param privateDnsZoneGroupPolicyEffect = 'DeployIfNotExists'

// Defender for Cloud's AI services plan on the whole subscription (SEC-02); false where a central security team owns Defender plans.
param enableDefenderForAi = true

// Your own tags for every resource (e.g. costCenter, owner); workload and environment are added.
param tags = {}
