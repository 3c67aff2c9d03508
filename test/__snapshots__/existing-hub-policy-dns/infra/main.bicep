metadata description = 'Secure Azure AI landing zone: Foundry, Key Vault and Storage reachable only through private endpoints in a spoke virtual network peered with the platform team\'s existing hub, whose DNS and private DNS zones it uses.'

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

@description('Resource ID of the platform team\'s hub virtual network; it may be in another subscription. This deployment peers it with the spoke in both directions, with a deployment in its resource group: the deploying identity needs the role scripts/bootstrap.sh defines there.')
param hubVirtualNetworkResourceId string

@description('DNS servers of the spoke: the hub\'s DNS Private Resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones (NET-04).')
@minLength(1)
param hubDnsServers array

@description('Whether the hub has a VPN or ExpressRoute gateway the spoke uses (gateway transit). True without a gateway in the hub makes the peering fail.')
param useHubGateway bool

@description('Resource IDs of the central private DNS zones the AI account\'s private endpoint registers in, keyed by zone: cognitiveServices, openAi, aiServices.')
param privateDnsZoneResourceIds object

@description('Model deployments on the Foundry account. Each item: { name: string, model: string, format: string, version: string, skuName: string, capacity: int }; capacity is in thousands of tokens per minute.')
@minLength(1)
param modelDeployments array

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
  keyVault: 'kv-${workloadName}-${environmentName}-${take(nameSuffix, 4)}' // <= 24 of 24
  storage: toLower('st${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 6)}') // <= 23 of 24, [a-z0-9] only
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
  // NET-12: only HTTPS on port 443 and SMB on port 445 for Azure Files reaches the endpoints (the rule is named for
  // them), and only from the VirtualNetwork service tag: this VNet, the hub and what the hub connects (other spokes, VPN
  // and on-premises clients), whose ranges the platform team owns. Everything else is denied.
  securityRules: [
    {
      name: 'allow-https-smb-from-virtual-network-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'VirtualNetwork'
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
    // The platform team's central zones serve its own private link scope, which this deployment cannot join: logs
    // arrive over the public endpoint with Entra ID until they link this workspace to their scope (README).
    publicNetworkAccessForIngestion: 'Enabled'
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

module virtualNetwork 'modules/network/virtual-network.bicep' = {
  scope: workloadResourceGroup
  name: 'virtual-network'
  params: {
    name: names.virtualNetwork
    location: location
    addressPrefixes: [vnetAddressPrefix]
    subnets: [
      privateEndpointSubnet
    ]
    // NET-04: the hub's DNS answers from the central private DNS zones, so private endpoint names resolve privately.
    dnsServers: hubDnsServers
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

var privateEndpointSubnetResourceId = virtualNetwork.outputs.subnetResourceIds[privateEndpointSubnet.name]

// NET-10: the spoke peers with the platform team's hub in both directions. The hub's side is a module deployed at
// the hub's resource group (possibly in another subscription): the identity that deploys needs to write deployments
// and peerings there, not only peering rights on the VNet (the role scripts/bootstrap.sh defines). The spoke accepts
// traffic that the hub's firewall or gateway forwards; gateway transit follows useHubGateway.
// What-if must know each peering's name and target before deployment, so they come from the names, not from module
// outputs, and dependsOn orders them after the spoke network.
var hubVirtualNetworkIdParts = split(hubVirtualNetworkResourceId, '/')
var spokeVirtualNetworkResourceId = resourceId(
  subscription().subscriptionId,
  names.resourceGroup,
  'Microsoft.Network/virtualNetworks',
  names.virtualNetwork
)

module spokeToHubPeering 'modules/network/virtual-network-peering.bicep' = {
  scope: workloadResourceGroup
  name: 'peering-spoke-to-hub'
  params: {
    localVirtualNetworkName: names.virtualNetwork
    remoteVirtualNetworkResourceId: hubVirtualNetworkResourceId
    allowForwardedTraffic: true
    allowGatewayTransit: false
    useRemoteGateways: useHubGateway
  }
  // Azure refuses remote gateways on this side until the hub's side allows gateway transit.
  dependsOn: [hubToSpokePeering]
}

module hubToSpokePeering 'modules/network/virtual-network-peering.bicep' = {
  scope: resourceGroup(hubVirtualNetworkIdParts[2], hubVirtualNetworkIdParts[4])
  name: 'peering-hub-to-${names.virtualNetwork}'
  params: {
    localVirtualNetworkName: last(hubVirtualNetworkIdParts)
    remoteVirtualNetworkResourceId: spokeVirtualNetworkResourceId
    allowForwardedTraffic: false
    allowGatewayTransit: useHubGateway
    useRemoteGateways: false
  }
  dependsOn: [virtualNetwork]
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
    // NET-07: the only hosts the account may call, this landing zone's own data services.
    allowedOutboundHosts: [
      '${names.storage}.blob.${environment().suffixes.storage}'
    ]
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

// SEC-11: flow logs of the spoke (the platform team logs its hub), in the subscription's network watcher,
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
    ]
    effect: publicNetworkAccessPolicyEffect
  }
}

// NET-02: every service gets its endpoint in the dedicated subnet.
// The endpoint of the account that serves the models waits for the model deployments: an endpoint on an account
// still busy with its children (the 'Accepted' state) fails.
// NET-05: Azure Policy in this tenant writes the endpoints' DNS records into the central zones, except the AI account's:
// the built-in definition registers only its cognitiveservices name, so its endpoint keeps a zone group of its own.
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

module keyVaultPrivateEndpoint 'modules/network/private-endpoint.bicep' = {
  scope: workloadResourceGroup
  name: 'pe-key-vault'
  params: {
    name: 'pe-${names.keyVault}'
    location: location
    subnetResourceId: privateEndpointSubnetResourceId
    privateLinkServiceResourceId: keyVault.outputs.resourceId
    groupId: 'vault'
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
    tags: resourceTags
  }
}

@description('Name of the workload resource group.')
output resourceGroupName string = workloadResourceGroup.name

@description('Resource ID of the workload virtual network.')
output virtualNetworkResourceId string = virtualNetwork.outputs.resourceId

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

@description('Name of the key vault.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('The names clients use for every service behind a private endpoint; scripts/verify-private-endpoints checks that each resolves to a private address and answers on 443 (NET-13).')
output privateEndpointFqdns array = flatten([
  foundryPrivateEndpoint.outputs.fqdns
  keyVaultPrivateEndpoint.outputs.fqdns
  blobPrivateEndpoint.outputs.fqdns
  filePrivateEndpoint.outputs.fqdns
])
