using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'ai'

// Environment suffix of every resource name.
param environmentName = 'prod'

// Region of the resource group and every regional resource.
param location = 'westcentralus'

// westcentralus has no availability zones: locally redundant SKUs.
param zoneRedundant = false

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '172.16.0.0/26'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '172.16.0.0/26'

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '172.16.0.0/26'
]

// Model deployments; capacity is in thousands of tokens per minute. gpt-5.5 has no DataZoneStandard deployment, so GlobalStandard: prompts may be processed in any region.
param modelDeployments = [
  {
    name: 'gpt-5.5'
    model: 'gpt-5.5'
    format: 'OpenAI'
    version: '2026-04-24'
    skuName: 'GlobalStandard'
    capacity: 50
  }
]

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = []

// Entra groups of the people who administer the platform: management roles on the AI resources, and the logs.
param adminGroupObjectIds = []

// Days Log Analytics keeps data; longer in production for investigations.
param logRetentionInDays = 90

// Deny in every environment: nothing in this landing zone needs public access, so a change that opens a service is a mistake to stop, in dev as in prod.
param publicNetworkAccessPolicyEffect = 'Deny'

// Private endpoints added later get their DNS records in the landing zone's zones.
param privateDnsZoneGroupPolicyEffect = 'DeployIfNotExists'

// Defender for Cloud's AI services plan on the whole subscription (SEC-02); false where a central security team owns Defender plans.
param enableDefenderForAi = true

// Your own tags for every resource (e.g. costCenter, owner); workload and environment are added.
param tags = {}
