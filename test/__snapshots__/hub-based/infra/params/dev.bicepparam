using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'litware'

// Environment suffix of every resource name.
param environmentName = 'dev'

// Region of the resource group and every regional resource.
param location = 'westeurope'

// westeurope has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.0.0/22'

// AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.
param firewallSubnetPrefix = '10.60.0.0/26'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.0.64/26'

// Subnet of API Management in internal mode.
param apiManagementSubnetPrefix = '10.60.0.128/27'

// The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).
param firewallPrivateIp = '10.60.0.4'

// Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.
param firewallAllowedFqdns = []

// Who may reach the private endpoints (NET-12): this environment's VNet. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).
param privateEndpointClientAddressPrefixes = [
  '10.60.0.0/22'
]

// Developer: no SLA, a fraction of Premium's price; for development and tests only.
param apiManagementSku = 'Developer'

// One unit.
param apiManagementCapacity = 1

// Receives API Management's system notifications.
param apiManagementPublisherEmail = 'ai-platform@litware.com'

// Application ID URI of the gateway's app registration in Entra ID (create it, or change this to yours); callers ask for tokens for it.
param gatewayAudience = 'api://litware-dev-ai-gateway'

// App role of that registration; assign it to the applications and groups that may call the models.
param gatewayCallerRole = 'Models.Invoke'

// Tokens per minute one caller may use: half of the model deployment's capacity.
param gatewayTpmLimitPerCaller = 5000

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

// Basic: enough for development, a fraction of Standard's price.
param searchSku = 'basic'

// One replica: no SLA, fine outside production.
param searchReplicaCount = 1

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = [
  '11111111-2222-3333-4444-555555555555'
]

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
