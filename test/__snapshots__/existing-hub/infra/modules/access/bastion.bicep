metadata description = 'Azure Bastion (Standard) with its own public IP: the only way in to the jumpbox, with Microsoft Entra ID sign-in through the native client (NET-06, NET-10).'

@description('Name of the Bastion host; its public IP is named pip-<name>.')
@minLength(1)
@maxLength(76)
param name string

@description('Azure region of the Bastion host and its public IP; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Whether the region has availability zones: the public IP then spans zones 1, 2 and 3, and so does the host where Bastion supports zones.')
param zoneRedundant bool

@description('Resource ID of the subnet AzureBastionSubnet (/26 or larger) of the hub virtual network, or of the single virtual network.')
param subnetResourceId string

@description('Object IDs of the Microsoft Entra groups (groups only: the assignments say principalType Group) whose members connect through Bastion; each gets Reader on this Bastion host, which Bastion requires to open a session. May be empty.')
param loginPrincipalIds array = []

@description('Resource ID of the Log Analytics workspace that receives the Bastion and public IP diagnostics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the Bastion host and its public IP.')
param tags object

// Zone redundancy of the Bastion host is a preview limited to these regions ("Reliability in Azure Bastion",
// learn.microsoft.com/azure/reliability/reliability-bastion). Asking for zones elsewhere fails the deployment
// (BastionRegionAzNotSupported), so other regions keep a regional host; a region missing here only loses zone
// redundancy. Azure cannot add zones to an existing host, so changing this list later means recreating the host.
var bastionZoneRegions = [
  'australiaeast'
  'canadacentral'
  'centralus'
  'eastus'
  'eastus2'
  'israelcentral'
  'italynorth'
  'koreacentral'
  'mexicocentral'
  'northeurope'
  'norwayeast'
  'qatarcentral'
  'southafricanorth'
  'spaincentral'
  'swedencentral'
  'uksouth'
  'westeurope'
  'westus2'
]

var zones = ['1', '2', '3']

// Zone-redundant Standard public IPs are GA in every region with zones, and a zone-redundant Bastion requires one.
resource publicIp 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: 'pip-${name}'
  location: location
  tags: tags
  zones: zoneRedundant ? zones : []
  sku: { name: 'Standard', tier: 'Regional' }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

// SKU Standard, because:
// - NET-06 asks for Microsoft Entra ID sign-in to the jumpbox. Bastion passes Entra ID credentials to a Windows VM only
//   through the native client (az network bastion rdp), and the native client needs Standard or Premium.
// - With hub-spoke (NET-10) the host sits in the hub and the jumpbox may sit in a peered spoke: Developer cannot
//   reach peered virtual networks (nor run the native client); Basic can, but has no native client.
// - Premium only adds session recording and private-only hosts, at a higher hourly price; nothing here needs them.
// Source: "Azure Bastion SKUs" and "Connect to a VM using the Windows native client" (learn.microsoft.com/azure/bastion).
resource bastion 'Microsoft.Network/bastionHosts@2025-05-01' = {
  name: name
  location: location
  tags: tags
  zones: zoneRedundant && contains(bastionZoneRegions, toLower(replace(location, ' ', ''))) ? zones : []
  sku: { name: 'Standard' }
  properties: {
    // The minimum of two instances; scale out only if many engineers connect at once.
    scaleUnits: 2
    // The native client (az network bastion rdp/ssh/tunnel): the only path for Entra ID sign-in.
    enableTunneling: true
    // Off: a shareable link lets anyone holding the URL reach the VM's sign-in screen without an Azure role.
    enableShareableLink: false
    // Off: IP-based connections reach any address routable from the Bastion subnet (peered spokes, on-premises), not
    // only VMs whose Azure roles an engineer holds; and they cannot use Entra ID sign-in anyway.
    enableIpConnect: false
    // Off: file upload/download through the tunnel would be a channel for data to leave the private network (NET-01).
    enableFileCopy: false
    // Off: Kerberos needs domain controllers in the virtual network; the jumpbox signs in with Entra ID instead.
    enableKerberos: false
    // Copy and paste stays allowed: it opens no new path to a VM, and engineers paste commands and endpoints.
    disableCopyPaste: false
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: subnetResourceId }
          publicIPAddress: { id: publicIp.id }
        }
      }
    ]
  }
}

// Reader on the Bastion host is one of the roles Bastion checks before it opens a session (with Reader on the VM and
// its NIC, and a VM login role, which the jumpbox module grants). Scoped to this host only (SEC-09).
var readerRoleDefinitionId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7'
)

resource readerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in loginPrincipalIds: {
    name: guid(bastion.id, principalId, readerRoleDefinitionId)
    scope: bastion
    properties: {
      roleDefinitionId: readerRoleDefinitionId
      principalId: principalId
      principalType: 'Group'
    }
  }
]

// SEC-11: BastionAuditLogs record who connected to which VM, from where and when.
resource bastionDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: bastion
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// The public IP logs DDoS mitigation events.
resource publicIpDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: publicIp
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the Bastion host.')
output resourceId string = bastion.id

@description('Name of the Bastion host.')
output name string = bastion.name
