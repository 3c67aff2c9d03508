using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'tailspin'

// Environment suffix of every resource name.
param environmentName = 'dev'

// Region of the resource group and every regional resource.
param location = 'westcentralus'

// westcentralus has no availability zones: locally redundant SKUs.
param zoneRedundant = false

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.0.0/22'

// AzureBastionSubnet of Azure Bastion, the way to the jumpbox.
param bastionSubnetPrefix = '10.60.0.0/26'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '10.60.0.64/26'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.0.128/26'

// GatewaySubnet of the point-to-site VPN gateway.
param gatewaySubnetPrefix = '10.60.0.192/27'

// Subnet of the DNS resolver inbound endpoint, the DNS server for VPN and on-premises clients.
param dnsResolverInboundSubnetPrefix = '10.60.0.224/28'

// Subnet of the DNS resolver outbound endpoint, for forwarding rules to on-premises DNS.
param dnsResolverOutboundSubnetPrefix = '10.60.0.240/28'

// Subnet of the jumpbox VM, reachable only through Bastion.
param jumpboxSubnetPrefix = '10.60.1.0/28'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '10.60.0.68'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = []

// Addresses VPN clients get; no VNet or on-premises network may use them.
param vpnClientAddressPool = '172.16.200.0/24'

// Who may reach the private endpoints (NET-12): this environment's VNet and the VPN clients. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '10.60.0.0/22'
  '172.16.200.0/24'
]

// Local administrator of the jumpbox, for emergencies; people sign in with Microsoft Entra ID.
param jumpboxAdminUsername = 'azureadmin'

// Read from the environment when deploying, never stored: set JUMPBOX_ADMIN_PASSWORD (12+ characters) from your secret store.
param jumpboxAdminPassword = readEnvironmentVariable('JUMPBOX_ADMIN_PASSWORD')

// Object IDs of the Entra groups that may sign in to the jumpbox (Virtual Machine User Login): the users' and administrators' groups.
param jumpboxLoginPrincipalIds = []

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
