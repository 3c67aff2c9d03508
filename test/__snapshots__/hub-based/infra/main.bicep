metadata description = 'Secure Azure AI landing zone: a Foundry hub, Azure Machine Learning, AI Search, Key Vault and Storage reachable only through private endpoints in one virtual network, whose only way out is an Azure Firewall.'

targetScope = 'subscription'

@description('Short name of the workload: 2-10 lowercase letters, digits and hyphens (no leading, trailing or double hyphen). Part of every resource name.')
@minLength(2)
@maxLength(10)
param workloadName string

@description('Short name of the environment, e.g. dev or prod: 2-5 lowercase letters and digits. Part of every resource name.')
@minLength(2)
@maxLength(5)
param environmentName string

@description('Azure region of the resource group and every regional resource in it.')
param location string

@description('Whether the region has availability zones; zone-redundant SKUs are used where it does.')
param zoneRedundant bool

@description('Address space of the workload virtual network in CIDR notation, e.g. 10.60.0.0/22.')
param vnetAddressPrefix string

@description('Address range of the private endpoint subnet, inside vnetAddressPrefix, e.g. 10.60.0.0/26.')
param privateEndpointSubnetPrefix string

@description('NET-12: address ranges whose clients may reach the private endpoints over HTTPS (and SMB for Azure Files): the workload virtual network, and the range of every network you connect to it (a peered network, a site-to-site VPN, ExpressRoute), e.g. 10.60.0.0/22 and 192.168.10.0/24.')
@minLength(1)
param privateEndpointClientAddressPrefixes array

@description('Address range of the API Management subnet, inside vnetAddressPrefix: /29 or larger (a /27 leaves room to scale out).')
param apiManagementSubnetPrefix string

@description('API Management tier: Developer (no SLA, one unit; for dev and test) or Premium (SLA, scale-out, availability zones). Only these two classic tiers can be injected into a virtual network in internal mode.')
@allowed([
  'Developer'
  'Premium'
])
param apiManagementSku string

@description('Scale units of API Management: 1 for Developer; with Premium in a region with availability zones, a multiple of 2 or 3, spread over the zones.')
@minValue(1)
@maxValue(31)
param apiManagementCapacity int

@description('Email address that receives API Management\'s system notifications.')
@minLength(3)
param apiManagementPublisherEmail string

@description('Application ID URI of the AI gateway\'s app registration in Microsoft Entra ID, e.g. api://contoso-ai-gateway: the audience callers\' tokens must carry (SEC-05).')
@minLength(1)
param gatewayAudience string

@description('App role of that app registration a caller must hold, e.g. Models.Invoke; assign it to the applications and groups that may call the models.')
@minLength(1)
param gatewayCallerRole string

@description('Tokens (prompt plus completion) one caller may use per minute through the gateway, so that no single caller exhausts the model quota.')
@minValue(1)
param gatewayTpmLimitPerCaller int

@description('Address range of AzureFirewallSubnet, a /26 inside vnetAddressPrefix, e.g. 10.60.0.0/26.')
param firewallSubnetPrefix string

@description('Private IP address of the firewall: the first address of firewallSubnetPrefix that Azure does not reserve (network address + 4), e.g. 10.60.0.4. The route table and the DNS servers of the workload use it.')
param firewallPrivateIp string

// Set by the generator's --allowed-fqdns.
@description('FQDNs the workload may reach over HTTPS through the firewall besides Microsoft Entra ID and Azure Resource Manager, e.g. pypi.org or *.example.com; may be empty.')
param firewallAllowedFqdns array

@description('Model deployments on the AI Services account. Each item: { name: string, model: string, format: string, version: string, skuName: string, capacity: int }; capacity is in thousands of tokens per minute.')
@minLength(1)
param modelDeployments array

@description('Pricing tier of AI Search: basic or standard (standard for more than 15 indexes or larger partitions).')
@allowed([
  'basic'
  'standard'
])
param searchSku string

@description('Replicas of AI Search: 3 give the read-write SLA, 2 the read-only one, 1 none.')
@minValue(1)
@maxValue(12)
param searchReplicaCount int

@description('Object IDs of the Microsoft Entra groups of the people who use the platform; each gets the data-plane roles of its AI resources (SEC-09). May be empty.')
param userGroupObjectIds array

@description('Object IDs of the Microsoft Entra groups of the people who administer the platform; each gets the management roles of its AI resources and reads the logs (SEC-09). May be empty.')
param adminGroupObjectIds array

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int

@description('Resource group of the subscription\'s network watcher for location, where the flow logs go. Azure creates NetworkWatcherRG with the first VNet of a subscription; scripts/bootstrap.sh creates it where it is missing. Set it where your organisation keeps its network watchers elsewhere.')
@minLength(1)
@maxLength(90)
param networkWatcherResourceGroupName string = 'NetworkWatcherRG'

@description('Name of the subscription\'s network watcher for location (one per region and subscription). Azure names the one it creates NetworkWatcher_<region>; set it where your organisation names them otherwise.')
@minLength(1)
@maxLength(80)
param networkWatcherName string = 'NetworkWatcher_${location}'

@description('Effect of the policies that deny public network access to the landing zone\'s AI and PaaS resource types (NET-05): Deny blocks a change that opens a service to the internet, Audit only reports it.')
@allowed([
  'Deny'
  'Audit'
])
param publicNetworkAccessPolicyEffect string

@description('Effect of the policies that give private endpoints added later their DNS zone group in the landing zone\'s private DNS zones (NET-05): DeployIfNotExists adds a missing one, Disabled switches the policies off.')
@allowed([
  'DeployIfNotExists'
  'Disabled'
])
param privateDnsZoneGroupPolicyEffect string

@description('Turn on Defender for Cloud\'s AI services plan for the whole subscription (SEC-02). Set false where a central security team manages Defender plans.')
param enableDefenderForAi bool = true

@description('Extra tags for every resource; a key given here overrides the default workload and environment tags.')
param tags object = {}

// Deterministic per subscription, workload and environment: redeployments keep their names, while
// globally unique names (Key Vault, Storage, Foundry subdomain) do not clash between subscriptions.
var nameSuffix = uniqueString(subscription().id, workloadName, environmentName)

// Each name fits its type's rules even at the maximum lengths of workloadName (10) and environmentName (5).
var names = {
  resourceGroup: 'rg-${workloadName}-${environmentName}'
  logAnalytics: 'log-${workloadName}-${environmentName}'
  virtualNetwork: 'vnet-${workloadName}-${environmentName}'
  aiServices: 'ais-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 27 of 64; also its subdomain
  foundryHub: 'hub-${workloadName}-${environmentName}' // <= 20 of 33
  project: 'proj-${workloadName}-${environmentName}'
  machineLearning: 'mlw-${workloadName}-${environmentName}' // <= 20 of 33
  search: 'srch-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 28 of 60, lower case; a global host name
  containerRegistry: toLower('cr${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 6)}') // <= 23 of 50, [a-z0-9] only
  keyVault: 'kv-${workloadName}-${environmentName}-${take(nameSuffix, 4)}' // <= 24 of 24
  storage: toLower('st${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 6)}') // <= 23 of 24, [a-z0-9] only
  routeTable: 'rt-${workloadName}-${environmentName}'
  // PSRule Azure.Firewall.Name and PolicyName accept lower case only, as workloadName and environmentName are.
  firewall: 'afw-${workloadName}-${environmentName}' // its public IP: pip-afw-...
  firewallPolicy: 'afwp-${workloadName}-${environmentName}'
  apiManagement: 'apim-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 29 of 50; also a global host name
  monitorPrivateLinkScope: 'ampls-${workloadName}-${environmentName}'
  flowLogsStorage: toLower('stfl${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 4)}') // <= 23 of 24, [a-z0-9] only
  flowLogsIdentity: 'id-${workloadName}-${environmentName}-flow-logs'
}

var resourceTags = union({ workload: workloadName, environment: environmentName }, tags)

// NET-12: what no rule allows is denied, also from inside the network; and (PSRule Azure.NSG.LateralTraversal)
// nothing in these subnets may open SSH or RDP sessions into the network.
var denyInboundRule = {
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

var denyLateralMovementRule = {
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

var privateEndpointSubnet = {
  name: 'snet-private-endpoints'
  addressPrefix: privateEndpointSubnetPrefix
  // NET-07: like every workload subnet, it sends what leaves the virtual networks to the firewall.
  routeTableResourceId: routeTable.outputs.resourceId
  // NET-12: only HTTPS on port 443 and SMB on port 445 for Azure Files reaches the endpoints (the rule is named for
  // them), and only from the ranges of privateEndpointClientAddressPrefixes.
  // The hub holds no clients of the endpoints; everything else is denied.
  securityRules: [
    {
      name: 'allow-https-smb-from-clients-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefixes: privateEndpointClientAddressPrefixes
        sourcePortRange: '*'
        destinationAddressPrefix: privateEndpointSubnetPrefix
        destinationPortRanges: [
          '443'
          '445'
        ]
      }
    }
    denyInboundRule
    denyLateralMovementRule
  ]
}

// NET-07: Azure Firewall only deploys into a subnet of exactly this name. It gets no NSG (Azure does not support one)
// and no route table: the firewall is where the workload's default route leads.
var firewallSubnet = {
  name: 'AzureFirewallSubnet'
  addressPrefix: firewallSubnetPrefix
}

// NET-08: the rules API Management needs in internal mode (API Management documentation, "Virtual network configuration
// reference"); every other flow, in or out, is denied.
// Written for any subnet of the gateway: sources and destinations inside the networks are
// the VirtualNetwork tag, which the NSG of each subnet evaluates in its own network and peerings.
var apiManagementSecurityRules = [
  {
    // Azure's control plane manages the instance on its management endpoint.
    name: 'allow-api-management-control-plane-inbound'
    properties: {
      priority: 100
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'ApiManagement'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '3443'
    }
  }
  {
    // Health probes of the internal load balancer and of each unit.
    name: 'allow-load-balancer-inbound'
    properties: {
      priority: 110
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'AzureLoadBalancer'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRanges: [
        '6390'
        '6391'
      ]
    }
  }
  {
    // Callers in the network and peered networks reach the gateway over HTTPS only.
    name: 'allow-callers-https-inbound'
    properties: {
      priority: 120
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '443'
    }
  }
  {
    // The units share the token-limit counters.
    name: 'allow-rate-limit-sync-inbound'
    properties: {
      priority: 130
      direction: 'Inbound'
      access: 'Allow'
      protocol: 'Udp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '4290'
    }
  }
  denyInboundRule
  {
    // The service's configuration and data in Azure Storage.
    name: 'allow-storage-outbound'
    properties: {
      priority: 100
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Storage'
      destinationPortRange: '443'
    }
  }
  {
    // The service's configuration database.
    name: 'allow-sql-outbound'
    properties: {
      priority: 110
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Sql'
      destinationPortRange: '1433'
    }
  }
  {
    // The platform's access to Key Vault.
    name: 'allow-key-vault-outbound'
    properties: {
      priority: 120
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureKeyVault'
      destinationPortRange: '443'
    }
  }
  {
    // Metrics, logs, health and Application Insights.
    name: 'allow-azure-monitor-outbound'
    properties: {
      priority: 130
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureMonitor'
      destinationPortRanges: [
        '443'
        '1886'
      ]
    }
  }
  {
    // Signing keys to validate callers' tokens, and the managed identity's own tokens.
    name: 'allow-entra-id-outbound'
    properties: {
      priority: 140
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'AzureActiveDirectory'
      destinationPortRange: '443'
    }
  }
  {
    // The models, through the Foundry account's private endpoint.
    name: 'allow-backend-https-outbound'
    properties: {
      priority: 150
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: privateEndpointSubnetPrefix
      destinationPortRange: '443'
    }
  }
  {
    // Name resolution by the network's DNS server.
    name: 'allow-dns-outbound'
    properties: {
      priority: 160
      direction: 'Outbound'
      access: 'Allow'
      protocol: '*'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '53'
    }
  }
  {
    name: 'allow-rate-limit-sync-outbound'
    properties: {
      priority: 170
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Udp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'VirtualNetwork'
      destinationPortRange: '4290'
    }
  }
  {
    // Certificate revocation checks, Entra ID and the platform's diagnostics, which have no service tag.
    name: 'allow-web-outbound'
    properties: {
      priority: 180
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Tcp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Internet'
      destinationPortRanges: [
        '80'
        '443'
        '12000'
      ]
    }
  }
  {
    // Time synchronisation of the units.
    name: 'allow-ntp-outbound'
    properties: {
      priority: 190
      direction: 'Outbound'
      access: 'Allow'
      protocol: 'Udp'
      sourceAddressPrefix: 'VirtualNetwork'
      sourcePortRange: '*'
      destinationAddressPrefix: 'Internet'
      destinationPortRange: '123'
    }
  }
  {
    // PSRule Azure.NSG.LateralTraversal.
    name: 'deny-ssh-rdp-to-vnet-outbound'
    properties: {
      priority: 4000
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
  {
    // NET-12: nothing else leaves the gateway.
    name: 'deny-all-outbound'
    properties: {
      priority: 4096
      direction: 'Outbound'
      access: 'Deny'
      protocol: '*'
      sourceAddressPrefix: '*'
      sourcePortRange: '*'
      destinationAddressPrefix: '*'
      destinationPortRange: '*'
    }
  }
]

var apiManagementSubnet = {
  name: 'snet-apim'
  addressPrefix: apiManagementSubnetPrefix
  // NET-07: the gateway's own dependencies leave through the firewall too; the route table returns Azure's control plane
  // directly.
  routeTableResourceId: routeTable.outputs.resourceId
  securityRules: apiManagementSecurityRules
}

resource workloadResourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: resourceTags
}

// SEC-02: Microsoft Defender for Cloud's threat protection for AI services (jailbreak and data-leak
// attempts, suspicious access to the model endpoints). It is a subscription-wide plan, so every
// environment deployed to the subscription sets the same value. Prompt evidence in alerts is a separate
// opt-in extension, left off: whether prompts may appear in security alerts is the data owner's decision.
// Where a central security team owns Defender's plans, set enableDefenderForAi to false so that a deployment
// never resets their settings.
resource defenderForAi 'Microsoft.Security/pricings@2024-01-01' = if (enableDefenderForAi) {
  name: 'AI'
  properties: {
    pricingTier: 'Standard'
  }
}

module logAnalytics 'modules/monitoring/log-analytics.bicep' = {
  scope: workloadResourceGroup
  name: 'log-analytics'
  params: {
    name: names.logAnalytics
    location: location
    retentionInDays: logRetentionInDays
    // NET-01: agents in the network send through the Azure Monitor Private Link Scope.
    publicNetworkAccessForIngestion: 'Disabled'
    // No jumpbox and no VPN: nobody could reach the scope's endpoint, so queries stay public, with Entra ID and RBAC.
    publicNetworkAccessForQuery: 'Enabled'
    // SEC-09: Log Analytics Reader for the administrators' groups.
    roleAssignments: map(adminGroupObjectIds, id => {
      principalId: id
      principalType: 'Group'
      roleDefinitionId: '73c42c96-874c-492b-b04d-ab87d138a893'
      description: 'Reads the diagnostics of every resource.'
    })
    tags: resourceTags
  }
}

// NET-07: the default route of the workload subnets. It takes the firewall's address from the parameter, so the
// workload network need not wait for the firewall.
module routeTable 'modules/network/route-table.bicep' = {
  scope: workloadResourceGroup
  name: 'route-table'
  params: {
    name: names.routeTable
    location: location
    firewallPrivateIp: firewallPrivateIp
    tags: resourceTags
  }
}

module virtualNetwork 'modules/network/virtual-network.bicep' = {
  scope: workloadResourceGroup
  name: 'virtual-network'
  params: {
    name: names.virtualNetwork
    location: location
    addressPrefixes: [vnetAddressPrefix]
    subnets: [
      privateEndpointSubnet
      apiManagementSubnet
      firewallSubnet
    ]
    // NET-07: the workload resolves names through the firewall's DNS proxy, so the names its application rules match
    // are the names the workload resolved. The firewall asks Azure DNS from its own network, which is linked to every
    // private DNS zone: private endpoint names still resolve to private addresses.
    dnsServers: [firewallPrivateIp]
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

var privateEndpointSubnetResourceId = virtualNetwork.outputs.subnetResourceIds[privateEndpointSubnet.name]

// NET-03: one private DNS zone per service endpoint name, each linked to the virtual network.
// A Foundry account answers on three names, so its endpoint registers in three zones. The storage zones follow the
// cloud's storage suffix (no-hardcoded-env-urls); the other names are those of the Azure public cloud, the only cloud
// this version targets. Not derived from environment().suffixes.keyvaultDns: that suffix starts with "vault", the
// zone is "vaultcore".
module privateDnsZones 'modules/network/private-dns-zones.bicep' = {
  scope: workloadResourceGroup
  name: 'private-dns-zones'
  params: {
    zoneNames: {
      cognitiveServices: 'privatelink.cognitiveservices.azure.com'
      openAi: 'privatelink.openai.azure.com'
      aiServices: 'privatelink.services.ai.azure.com'
      keyVault: 'privatelink.vaultcore.azure.net'
      blob: 'privatelink.blob.${environment().suffixes.storage}'
      file: 'privatelink.file.${environment().suffixes.storage}'
      search: 'privatelink.search.windows.net'
      machineLearningApi: 'privatelink.api.azureml.ms'
      machineLearningNotebooks: 'privatelink.notebooks.azure.net'
      containerRegistry: 'privatelink${environment().suffixes.acrLoginServer}'
      monitor: 'privatelink.monitor.azure.com'
      logAnalyticsQuery: 'privatelink.oms.opinsights.azure.com'
      logAnalyticsIngestion: 'privatelink.ods.opinsights.azure.com'
      monitorAgents: 'privatelink.agentsvc.azure-automation.net'
    }
    virtualNetworkResourceIds: [
      virtualNetwork.outputs.resourceId
    ]
    tags: resourceTags
  }
}

var privateDnsZoneResourceIds = privateDnsZones.outputs.resourceIds

// NET-07: the only way out of the virtual network: HTTPS to Microsoft Entra ID, Azure Resource Manager
// and the FQDNs of firewallAllowedFqdns, from the workload virtual network; API Management's platform dependencies. Everything else is denied.
module firewall 'modules/network/firewall.bicep' = {
  scope: workloadResourceGroup
  name: 'firewall'
  params: {
    name: names.firewall
    policyName: names.firewallPolicy
    location: location
    zoneRedundant: zoneRedundant
    virtualNetworkName: virtualNetwork.outputs.name
    sourceAddressPrefixes: [vnetAddressPrefix]
    allowedFqdns: firewallAllowedFqdns
    apiManagementSubnetPrefixes: [apiManagementSubnetPrefix]
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// NET-08, SEC-05: API Management in internal mode is the one door to the models: it admits Microsoft Entra ID
// callers holding the gateway's app role, limits and meters tokens per caller, and calls the AI Services account with its
// own managed identity. The backend's address is built from the account's name, so the gateway (the slowest resource
// of the deployment) does not wait for the account or its model deployments.
module apiManagement 'modules/gateway/api-management.bicep' = {
  scope: workloadResourceGroup
  name: 'api-management'
  params: {
    name: names.apiManagement
    location: location
    skuName: apiManagementSku
    skuCapacity: apiManagementCapacity
    zoneRedundant: zoneRedundant
    subnetResourceId: virtualNetwork.outputs.subnetResourceIds[apiManagementSubnet.name]
    publisherEmail: apiManagementPublisherEmail
    publisherName: workloadName
    gatewayAudience: gatewayAudience
    callerAppRole: gatewayCallerRole
    backendEndpoint: 'https://${names.aiServices}.cognitiveservices.azure.com/'
    tpmLimitPerCaller: gatewayTpmLimitPerCaller
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // API Management needs the network's DNS server working when it is created.
  dependsOn: [firewall]
}

// SEC-09, SEC-10: the gateway's identity may call the models of this account and nothing else.
module apiManagementModelAccess 'modules/ai/account-role-assignment.bicep' = {
  scope: workloadResourceGroup
  name: 'api-management-model-access'
  params: {
    accountName: names.aiServices
    roleDefinitionId: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
    #disable-next-line what-if-short-circuiting // The identity exists only once the gateway does; what-if cannot know it.
    principalId: apiManagement.outputs.principalId
    principalStableId: resourceId(
      subscription().subscriptionId,
      names.resourceGroup,
      'Microsoft.ApiManagement/service',
      names.apiManagement
    )
    roleAssignmentDescription: 'The AI gateway calls the model deployments with its managed identity (SEC-05).'
  }
  dependsOn: [aiServices]
}

// Internal mode publishes no DNS: callers find the gateway through this zone.
module apiManagementDns 'modules/gateway/api-management-dns.bicep' = {
  scope: workloadResourceGroup
  name: 'api-management-dns'
  params: {
    apiManagementName: names.apiManagement
    privateIpAddress: apiManagement.outputs.privateIpAddress
    virtualNetworkResourceIds: [
      virtualNetwork.outputs.resourceId
    ]
    tags: resourceTags
  }
}

// FDY-05: the AI Services account the hub connects to, which serves the model deployments; locked down on its own.
module aiServices 'modules/ai/ai-services-account.bicep' = {
  scope: workloadResourceGroup
  name: 'ai-services'
  params: {
    name: names.aiServices
    location: location
    kind: 'AIServices'
    // NET-07: the only hosts the account may call, this landing zone's own data services.
    allowedOutboundHosts: [
      '${names.storage}.blob.${environment().suffixes.storage}'
      // Written out: environment().suffixes has no AI Search suffix (acrLoginServer, keyvaultDns, sqlServerHostname,
      // storage and a few more: https://learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-deployment#environment),
      // so this is the public cloud's name, the only cloud the generator targets.
      '${names.search}.search.windows.net'
    ]
    // SEC-09: Cognitive Services User for the users' groups, Cognitive Services Contributor for the administrators' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'a97b65f3-24c7-4388-baec-2e87135dc908'
        description: 'Calls the models and AI services of the account.'
      }),
      map(adminGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '25fbc0a9-bd7c-42a3-aa1a-3b75d497ee68'
        description: 'Manages the account and its model deployments.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// SEC-03: the models, each behind the content filter with prompt shields. They start once the account exist: the account accepts one change at a time.
module models 'modules/ai/model-deployments.bicep' = {
  scope: workloadResourceGroup
  name: 'model-deployments'
  params: {
    accountName: names.aiServices
    modelDeployments: modelDeployments
    tags: resourceTags
  }
  dependsOn: [aiServices]
}

// FDY-05: the images of the hub and the workspace, private like everything else.
module containerRegistry 'modules/data/container-registry.bicep' = {
  scope: workloadResourceGroup
  name: 'container-registry'
  params: {
    name: names.containerRegistry
    location: location
    zoneRedundant: zoneRedundant
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// AI Search for retrieval. It reaches the storage account and the AI Services account
// through shared private links of its own, since both refuse public traffic; each link waits for approval on its target (README).
module search 'modules/ai/search-service.bicep' = {
  scope: workloadResourceGroup
  name: 'search'
  params: {
    name: names.search
    location: location
    skuName: searchSku
    replicaCount: searchReplicaCount
    sharedPrivateLinks: [
      {
        name: 'storage-blob'
        privateLinkResourceId: storage.outputs.resourceId
        groupId: 'blob'
        requestMessage: 'AI Search indexers read documents from the workload storage account.'
      }
      {
        name: 'aiServices'
        privateLinkResourceId: aiServices.outputs.resourceId
        // The embedding skill and the vectorizers call the account's OpenAI endpoint.
        groupId: 'openai_account'
        requestMessage: 'AI Search vectorizes documents and queries with the models.'
      }
    ]
    // SEC-09: Search Index Data Contributor for the users' groups, Search Service Contributor for the administrators' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '8ebe5a00-799e-43f5-93ac-243d3dce84a7'
        description: 'Creates and queries the indexes.'
      }),
      map(adminGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '7ca78c08-252a-4471-8644-bb5ff32d4ba0'
        description: 'Manages the search service, its indexes and indexers.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // Each shared private link adds a connection to the account, which accepts one change at a time: it follows the
  // account's own private endpoint, which follows the model deployments.
  dependsOn: [aiServicesPrivateEndpoint]
}

// SEC-10: AI Search (which waits for the targets of its links) reaches them with its own identity: its indexers read the documents
// and its vectorizers call the models.
module searchStorageAccess 'modules/data/storage-role-assignment.bicep' = {
  scope: workloadResourceGroup
  name: 'search-storage-access'
  params: {
    storageAccountName: names.storage
    roleDefinitionId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1' // Storage Blob Data Reader
    #disable-next-line what-if-short-circuiting // The identity exists only once the service does; what-if cannot know it.
    principalId: search.outputs.principalId
    principalStableId: resourceId(
      subscription().subscriptionId,
      names.resourceGroup,
      'Microsoft.Search/searchServices',
      names.search
    )
    roleAssignmentDescription: 'AI Search indexers read the workload\'s documents.'
  }
}

module searchModelAccess 'modules/ai/account-role-assignment.bicep' = {
  scope: workloadResourceGroup
  name: 'search-model-access'
  params: {
    accountName: names.aiServices
    roleDefinitionId: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User
    #disable-next-line what-if-short-circuiting // The identity exists only once the service does; what-if cannot know it.
    principalId: search.outputs.principalId
    principalStableId: resourceId(
      subscription().subscriptionId,
      names.resourceGroup,
      'Microsoft.Search/searchServices',
      names.search
    )
    roleAssignmentDescription: 'AI Search vectorizes documents and queries with the models.'
  }
}

// FDY-02, FDY-03, FDY-04: hub-based Foundry. The hub's managed network allows only approved outbound traffic and is
// provisioned now, so its private endpoints to the storage account, the key vault, the registry, AI Search and the
// AI Services account are active from the start.
module foundryHub 'modules/ai/foundry-hub.bicep' = {
  scope: workloadResourceGroup
  name: 'foundry-hub'
  params: {
    name: names.foundryHub
    location: location
    projectName: names.project
    // Known in advance, so that what-if sees the roles the module gives the project on it.
    storageAccountResourceId: resourceId(
      subscription().subscriptionId,
      names.resourceGroup,
      'Microsoft.Storage/storageAccounts',
      names.storage
    )
    keyVaultResourceId: keyVault.outputs.resourceId
    containerRegistryResourceId: containerRegistry.outputs.resourceId
    aiServicesAccountName: names.aiServices
    privateEndpointOutboundRules: [
      {
        name: 'ai-services'
        serviceResourceId: aiServices.outputs.resourceId
        subresourceTarget: 'account'
      }
      {
        name: 'search'
        serviceResourceId: search.outputs.resourceId
        subresourceTarget: 'searchService'
      }
    ]
    // SEC-09: Azure AI Developer for the users' groups, Azure AI Administrator for the administrators' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '64702f94-c441-49e6-a78b-ef80e0188fee'
        description: 'Builds in the hub\'s projects.'
      }),
      map(adminGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'b78c5d69-af96-48a3-bf8d-a8b4d589de94'
        description: 'Manages the hub, its projects and its connections.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // The managed network opens its own endpoint to the AI Services account, which accepts one change at a time.
  dependsOn: [aiServicesPrivateEndpoint]
}

// NET-07: an Azure Machine Learning workspace whose managed network allows only approved outbound traffic.
module machineLearning 'modules/ai/machine-learning-workspace.bicep' = {
  scope: workloadResourceGroup
  name: 'machine-learning'
  params: {
    name: names.machineLearning
    location: location
    storageAccountResourceId: storage.outputs.resourceId
    keyVaultResourceId: keyVault.outputs.resourceId
    containerRegistryResourceId: containerRegistry.outputs.resourceId
    privateEndpointOutboundRules: [
      {
        name: 'search'
        serviceResourceId: search.outputs.resourceId
        subresourceTarget: 'searchService'
      }
    ]
    // SEC-09: AzureML Data Scientist for the users' groups, Azure AI Administrator for the administrators' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'f6c7c914-8db3-469d-8ca1-694a8f32e121'
        description: 'Runs experiments, jobs and endpoints in the workspace.'
      }),
      map(adminGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'b78c5d69-af96-48a3-bf8d-a8b4d589de94'
        description: 'Manages the workspace and its managed network.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

module keyVault 'modules/data/key-vault.bicep' = {
  scope: workloadResourceGroup
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

module storage 'modules/data/storage-account.bicep' = {
  scope: workloadResourceGroup
  name: 'storage'
  params: {
    name: names.storage
    location: location
    zoneRedundant: zoneRedundant
    // SEC-09: Storage Blob Data Contributor for the users' groups, Storage File Data Privileged Contributor for the users' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
        description: 'Reads and writes the blobs of the workload.'
      }),
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '69566ab7-960f-475b-8e7c-b3118f30c6bd'
        description: 'Uses notebooks and compute instances, whose files live in the storage account.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// NET-01, NET-02: Azure Monitor through a private endpoint, for Log Analytics and the gateway's Application Insights.
// One scope per DNS (Learn, "Design your Azure Private Link setup"): the zones are linked to this VNet
// only, so no other scope's records compete for Azure Monitor's names.
module monitorPrivateLinkScope 'modules/monitoring/private-link-scope.bicep' = {
  scope: workloadResourceGroup
  name: 'monitor-private-link-scope'
  params: {
    name: names.monitorPrivateLinkScope
    scopedResourceIds: [
      logAnalytics.outputs.resourceId
      // PrivateOnly ingestion admits only linked resources: the gateway's telemetry must be one of them.
      apiManagement.outputs.applicationInsightsResourceId
    ]
    tags: resourceTags
  }
}

// SEC-11: flow logs of the VNet, in the subscription's network watcher,
// which is shared by every workload of the region: the deployment name carries this environment's.
module flowLogs 'modules/monitoring/flow-logs.bicep' = {
  scope: resourceGroup(networkWatcherResourceGroupName)
  name: 'flow-logs-${workloadName}-${environmentName}'
  params: {
    networkWatcherName: networkWatcherName
    location: location
    virtualNetworks: [
      { name: names.virtualNetwork, resourceId: virtualNetwork.outputs.resourceId }
    ]
    storageAccountName: names.flowLogsStorage
    identityName: names.flowLogsIdentity
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// NET-05: Azure Policy keeps the posture when people change things later: no AI or PaaS resource in the workload
// resource group may open itself to the internet.
module publicNetworkAccessPolicies 'modules/policy/deny-public-network-access.bicep' = {
  scope: workloadResourceGroup
  name: 'policy-deny-public-network-access'
  params: {
    resourceTypes: [
      'cognitiveServices'
      'storage'
      'keyVault'
      'search'
      'machineLearning'
      'containerRegistry'
    ]
    effect: publicNetworkAccessPolicyEffect
  }
}

// NET-05: a private endpoint someone adds later without a DNS zone group gets one in these zones. The built-in
// definitions write one zone per endpoint: an AI Services endpoint added later resolves only its cognitiveservices name.
module privateDnsZoneGroupPolicies 'modules/policy/private-dns-zone-groups.bicep' = {
  scope: workloadResourceGroup
  name: 'policy-private-dns-zone-groups'
  params: {
    location: location
    privateDnsZoneResourceIds: privateDnsZoneResourceIds
    zoneGroups: [
      'cognitiveServices'
      'blob'
      'file'
      'keyVault'
      'search'
      'machineLearning'
      'containerRegistry'
    ]
    effect: privateDnsZoneGroupPolicyEffect
  }
}

// NET-02: every service gets its endpoint in the dedicated subnet.
// The endpoint of the account that serves the models waits for the model deployments: an endpoint on an account
// still busy with its children (the 'Accepted' state) fails.
module aiServicesPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-ai-services'
  params: {
    name: 'pe-${names.aiServices}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: aiServices.outputs.resourceId
    groupId: 'account'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.cognitiveServices
      privateDnsZoneResourceIds.openAi
      privateDnsZoneResourceIds.aiServices
    ]
    tags: resourceTags
  }
  dependsOn: [models]
}

module foundryHubPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-foundry-hub'
  params: {
    name: 'pe-${names.foundryHub}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: foundryHub.outputs.resourceId
    groupId: 'amlworkspace'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.machineLearningApi
      privateDnsZoneResourceIds.machineLearningNotebooks
    ]
    tags: resourceTags
  }
}

module machineLearningPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-machine-learning'
  params: {
    name: 'pe-${names.machineLearning}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: machineLearning.outputs.resourceId
    groupId: 'amlworkspace'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.machineLearningApi
      privateDnsZoneResourceIds.machineLearningNotebooks
    ]
    tags: resourceTags
  }
}

module searchPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-search'
  params: {
    name: 'pe-${names.search}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: search.outputs.resourceId
    groupId: 'searchService'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.search
    ]
    tags: resourceTags
  }
}

module containerRegistryPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-container-registry'
  params: {
    name: 'pe-${names.containerRegistry}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: containerRegistry.outputs.resourceId
    groupId: 'registry'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.containerRegistry
    ]
    tags: resourceTags
  }
}

module keyVaultPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-key-vault'
  params: {
    name: 'pe-${names.keyVault}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: keyVault.outputs.resourceId
    groupId: 'vault'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.keyVault
    ]
    tags: resourceTags
  }
}

module blobPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-storage-blob'
  params: {
    name: 'pe-${names.storage}-blob'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: storage.outputs.resourceId
    groupId: 'blob'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.blob
    ]
    tags: resourceTags
  }
}

module filePrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-storage-file'
  params: {
    name: 'pe-${names.storage}-file'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: storage.outputs.resourceId
    groupId: 'file'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.file
    ]
    tags: resourceTags
  }
}

module monitorPrivateLinkScopePrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-monitor-private-link-scope'
  params: {
    name: 'pe-${names.monitorPrivateLinkScope}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: monitorPrivateLinkScope.outputs.resourceId
    groupId: 'azuremonitor'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.monitor
      privateDnsZoneResourceIds.logAnalyticsQuery
      privateDnsZoneResourceIds.logAnalyticsIngestion
      privateDnsZoneResourceIds.monitorAgents
      privateDnsZoneResourceIds.blob
    ]
    tags: resourceTags
  }
}

@description('Name of the workload resource group.')
output resourceGroupName string = workloadResourceGroup.name

@description('Resource ID of the workload virtual network.')
output virtualNetworkResourceId string = virtualNetwork.outputs.resourceId

@description('Private IP address Azure gave the firewall; it must equal the parameter firewallPrivateIp, which the route table and the DNS servers use (NET-07).')
output firewallPrivateIp string = firewall.outputs.privateIpAddress

@description('Name of API Management, the AI gateway.')
output apiManagementName string = apiManagement.outputs.name

@description('Base URL of the model API behind the AI gateway, for the Azure OpenAI SDKs; reachable only from inside the network.')
output gatewayModelEndpoint string = 'https://${apiManagement.outputs.gatewayHostName}/openai'

@description('Resource ID of the Log Analytics workspace that receives every diagnostic setting.')
output logAnalyticsWorkspaceResourceId string = logAnalytics.outputs.resourceId

@description('Resource IDs of the virtual network flow logs, in the subscription\'s Network Watcher resource group.')
output flowLogResourceIds array = flowLogs.outputs.flowLogResourceIds

@description('Name of the AI Services account.')
output aiServicesAccountName string = aiServices.outputs.name

@description('Endpoint of the AI Services account; reachable only from inside the virtual network.')
output aiServicesEndpoint string = aiServices.outputs.endpoint

@description('Name of the Foundry hub.')
output foundryHubName string = foundryHub.outputs.name

@description('Name of the hub\'s Foundry project.')
output foundryProjectName string = foundryHub.outputs.projectName

@description('Name of the Azure Machine Learning workspace.')
output machineLearningWorkspaceName string = machineLearning.outputs.name

@description('Name of the AI Search service; its shared private links await approval on their targets after the first deployment.')
output searchServiceName string = search.outputs.name

@description('Name of the container registry.')
output containerRegistryName string = containerRegistry.outputs.name

@description('Name of the key vault.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('The names clients use for every service behind a private endpoint; scripts/verify-private-endpoints checks that each resolves to a private address and answers on 443 (NET-13).')
output privateEndpointFqdns array = flatten([
  aiServicesPrivateEndpoint.outputs.fqdns
  foundryHubPrivateEndpoint.outputs.fqdns
  machineLearningPrivateEndpoint.outputs.fqdns
  searchPrivateEndpoint.outputs.fqdns
  containerRegistryPrivateEndpoint.outputs.fqdns
  keyVaultPrivateEndpoint.outputs.fqdns
  blobPrivateEndpoint.outputs.fqdns
  filePrivateEndpoint.outputs.fqdns
  monitorPrivateLinkScopePrivateEndpoint.outputs.fqdns
])
