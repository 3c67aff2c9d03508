using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'litware'

// Environment suffix of every resource name.
param environmentName = 'prod'

// Region of the resource group and every regional resource.
param location = 'westeurope'

// westeurope has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.4.0/22'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '10.60.4.0/26'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.4.64/26'

// Subnet of API Management in internal mode.
param apiManagementSubnetPrefix = '10.60.4.128/27'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '10.60.4.4'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = []

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '10.60.4.0/22'
]

// Premium: an SLA and availability zones for production.
param apiManagementSku = 'Premium'

// Two units, one in each of two availability zones.
param apiManagementCapacity = 2

// Receives API Management's system notifications.
param apiManagementPublisherEmail = 'ai-platform@litware.com'

// Application ID URI of the gateway's app registration in Entra ID (create it, or change this to yours); callers ask for tokens for it.
param gatewayAudience = 'api://litware-prod-ai-gateway'

// App role of that registration; assign it to the applications and groups that may call the models.
param gatewayCallerRole = 'Models.Invoke'

// Tokens per minute one caller may use: half of the model deployment's capacity.
param gatewayTpmLimitPerCaller = 25000

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

// Standard: room for large indexes, and availability zones where the region has them.
param searchSku = 'standard'

// Three replicas: the read-write SLA.
param searchReplicaCount = 3

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = [
  '11111111-2222-3333-4444-555555555555'
]

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
