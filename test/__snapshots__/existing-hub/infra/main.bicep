metadata description = 'Secure Azure AI landing zone: Foundry, Key Vault and Storage reachable only through private endpoints in a spoke virtual network peered with the platform team\'s existing hub, whose DNS and private DNS zones it uses and whose firewall is its only way out.'

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

@description('Address range of the jumpbox subnet, inside vnetAddressPrefix, e.g. 10.60.0.64/28.')
param jumpboxSubnetPrefix string

@description('Address range of AzureBastionSubnet, a /26 or larger inside vnetAddressPrefix.')
param bastionSubnetPrefix string

@description('Name of the jumpbox\'s local administrator, for emergencies: people sign in with Microsoft Entra ID.')
@minLength(1)
@maxLength(20)
param jumpboxAdminUsername string

@description('Password of the jumpbox\'s local administrator: 12-123 characters with three of lower case, upper case, digits and symbols. Pass it from a secret store (the parameter files read the JUMPBOX_ADMIN_PASSWORD environment variable); it is never written to a file.')
@secure()
@minLength(12)
@maxLength(123)
param jumpboxAdminPassword string

@description('Object IDs of the Microsoft Entra groups (groups, not users) whose members may sign in to the jumpbox; each gets Virtual Machine User Login on it alone (SEC-09).')
param jumpboxLoginPrincipalIds array

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

@description('Resource ID of the platform team\'s hub virtual network; it may be in another subscription. This deployment peers it with the spoke in both directions, with a deployment in its resource group: the deploying identity needs the role scripts/bootstrap.sh defines there.')
param hubVirtualNetworkResourceId string

@description('DNS servers of the spoke: the hub\'s DNS Private Resolver inbound endpoint or firewall DNS proxy, which resolve the central private DNS zones (NET-04).')
@minLength(1)
param hubDnsServers array

@description('Whether the hub has a VPN or ExpressRoute gateway the spoke uses (gateway transit). True without a gateway in the hub makes the peering fail.')
param useHubGateway bool

@description('Private IP address of the hub\'s firewall: every workload subnet sends its egress there (NET-07).')
param hubFirewallPrivateIp string

@description('Resource IDs of the central private DNS zones the private endpoints register in, keyed by zone: cognitiveServices, openAi, aiServices, keyVault, blob, file.')
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
  routeTable: 'rt-${workloadName}-${environmentName}'
  bastion: 'bas-${workloadName}-${environmentName}' // its public IP: pip-bas-...
  jumpbox: 'vm-${workloadName}-${environmentName}' // <= 19 of 64; the module derives the 15-character computer name
  apiManagement: 'apim-${workloadName}-${environmentName}-${take(nameSuffix, 6)}' // <= 29 of 50; also a global host name
  flowLogsStorage: toLower('stfl${replace(workloadName, '-', '')}${environmentName}${take(nameSuffix, 4)}') // <= 23 of 24, [a-z0-9] only
  flowLogsIdentity: 'id-${workloadName}-${environmentName}-flow-logs'
  jumpboxDataCollectionEndpoint: 'dce-${workloadName}-${environmentName}-jumpbox'
  jumpboxDataCollectionRule: 'dcr-${workloadName}-${environmentName}-jumpbox'
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

// NET-06: the rules Azure Bastion needs (Azure Bastion documentation, "Working with NSG access"): HTTPS from the
// internet and from Azure's control plane in, RDP and SSH out to the VMs, its own data plane both ways.
var bastionSubnet = {
  name: 'AzureBastionSubnet'
  addressPrefix: bastionSubnetPrefix
  securityRules: [
    {
      // Engineers' browsers and the native client reach Bastion over TLS; RDP and SSH are never open to the internet.
      name: 'allow-https-from-internet-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'Internet'
        sourcePortRange: '*'
        destinationAddressPrefix: '*'
        destinationPortRange: '443'
      }
    }
    {
      // Azure's control plane configures and updates the Bastion instances.
      name: 'allow-gateway-manager-inbound'
      properties: {
        priority: 110
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'GatewayManager'
        sourcePortRange: '*'
        destinationAddressPrefix: '*'
        destinationPortRange: '443'
      }
    }
    {
      // Health probes of the load balancer in front of the instances.
      name: 'allow-azure-load-balancer-inbound'
      properties: {
        priority: 120
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: 'AzureLoadBalancer'
        sourcePortRange: '*'
        destinationAddressPrefix: '*'
        destinationPortRange: '443'
      }
    }
    {
      // The instances talk to each other (data plane).
      name: 'allow-bastion-host-communication-inbound'
      properties: {
        priority: 130
        direction: 'Inbound'
        access: 'Allow'
        protocol: '*'
        sourceAddressPrefix: 'VirtualNetwork'
        sourcePortRange: '*'
        destinationAddressPrefix: 'VirtualNetwork'
        destinationPortRanges: [
          '8080'
          '5701'
        ]
      }
    }
    denyInboundRule
    {
      // Sessions to the VMs. Azure refuses a Bastion subnet whose NSG lacks exactly this rule, to the VirtualNetwork tag
      // (NetworkSecurityGroupNotCompliantForAzureBastionSubnet), so it cannot be narrowed to the jumpbox subnet here: the
      // jumpbox subnet's own NSG is what admits Bastion alone, and nothing else in the network accepts RDP or SSH.
      name: 'allow-rdp-ssh-to-virtual-network-outbound'
      properties: {
        priority: 100
        direction: 'Outbound'
        access: 'Allow'
        protocol: '*'
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
      // Diagnostics, metering and the other Azure endpoints Bastion depends on.
      name: 'allow-azure-cloud-outbound'
      properties: {
        priority: 110
        direction: 'Outbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: '*'
        sourcePortRange: '*'
        destinationAddressPrefix: 'AzureCloud'
        destinationPortRange: '443'
      }
    }
    {
      name: 'allow-bastion-host-communication-outbound'
      properties: {
        priority: 120
        direction: 'Outbound'
        access: 'Allow'
        protocol: '*'
        sourceAddressPrefix: 'VirtualNetwork'
        sourcePortRange: '*'
        destinationAddressPrefix: 'VirtualNetwork'
        destinationPortRanges: [
          '8080'
          '5701'
        ]
      }
    }
    {
      // Session information and certificate revocation checks.
      name: 'allow-http-to-internet-outbound'
      properties: {
        priority: 130
        direction: 'Outbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: '*'
        sourcePortRange: '*'
        destinationAddressPrefix: 'Internet'
        destinationPortRange: '80'
      }
    }
  ]
}

// The jumpbox accepts RDP from Bastion only; it reaches the private endpoints on 443 through the default rules.
var jumpboxSubnet = {
  name: 'snet-jumpbox'
  addressPrefix: jumpboxSubnetPrefix
  // NET-07: browsing and updates from the jumpbox leave through the firewall too.
  routeTableResourceId: routeTable.outputs.resourceId
  securityRules: [
    {
      name: 'allow-rdp-from-bastion-inbound'
      properties: {
        priority: 100
        direction: 'Inbound'
        access: 'Allow'
        protocol: 'Tcp'
        sourceAddressPrefix: bastionSubnetPrefix
        sourcePortRange: '*'
        destinationAddressPrefix: jumpboxSubnetPrefix
        destinationPortRange: '3389'
      }
    }
    denyInboundRule
    denyLateralMovementRule
  ]
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

// NET-07: the default route of the workload subnets. It takes the firewall's address from the parameter, so the
// workload network need not wait for the firewall.
module routeTable 'modules/network/route-table.bicep' = {
  scope: workloadResourceGroup
  name: 'route-table'
  params: {
    name: names.routeTable
    location: location
    firewallPrivateIp: hubFirewallPrivateIp
    propagateGatewayRoutes: useHubGateway
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
      jumpboxSubnet
      apiManagementSubnet
      bastionSubnet
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

// NET-06: the only way for people to the private network: Bastion, and a jumpbox VM without a public IP.
module bastion 'modules/access/bastion.bicep' = {
  scope: workloadResourceGroup
  name: 'bastion'
  params: {
    name: names.bastion
    location: location
    zoneRedundant: zoneRedundant
    subnetResourceId: virtualNetwork.outputs.subnetResourceIds[bastionSubnet.name]
    // People need Reader on Bastion as well as the login role on the VM.
    loginPrincipalIds: jumpboxLoginPrincipalIds
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
}

module jumpbox 'modules/access/jumpbox.bicep' = {
  scope: workloadResourceGroup
  name: 'jumpbox'
  params: {
    name: names.jumpbox
    location: location
    subnetResourceId: virtualNetwork.outputs.subnetResourceIds[jumpboxSubnet.name]
    virtualNetworkName: names.virtualNetwork
    adminUsername: jumpboxAdminUsername
    adminPassword: jumpboxAdminPassword
    loginPrincipalIds: jumpboxLoginPrincipalIds
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // Its Microsoft Entra ID sign-in joins the VM to Entra ID while it is created: DNS and the way out must work by then.
  dependsOn: [hubToSpokePeering, spokeToHubPeering]
}

// SEC-11: what happens on the jumpbox reaches the workspace through the Azure Monitor agent.
module jumpboxMonitorAgent 'modules/monitoring/jumpbox-monitor-agent.bicep' = {
  scope: workloadResourceGroup
  name: 'jumpbox-monitor-agent'
  params: {
    virtualMachineName: names.jumpbox
    location: location
    dataCollectionEndpointName: names.jumpboxDataCollectionEndpoint
    // Your hub's DNS resolves Azure Monitor's names to the platform team's scope, which must link this endpoint and the
    // workspace before the agent can reach them (README); until then the endpoint answers on its public address.
    dataCollectionEndpointPublicNetworkAccess: 'Enabled'
    dataCollectionRuleName: names.jumpboxDataCollectionRule
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // Its extension joins the VM's after Entra ID sign-in: a VM takes one extension operation at a time.
  dependsOn: [jumpbox]
}

// NET-08, SEC-05: API Management in internal mode is the one door to the models: it admits Microsoft Entra ID
// callers holding the gateway's app role, limits and meters tokens per caller, and calls the Foundry account with its
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
    backendEndpoint: 'https://${names.foundry}.cognitiveservices.azure.com/'
    tpmLimitPerCaller: gatewayTpmLimitPerCaller
    logAnalyticsWorkspaceResourceId: logAnalytics.outputs.resourceId
    tags: resourceTags
  }
  // API Management needs the network's DNS server working when it is created.
  dependsOn: [hubToSpokePeering, spokeToHubPeering]
}

// SEC-09, SEC-10: the gateway's identity may call the models of this account and nothing else.
module apiManagementModelAccess 'modules/ai/account-role-assignment.bicep' = {
  scope: workloadResourceGroup
  name: 'api-management-model-access'
  params: {
    accountName: names.foundry
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
  dependsOn: [foundry]
}

// Internal mode publishes no DNS: callers find the gateway through this zone.
// One zone per host name, kept with the spoke and linked to it and to the platform team's hub, whose DNS serves the
// hub's clients; a central zone for the whole azure-api.net domain would hide every other organisation's API Management
// from them.
module apiManagementDns 'modules/gateway/api-management-dns.bicep' = {
  scope: workloadResourceGroup
  name: 'api-management-dns'
  params: {
    apiManagementName: names.apiManagement
    privateIpAddress: apiManagement.outputs.privateIpAddress
    virtualNetworkResourceIds: [
      hubVirtualNetworkResourceId
      virtualNetwork.outputs.resourceId
    ]
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

@description('Name of the workload resource group.')
output resourceGroupName string = workloadResourceGroup.name

@description('Resource ID of the workload virtual network.')
output virtualNetworkResourceId string = virtualNetwork.outputs.resourceId

@description('Name of Azure Bastion, for az network bastion rdp.')
output bastionName string = bastion.outputs.name

@description('Resource ID of the jumpbox VM, for az network bastion rdp --target-resource-id.')
output jumpboxResourceId string = jumpbox.outputs.resourceId

@description('Resource ID of the jumpbox agent\'s data collection endpoint, for the platform team\'s Azure Monitor Private Link Scope.')
output jumpboxDataCollectionEndpointResourceId string = jumpboxMonitorAgent.outputs.dataCollectionEndpointResourceId

@description('Name of API Management, the AI gateway.')
output apiManagementName string = apiManagement.outputs.name

@description('Base URL of the model API behind the AI gateway, for the Azure OpenAI SDKs; reachable only from inside the network.')
output gatewayModelEndpoint string = 'https://${apiManagement.outputs.gatewayHostName}/openai'

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
