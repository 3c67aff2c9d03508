metadata description = 'Secure Azure AI landing zone: Foundry, AI Search, Cosmos DB, Key Vault and Storage reachable only through private endpoints in a spoke virtual network, peered with a hub that holds the private DNS zones and a DNS Private Resolver, and an Azure Firewall that is the only way out.'

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

@description('NET-12: address ranges whose clients may reach the private endpoints over HTTPS (and SMB for Azure Files): the workload virtual network, and the range of every network you connect to the spoke (a peered network, a site-to-site VPN, ExpressRoute), e.g. 10.60.0.0/22 and 192.168.10.0/24.')
@minLength(1)
param privateEndpointClientAddressPrefixes array

@description('Address space of the hub virtual network in CIDR notation, e.g. 10.50.0.0/24; must not overlap vnetAddressPrefix.')
param hubVnetAddressPrefix string

@description('Address range of the DNS Private Resolver inbound endpoint subnet, inside hubVnetAddressPrefix: /28 to /24 and outside 10.0.1.0-10.0.16.255 (reserved by the resolver).')
param dnsResolverInboundSubnetPrefix string

@description('Address range of the DNS Private Resolver outbound endpoint subnet, inside hubVnetAddressPrefix: /28 to /24 and outside 10.0.1.0-10.0.16.255 (reserved by the resolver).')
param dnsResolverOutboundSubnetPrefix string

@description('Address range of AzureFirewallSubnet, a /26 inside hubVnetAddressPrefix, e.g. 10.50.0.0/26.')
param firewallSubnetPrefix string

@description('Private IP address of the firewall: the first address of firewallSubnetPrefix that Azure does not reserve (network address + 4), e.g. 10.50.0.4. The route table and the DNS servers of the workload use it.')
param firewallPrivateIp string

// Set by the generator's --allowed-fqdns.
@description('FQDNs the workload may reach over HTTPS through the firewall besides Microsoft Entra ID and Azure Resource Manager, e.g. pypi.org or *.example.com; may be empty.')
param firewallAllowedFqdns array

@description('Address range of the agent subnet, the workload VNet\'s second address prefix: a /27 or larger (/24 recommended) inside 172.16.0.0/12 or 192.168.0.0/16, where the Foundry Agent Service injects its containers.')
param agentSubnetPrefix string

@description('Whether the agents\' Cosmos DB account spans the region\'s availability zones; off where the subscription has no zone-redundant Cosmos DB capacity in the region. Fixed when the account is created.')
param cosmosDbZoneRedundant bool

@description('Model deployments on the Foundry account. Each item: { name: string, model: string, format: string, version: string, skuName: string, capacity: int }; capacity is in thousands of tokens per minute.')
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
  foundry: 'ais-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 27 of 64; also its subdomain
  project: 'proj-${workloadName}-${environmentName}'
  search: 'srch-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 28 of 60, lower case; a global host name
  cosmosDb: 'cosmos-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 30 of 44, lower case
  agentStorage: toLower('stag${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 5)}') // <= 24 of 24, [a-z0-9] only
  keyVault: 'kv-${workloadName}-${environmentName}-${take(nameSuffix, 4)}' // <= 24 of 24
  storage: toLower('st${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 6)}') // <= 23 of 24, [a-z0-9] only
  hubResourceGroup: 'rg-${workloadName}-${environmentName}-hub'
  hubVirtualNetwork: 'vnet-${workloadName}-${environmentName}-hub'
  dnsResolver: 'dnspr-${workloadName}-${environmentName}'
  routeTable: 'rt-${workloadName}-${environmentName}'
  // PSRule Azure.Firewall.Name and PolicyName accept lower case only, as workloadName and environmentName are.
  firewall: 'afw-${workloadName}-${environmentName}' // its public IP: pip-afw-...
  firewallPolicy: 'afwp-${workloadName}-${environmentName}'
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
  // them), and only from the ranges of privateEndpointClientAddressPrefixes, the agents' subnet.
  // The hub holds no clients of the endpoints; everything else is denied.
  securityRules: [
    {
      name: 'allow-https-smb-from-clients-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefixes: concat(privateEndpointClientAddressPrefixes, [agentSubnetPrefix])
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

// The inbound endpoint answers DNS (UDP, and TCP for large answers) from the VirtualNetwork service tag: this network,
// its peered networks and networks behind a VPN or ExpressRoute gateway. The rule covers the whole subnet, not only the
// endpoint's address: the resolver's instances behind the endpoint use other addresses of the subnet.
// Each subnet is the resolver's alone: delegated to it, nothing else may be deployed there. The outbound endpoint only
// sends queries and receives their answers on the same flows, so nothing may reach it.
var dnsResolverInboundSubnet = {
  name: 'snet-dns-inbound'
  addressPrefix: dnsResolverInboundSubnetPrefix
  delegation: 'Microsoft.Network/dnsResolvers'
  securityRules: [
    {
      name: 'allow-dns-udp-from-virtual-network-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Udp'
        sourceAddressPrefix: 'VirtualNetwork'
        sourcePortRange: '*'
        destinationAddressPrefix: dnsResolverInboundSubnetPrefix
        destinationPortRange: '53'
      }
    }
    {
      name: 'allow-dns-tcp-from-virtual-network-inbound'
      properties: {
        priority: 110
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'VirtualNetwork'
        sourcePortRange: '*'
        destinationAddressPrefix: dnsResolverInboundSubnetPrefix
        destinationPortRange: '53'
      }
    }
    denyInboundRule
    denyLateralMovementRule
  ]
}

var dnsResolverOutboundSubnet = {
  name: 'snet-dns-outbound'
  addressPrefix: dnsResolverOutboundSubnetPrefix
  delegation: 'Microsoft.Network/dnsResolvers'
  securityRules: [denyInboundRule, denyLateralMovementRule]
}

// FDY-06: the Agent Service's containers, dedicated to the Foundry account. They are called only through the account,
// so nothing may come in; what they call leaves through the firewall.
var agentSubnet = {
  name: 'snet-agents'
  addressPrefix: agentSubnetPrefix
  delegation: 'Microsoft.App/environments'
  routeTableResourceId: routeTable.outputs.resourceId
  securityRules: [denyInboundRule, denyLateralMovementRule]
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
    addressPrefixes: [
      vnetAddressPrefix
      agentSubnetPrefix
    ]
    subnets: [
      privateEndpointSubnet
      agentSubnet
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

// NET-10: the connectivity of this environment has a resource group of its own, apart from the workload.
resource hubResourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.hubResourceGroup
  location: location
  tags: resourceTags
}

// The hub logs to the same workspace as the spoke (SEC-11): it serves this environment only and is created and removed
// with it.
module hubVirtualNetwork 'modules/network/virtual-network.bicep' = {
  scope: hubResourceGroup
  name: 'hub-virtual-network'
  params: {
    name: names.hubVirtualNetwork
    location: location
    addressPrefixes: [hubVnetAddressPrefix]
    subnets: [
      firewallSubnet
      dnsResolverInboundSubnet
      dnsResolverOutboundSubnet
    ]
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// NET-04: VPN and on-premises clients resolve the private endpoint names through the inbound endpoint, which
// answers from the zones linked to its network. A module of its own, beside the network rather than inside it,
// so the zones and private endpoints need not wait for the resolver.
module dnsResolver 'modules/network/dns-private-resolver.bicep' = {
  scope: hubResourceGroup
  name: 'dns-resolver'
  params: {
    name: names.dnsResolver
    location: location
    virtualNetworkResourceId: hubVirtualNetwork.outputs.resourceId
    inboundSubnetResourceId: hubVirtualNetwork.outputs.subnetResourceIds[dnsResolverInboundSubnet.name]
    outboundSubnetResourceId: hubVirtualNetwork.outputs.subnetResourceIds[dnsResolverOutboundSubnet.name]
    tags: resourceTags
  }
}

// NET-10: peering in both directions without gateway transit, as the hub has no gateway (either flag would fail the deployment).
// Forwarded traffic is allowed: the firewall in the hub routes the spoke's traffic.
// What-if must know each peering's name and target before deployment, so they come from the names, not from module
// outputs; dependsOn then orders the peerings after both networks and after everything that joins a hub subnet:
// each of them updates the hub network, and a peering started meanwhile fails with ReferencedResourceNotProvisioned.
var hubVirtualNetworkResourceId = resourceId(
  subscription().subscriptionId,
  names.hubResourceGroup,
  'Microsoft.Network/virtualNetworks',
  names.hubVirtualNetwork
)
var spokeVirtualNetworkResourceId = resourceId(
  subscription().subscriptionId,
  names.resourceGroup,
  'Microsoft.Network/virtualNetworks',
  names.virtualNetwork
)

module hubToSpokePeering 'modules/network/virtual-network-peering.bicep' = {
  scope: hubResourceGroup
  name: 'peering-hub-to-spoke'
  params: {
    localVirtualNetworkName: names.hubVirtualNetwork
    remoteVirtualNetworkResourceId: spokeVirtualNetworkResourceId
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
  dependsOn: [hubVirtualNetwork, virtualNetwork, dnsResolver, firewall]
}

module spokeToHubPeering 'modules/network/virtual-network-peering.bicep' = {
  scope: workloadResourceGroup
  name: 'peering-spoke-to-hub'
  params: {
    localVirtualNetworkName: names.virtualNetwork
    remoteVirtualNetworkResourceId: hubVirtualNetworkResourceId
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: false
  }
  dependsOn: [hubToSpokePeering]
}

// NET-03, NET-04: one private DNS zone per service endpoint name, kept centrally in the hub resource group and
// linked to the hub (where the resolver answers from them) and to the spoke.
// A Foundry account answers on three names, so its endpoint registers in three zones. The storage zones follow the
// cloud's storage suffix (no-hardcoded-env-urls); the other names are those of the Azure public cloud, the only cloud
// this version targets. Not derived from environment().suffixes.keyvaultDns: that suffix starts with "vault", the
// zone is "vaultcore".
module privateDnsZones 'modules/network/private-dns-zones.bicep' = {
  scope: hubResourceGroup
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
      cosmosDb: 'privatelink.documents.azure.com'
      monitor: 'privatelink.monitor.azure.com'
      logAnalyticsQuery: 'privatelink.oms.opinsights.azure.com'
      logAnalyticsIngestion: 'privatelink.ods.opinsights.azure.com'
      monitorAgents: 'privatelink.agentsvc.azure-automation.net'
    }
    virtualNetworkResourceIds: [
      hubVirtualNetwork.outputs.resourceId
      virtualNetwork.outputs.resourceId
    ]
    tags: resourceTags
  }
}

var privateDnsZoneResourceIds = privateDnsZones.outputs.resourceIds

// NET-07: the only way out of the spoke, in the hub (NET-10): HTTPS to Microsoft Entra ID, Azure Resource Manager
// and the FQDNs of firewallAllowedFqdns, from the workload virtual network. Everything else is denied.
module firewall 'modules/network/firewall.bicep' = {
  scope: hubResourceGroup
  name: 'firewall'
  params: {
    name: names.firewall
    policyName: names.firewallPolicy
    location: location
    zoneRedundant: zoneRedundant
    virtualNetworkName: hubVirtualNetwork.outputs.name
    sourceAddressPrefixes: [
      vnetAddressPrefix
      agentSubnetPrefix
    ]
    agentSubnetPrefix: agentSubnetPrefix
    allowedFqdns: firewallAllowedFqdns
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// FDY-06: project-based Foundry, the recommended setup (FDY-01).
module foundry 'modules/ai/foundry-account.bicep' = {
  scope: workloadResourceGroup
  name: 'foundry'
  params: {
    name: names.foundry
    location: location
    projectName: names.project
    projectDescription: 'Foundry project of workload ${workloadName} (${environmentName}).'
    agentSubnetResourceId: virtualNetwork.outputs.subnetResourceIds[agentSubnet.name]
    // SEC-09: Azure AI User for the users' groups, Azure AI Project Manager for the administrators' groups.
    roleAssignments: concat(
      map(userGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: '53ca6127-db72-4b80-b1b0-d745d6d5456d'
        description: 'Builds in the Foundry project and calls its models and agents.'
      }),
      map(adminGroupObjectIds, id => {
        principalId: id
        principalType: 'Group'
        roleDefinitionId: 'eadc314b-1a2d-4efa-be10-5d325db5065e'
        description: 'Manages the Foundry projects and their model deployments.'
      })
    )
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// SEC-03: the models, each behind the content filter with prompt shields. They start once the account and its
// project exist: the account accepts one change at a time.
module models 'modules/ai/model-deployments.bicep' = {
  scope: workloadResourceGroup
  name: 'model-deployments'
  params: {
    accountName: names.foundry
    modelDeployments: modelDeployments
    tags: resourceTags
  }
  dependsOn: [foundry]
}

// AI Search for retrieval and the agents' vector stores. It reaches the storage account and the Foundry account
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
        name: 'foundry'
        privateLinkResourceId: foundry.outputs.resourceId
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
  dependsOn: [foundryPrivateEndpoint]
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
    accountName: names.foundry
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
    // SEC-09: Storage Blob Data Contributor for the users' groups.
    roleAssignments: map(userGroupObjectIds, id => {
      principalId: id
      principalType: 'Group'
      roleDefinitionId: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
      description: 'Reads and writes the blobs of the workload.'
    })
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// FDY-06: the agents' threads, keyless and private.
module cosmosDb 'modules/data/cosmos-db.bicep' = {
  scope: workloadResourceGroup
  name: 'cosmos-db'
  params: {
    name: names.cosmosDb
    location: location
    zoneRedundant: cosmosDbZoneRedundant
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// FDY-06, SEC-09: the agents' files in a storage account of their own. The project's identity becomes Storage Blob Data
// Owner of its containers there, which it must not be on the workload's account, where people and AI Search keep
// their documents. Only the Agent Service writes here, so no group gets a role. (Learn, "Standard agent setup":
// https://learn.microsoft.com/azure/foundry-classic/agents/concepts/standard-agent-setup)
module agentStorage 'modules/data/storage-account.bicep' = {
  scope: workloadResourceGroup
  name: 'agent-storage'
  params: {
    name: names.agentStorage
    location: location
    zoneRedundant: zoneRedundant
    roleAssignments: []
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

// FDY-06: the standard agent setup: the project keeps threads in Cosmos DB, files in the agents' storage account and vector
// stores in AI Search, each reached through its private endpoint with the project's identity. The capability host
// starts once those endpoints and their DNS records exist.
module foundryAgents 'modules/ai/foundry-agents.bicep' = {
  scope: workloadResourceGroup
  name: 'foundry-agents'
  params: {
    accountName: names.foundry
    projectName: names.project
    projectPrincipalId: foundry.outputs.projectPrincipalId
    cosmosDbAccountName: names.cosmosDb
    storageAccountName: names.agentStorage
    searchServiceName: names.search
  }
  // The injected containers resolve and leave through the network's DNS server and firewall, which must work first.
  dependsOn: [
    foundryPrivateEndpoint
    cosmosDbPrivateEndpoint
    agentStorageBlobPrivateEndpoint
    searchPrivateEndpoint
    hubToSpokePeering
    spokeToHubPeering
  ]
}

// NET-01, NET-02: Azure Monitor through a private endpoint, for Log Analytics.
// One scope per DNS (Learn, "Design your Azure Private Link setup"): the zones are linked to this environment's hub and spoke
// only, so no other scope's records compete for Azure Monitor's names.
module monitorPrivateLinkScope 'modules/monitoring/private-link-scope.bicep' = {
  scope: workloadResourceGroup
  name: 'monitor-private-link-scope'
  params: {
    name: names.monitorPrivateLinkScope
    scopedResourceIds: [
      logAnalytics.outputs.resourceId
    ]
    tags: resourceTags
  }
}

// SEC-11: flow logs of the hub and the spoke, in the subscription's network watcher,
// which is shared by every workload of the region: the deployment name carries this environment's.
module flowLogs 'modules/monitoring/flow-logs.bicep' = {
  scope: resourceGroup(networkWatcherResourceGroupName)
  name: 'flow-logs-${workloadName}-${environmentName}'
  params: {
    networkWatcherName: networkWatcherName
    location: location
    virtualNetworks: [
      { name: names.hubVirtualNetwork, resourceId: hubVirtualNetwork.outputs.resourceId }
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
      'cosmosDb'
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
      'cosmosDb'
    ]
    effect: privateDnsZoneGroupPolicyEffect
  }
}

// NET-02: every service gets its endpoint in the dedicated subnet.
// The endpoint of the account that serves the models waits for the model deployments: an endpoint on an account
// still busy with its children (the 'Accepted' state) fails.
module foundryPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-foundry'
  params: {
    name: 'pe-${names.foundry}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: foundry.outputs.resourceId
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

module cosmosDbPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-cosmos-db'
  params: {
    name: 'pe-${names.cosmosDb}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: cosmosDb.outputs.resourceId
    groupId: 'Sql'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.cosmosDb
    ]
    tags: resourceTags
  }
}

module agentStorageBlobPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-agent-storage-blob'
  params: {
    name: 'pe-${names.agentStorage}-blob'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: agentStorage.outputs.resourceId
    groupId: 'blob'
    privateDnsZoneResourceIds: [
      privateDnsZoneResourceIds.blob
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

@description('Name of the hub resource group: hub virtual network, DNS Private Resolver and private DNS zones.')
output hubResourceGroupName string = hubResourceGroup.name

@description('Resource ID of the hub virtual network.')
output hubVirtualNetworkResourceId string = hubVirtualNetwork.outputs.resourceId

@description('IP address of the DNS Private Resolver inbound endpoint: the DNS server that VPN and on-premises clients forward private names to (NET-04).')
output dnsResolverInboundIp string = dnsResolver.outputs.inboundEndpointIpAddress

@description('Private IP address Azure gave the firewall; it must equal the parameter firewallPrivateIp, which the route table and the DNS servers use (NET-07).')
output firewallPrivateIp string = firewall.outputs.privateIpAddress

@description('Resource ID of the Log Analytics workspace that receives every diagnostic setting.')
output logAnalyticsWorkspaceResourceId string = logAnalytics.outputs.resourceId

@description('Resource IDs of the virtual network flow logs, in the subscription\'s Network Watcher resource group.')
output flowLogResourceIds array = flowLogs.outputs.flowLogResourceIds

@description('Name of the Foundry account.')
output foundryAccountName string = foundry.outputs.name

@description('Endpoint of the Foundry account; reachable only from inside the virtual network.')
output foundryEndpoint string = foundry.outputs.endpoint

@description('Name of the Foundry project.')
output foundryProjectName string = foundry.outputs.projectName

@description('Name of the AI Search service; its shared private links await approval on their targets after the first deployment.')
output searchServiceName string = search.outputs.name

@description('Name of the key vault.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('The names clients use for every service behind a private endpoint; scripts/verify-private-endpoints checks that each resolves to a private address and answers on 443 (NET-13).')
output privateEndpointFqdns array = flatten([
  foundryPrivateEndpoint.outputs.fqdns
  searchPrivateEndpoint.outputs.fqdns
  cosmosDbPrivateEndpoint.outputs.fqdns
  agentStorageBlobPrivateEndpoint.outputs.fqdns
  keyVaultPrivateEndpoint.outputs.fqdns
  blobPrivateEndpoint.outputs.fqdns
  filePrivateEndpoint.outputs.fqdns
  monitorPrivateLinkScopePrivateEndpoint.outputs.fqdns
])
