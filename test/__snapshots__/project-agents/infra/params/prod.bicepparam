using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'contoso'

// Environment suffix of every resource name.
param environmentName = 'prod'

// Region of the resource group and every regional resource.
param location = 'swedencentral'

// swedencentral has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.4.0/22'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.4.0/26'

// Address space of this environment's hub VNet, which holds the shared connectivity.
param hubVnetAddressPrefix = '10.50.2.0/23'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '10.50.2.0/26'

// Subnet of the DNS resolver inbound endpoint, the DNS server for VPN and on-premises clients.
param dnsResolverInboundSubnetPrefix = '10.50.2.64/28'

// Subnet of the DNS resolver outbound endpoint, for forwarding rules to on-premises DNS.
param dnsResolverOutboundSubnetPrefix = '10.50.2.80/28'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '10.50.2.4'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = []

// Subnet the Foundry Agent Service injects its containers into, added to the VNet as a second address prefix; inside 172.16.0.0/12 or 192.168.0.0/16.
param agentSubnetPrefix = '192.168.1.0/24'

// The agents' Cosmos DB account spans the region's availability zones. Fixed when the account is created.
param cosmosDbZoneRedundant = true

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '10.60.4.0/22'
]

// Model deployments; capacity is in thousands of tokens per minute. gpt-5.4-mini has no DataZoneStandard deployment, so GlobalStandard: prompts may be processed in any region.
param modelDeployments = [
  {
    name: 'gpt-5.4-mini'
    model: 'gpt-5.4-mini'
    format: 'OpenAI'
    version: '2026-03-17'
    skuName: 'GlobalStandard'
    capacity: 30
  }
]

// Standard: room for large indexes, and availability zones where the region has them.
param searchSku = 'standard'

// Three replicas: the read-write SLA.
param searchReplicaCount = 3

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = [
  '11111111-2222-3333-4444-555555555555'
]

// Entra groups of the people who administer the platform: management roles on the AI resources, and the logs.
param adminGroupObjectIds = [
  '11111111-2222-3333-4444-666666666666'
]

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
