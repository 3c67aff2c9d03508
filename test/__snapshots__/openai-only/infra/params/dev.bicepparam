using '../main.bicep'

// Prefix of every resource name.
param workloadName = 'adatum'

// Environment suffix of every resource name.
param environmentName = 'dev'

// Region of the resource group and every regional resource.
param location = 'eastus2'

// eastus2 has availability zones: zone-redundant SKUs.
param zoneRedundant = true

// Address space of this environment's VNet; environments never overlap.
param vnetAddressPrefix = '10.60.0.0/22'

// Subnet of the private endpoints (one address each).
param privateEndpointSubnetPrefix = '10.60.0.0/26'

// Subnet of API Management in internal mode.
param apiManagementSubnetPrefix = '10.60.0.64/27'

// The platform team's hub VNet; this deployment adds the peering on both sides.
param hubVirtualNetworkResourceId = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-swc'

// The hub's DNS servers, which resolve the central private DNS zones; the spoke uses them.
param hubDnsServers = [
  '10.0.4.4'
]

// Set true when the hub has a VPN or ExpressRoute gateway the spoke should use (gateway transit); with true and no gateway the peering fails.
param useHubGateway = false

// The hub firewall's private address: every workload subnet sends its egress there.
param hubFirewallPrivateIp = '10.0.0.4'

// The central private DNS zones the private endpoints register in.
param privateDnsZoneResourceIds = {
  openAi: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com'
  keyVault: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net'
  blob: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net'
  file: '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.file.core.windows.net'
}

// Developer: no SLA, a fraction of Premium's price; for development and tests only.
param apiManagementSku = 'Developer'

// One unit.
param apiManagementCapacity = 1

// Receives API Management's system notifications.
param apiManagementPublisherEmail = 'ai@adatum.com'

// Application ID URI of the gateway's app registration in Entra ID (create it, or change this to yours); callers ask for tokens for it.
param gatewayAudience = 'api://adatum-dev-ai-gateway'

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

// Entra groups of the people who use the platform: data-plane roles on the AI resources.
param userGroupObjectIds = []

// Entra groups of the people who administer the platform: management roles on the AI resources, and the logs.
param adminGroupObjectIds = []

// Days Log Analytics keeps data.
param logRetentionInDays = 30

// Deny in every environment: nothing in this landing zone needs public access, so a change that opens a service is a mistake to stop, in dev as in prod.
param publicNetworkAccessPolicyEffect = 'Deny'

// Defender for Cloud's AI services plan on the whole subscription (SEC-02); false where a central security team owns Defender plans.
param enableDefenderForAi = true

// Your own tags for every resource (e.g. costCenter, owner); workload and environment are added.
param tags = {}
