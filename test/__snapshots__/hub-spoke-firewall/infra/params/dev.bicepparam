using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'contoso'

// Environment suffix of every resource name.
param environmentName = 'dev'

// Region of the resource group and every regional resource.
param location = 'swedencentral'

// swedencentral has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.0.0/22'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.0.0/26'

// Address space of this environment's hub VNet, which holds the shared connectivity.
param hubVnetAddressPrefix = '10.50.0.0/23'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '10.50.0.0/26'

// Subnet of the DNS resolver inbound endpoint, the DNS server for VPN and on-premises clients.
param dnsResolverInboundSubnetPrefix = '10.50.0.64/28'

// Subnet of the DNS resolver outbound endpoint, for forwarding rules to on-premises DNS.
param dnsResolverOutboundSubnetPrefix = '10.50.0.80/28'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '10.50.0.4'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = []

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '10.60.0.0/22'
]

// Model deployments; capacity is in thousands of tokens per minute. gpt-5.5 has no DataZoneStandard deployment, so GlobalStandard: prompts may be processed in any region.
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
