metadata description = 'Windows Server jumpbox without a public IP, reached only through Azure Bastion with Microsoft Entra ID sign-in, from which engineers use the private endpoints and the Foundry portal (NET-06).'

@description('Name of the virtual machine; its NIC is named nic-<name> and its OS disk osdisk-<name>. The Windows computer name is derived from it (15 characters at most).')
@minLength(1)
@maxLength(64)
param name string

@description('Azure region of the virtual machine; must be the region of its virtual network.')
param location string = resourceGroup().location

@description('Resource ID of the jumpbox subnet (snet-jumpbox); the NIC gets a private address there and nothing else.')
param subnetResourceId string

@description('Size of the virtual machine. It must support premium storage, accelerated networking and trusted launch, e.g. Standard_D2s_v5 (2 vCPU, 8 GiB).')
param vmSize string = 'Standard_D2s_v5'

@description('Name of the local administrator account, the break-glass sign-in when Entra ID is unavailable (at most 20 characters; Windows refuses names such as admin or administrator).')
@minLength(1)
@maxLength(20)
param adminUsername string

@description('Password of the local administrator account: 12 to 123 characters with three of lower case, upper case, digit and symbol. Pass it from a secret or environment variable, never from a file in the repository.')
@secure()
@minLength(12)
@maxLength(123)
param adminPassword string

@description('Name of the virtual network of subnetResourceId, in this resource group: Bastion in a peered network checks that people may read it.')
@minLength(2)
@maxLength(64)
param virtualNetworkName string

@description('Object IDs of the Microsoft Entra groups (groups only: the assignments say principalType Group) whose members may sign in: each gets Virtual Machine User Login on this VM and Reader on its NIC and virtual network, nothing wider. May be empty.')
param loginPrincipalIds array = []

@description('Time of day at which the jumpbox is shut down every day, as HHmm (24-hour clock).')
@minLength(4)
@maxLength(4)
param autoShutdownTime string = '1900'

@description('Windows time zone ID of autoShutdownTime, e.g. UTC or W. Europe Standard Time.')
param autoShutdownTimeZone string = 'UTC'

@description('Resource ID of the Log Analytics workspace that receives the VM and NIC metrics.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the virtual machine, its NIC, its extension and its shutdown schedule.')
param tags object

// Windows limits computer names to 15 letters, digits and hyphens. A name that fits is kept (minus the characters
// Windows refuses); a longer one keeps its first 10 characters and gets 5 characters of a hash of the full name, so
// vm-abcdefghij-prod1 and vm-abcdefghij-prod2 stay distinct devices in Microsoft Entra ID.
var cleanName = toLower(replace(replace(replace(name, '-', ''), '_', ''), '.', ''))
var computerName = length(cleanName) <= 15
  ? cleanName
  : '${take(cleanName, 10)}${take(uniqueString(resourceGroup().id, name), 5)}'

// No public IP: the only way in is RDP from the Bastion subnet, which the subnet's NSG enforces (NET-06, NET-12).
resource nic 'Microsoft.Network/networkInterfaces@2025-05-01' = {
  name: 'nic-${name}'
  location: location
  tags: tags
  properties: {
    enableAcceleratedNetworking: true
    ipConfigurations: [
      {
        name: 'ipconfig'
        properties: {
          subnet: { id: subnetResourceId }
          privateIPAllocationMethod: 'Dynamic'
        }
      }
    ]
  }
}

resource vm 'Microsoft.Compute/virtualMachines@2024-07-01' = {
  name: name
  location: location
  tags: tags
  // The Entra ID sign-in extension registers the VM as a device with this identity (SEC-10).
  identity: { type: 'SystemAssigned' }
  properties: {
    hardwareProfile: { vmSize: vmSize }
    // Trusted launch: secure boot refuses unsigned boot loaders and drivers, the vTPM measures the boot chain.
    securityProfile: {
      securityType: 'TrustedLaunch'
      uefiSettings: {
        secureBootEnabled: true
        vTpmEnabled: true
      }
    }
    // Windows Server 2025 Datacenter: Azure Edition with Desktop Experience, rather than Windows 11 Enterprise:
    // - its licence is included in the VM price; Windows 11 on Azure needs a per-user Windows Enterprise E3/E5 or
    //   VDA licence that not every organisation has;
    // - it ships with Microsoft Edge, a supported browser for the Foundry and Azure portals;
    // - it supports both Entra ID sign-in (Windows Server 2025 with Desktop Experience, "Sign in to a Windows virtual
    //   machine in Azure by using Microsoft Entra ID") and platform-orchestrated patching, which supports only the
    //   marketplace images it lists (2025-datacenter-azure-edition among them, no Windows 11 image).
    // A Gen2 image, as trusted launch requires; 'latest' is the newest GA build, never a preview.
    storageProfile: {
      imageReference: {
        publisher: 'MicrosoftWindowsServer'
        offer: 'WindowsServer'
        sku: '2025-datacenter-azure-edition'
        version: 'latest'
      }
      osDisk: {
        name: 'osdisk-${name}'
        createOption: 'FromImage'
        // Premium SSD gives a single VM the 99.9% SLA without pinning it to a zone.
        managedDisk: { storageAccountType: 'Premium_LRS' }
        caching: 'ReadWrite'
        deleteOption: 'Delete'
      }
    }
    osProfile: {
      computerName: computerName
      adminUsername: adminUsername
      adminPassword: adminPassword
      windowsConfiguration: {
        provisionVMAgent: true
        enableAutomaticUpdates: true
        patchSettings: {
          // Azure installs critical and security updates itself, safely batched, and assesses the VM regularly.
          patchMode: 'AutomaticByPlatform'
          assessmentMode: 'AutomaticByPlatform'
          automaticByPlatformSettings: {
            rebootSetting: 'IfRequired'
          }
        }
      }
    }
    networkProfile: {
      networkInterfaces: [
        {
          id: nic.id
          properties: { deleteOption: 'Delete' }
        }
      ]
    }
    // Boot diagnostics in a storage account Azure manages: no storage account of ours to open to the VM host.
    diagnosticsProfile: {
      bootDiagnostics: { enabled: true }
    }
  }
}

// Microsoft Entra ID sign-in (NET-06): joins the VM to Entra ID so engineers sign in with their own accounts and MFA,
// authorised by Azure roles, instead of sharing the local administrator password.
resource entraLogin 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: vm
  name: 'AADLoginForWindows'
  location: location
  tags: tags
  properties: {
    publisher: 'Microsoft.Azure.ActiveDirectory'
    type: 'AADLoginForWindows'
    typeHandlerVersion: '1.0'
    autoUpgradeMinorVersion: true
  }
}

// Daily shutdown: a jumpbox left running overnight costs money and is an idle target. Engineers start it when needed.
// Azure finds the schedule of a VM by this exact name.
resource autoShutdown 'Microsoft.DevTestLab/schedules@2018-09-15' = {
  name: 'shutdown-computevm-${vm.name}'
  location: location
  tags: tags
  properties: {
    status: 'Enabled'
    taskType: 'ComputeVmShutdownTask'
    dailyRecurrence: { time: autoShutdownTime }
    timeZoneId: autoShutdownTimeZone
    targetResourceId: vm.id
    notificationSettings: { status: 'Disabled' }
  }
}

// SEC-09: sign-in as a standard user (not Virtual Machine Administrator Login), on this VM only.
var userLoginRoleDefinitionId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'fb879df8-f326-4884-b1cf-06f3ad86be52'
)

// Bastion also checks Reader on the NIC that holds the VM's private IP before it opens a session.
var readerRoleDefinitionId = subscriptionResourceId(
  'Microsoft.Authorization/roleDefinitions',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7'
)

resource userLoginAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in loginPrincipalIds: {
    name: guid(vm.id, principalId, userLoginRoleDefinitionId)
    scope: vm
    properties: {
      roleDefinitionId: userLoginRoleDefinitionId
      principalId: principalId
      principalType: 'Group'
    }
  }
]

resource nicReaderAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in loginPrincipalIds: {
    name: guid(nic.id, principalId, readerRoleDefinitionId)
    scope: nic
    properties: {
      roleDefinitionId: readerRoleDefinitionId
      principalId: principalId
      principalType: 'Group'
    }
  }
]

// Bastion in a peered network (the hub) also checks Reader on the target VM's virtual network.
resource virtualNetwork 'Microsoft.Network/virtualNetworks@2025-05-01' existing = {
  name: virtualNetworkName
}

resource virtualNetworkReaderAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in loginPrincipalIds: {
    name: guid(virtualNetwork.id, principalId, readerRoleDefinitionId)
    scope: virtualNetwork
    properties: {
      roleDefinitionId: readerRoleDefinitionId
      principalId: principalId
      principalType: 'Group'
    }
  }
]

// SEC-11: a VM and a NIC publish platform metrics only, no resource logs.
resource vmDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vm
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

resource nicDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: nic
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the virtual machine.')
output resourceId string = vm.id

@description('Name of the virtual machine.')
output name string = vm.name

@description('Principal ID of the virtual machine\'s system-assigned identity.')
output principalId string = vm.identity.principalId
