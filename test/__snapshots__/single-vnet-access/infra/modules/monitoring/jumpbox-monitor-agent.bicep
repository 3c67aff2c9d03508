metadata description = 'The Azure Monitor agent on the jumpbox: Windows security and system events and basic performance counters into Log Analytics, through a data collection endpoint (SEC-11).'

@description('Name of the jumpbox virtual machine, in this resource group; it must have a system-assigned identity, with which the agent signs in.')
@minLength(1)
@maxLength(64)
param virtualMachineName string

@description('Azure region of the jumpbox: the data collection endpoint must be in the region of the machines it serves.')
param location string = resourceGroup().location

@description('Name of the data collection endpoint from which the agent reads its configuration and to which it sends its data.')
@minLength(3)
@maxLength(44)
param dataCollectionEndpointName string

@description('Whether the data collection endpoint answers public networks: Disabled where it is linked to an Azure Monitor Private Link Scope in PrivateOnly mode, Enabled until a scope covers it.')
@allowed([
  'Enabled'
  'Disabled'
])
param dataCollectionEndpointPublicNetworkAccess string

@description('Name of the data collection rule that says what the agent collects.')
@minLength(3)
@maxLength(64)
param dataCollectionRuleName string

@description('Resource ID of the Log Analytics workspace that receives the events and counters.')
param logAnalyticsWorkspaceResourceId string

@description('Tags applied to the extension, the data collection endpoint and the rule.')
param tags object

resource virtualMachine 'Microsoft.Compute/virtualMachines@2024-07-01' existing = {
  name: virtualMachineName
}

// Where an Azure Monitor Private Link Scope serves the network's DNS, the agent must read its configuration from a data
// collection endpoint linked to that scope, in the VM's region, and associated with the VM as its configuration access
// endpoint (Learn, "Enable network isolation for Azure Monitor Agent by using Private Link",
// https://learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-private-link).
resource dataCollectionEndpoint 'Microsoft.Insights/dataCollectionEndpoints@2024-03-11' = {
  name: dataCollectionEndpointName
  location: location
  tags: tags
  kind: 'Windows'
  properties: {
    networkAcls: {
      publicNetworkAccess: dataCollectionEndpointPublicNetworkAccess
    }
  }
}

// What people on the jumpbox do is what an investigation asks first: sign-ins, privilege use and policy changes (the
// Security log's audit success and failure), the System log's errors and warnings, and enough performance counters
// to see a machine in trouble. Security events go to the Event table: the SecurityEvent table needs Microsoft Sentinel.
resource dataCollectionRule 'Microsoft.Insights/dataCollectionRules@2024-03-11' = {
  name: dataCollectionRuleName
  location: location
  tags: tags
  kind: 'Windows'
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
    dataSources: {
      windowsEventLogs: [
        {
          name: 'security-and-system-events'
          streams: ['Microsoft-Event']
          xPathQueries: [
            'Security!*[System[(band(Keywords,13510798882111488))]]'
            'System!*[System[(Level=1 or Level=2 or Level=3)]]'
          ]
        }
      ]
      performanceCounters: [
        {
          name: 'basic-performance'
          streams: ['Microsoft-Perf']
          samplingFrequencyInSeconds: 60
          counterSpecifiers: [
            '\\Processor Information(_Total)\\% Processor Time'
            '\\Memory\\% Committed Bytes In Use'
            '\\Memory\\Available Bytes'
            '\\LogicalDisk(_Total)\\% Free Space'
            '\\LogicalDisk(_Total)\\Free Megabytes'
            '\\Network Interface(*)\\Bytes Total/sec'
          ]
        }
      ]
    }
    destinations: {
      logAnalytics: [
        {
          name: 'workspace'
          workspaceResourceId: logAnalyticsWorkspaceResourceId
        }
      ]
    }
    dataFlows: [
      {
        streams: ['Microsoft-Event', 'Microsoft-Perf']
        destinations: ['workspace']
      }
    ]
  }
}

// Azure knows a VM's configuration access endpoint by this exact association name.
resource endpointAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: 'configurationAccessEndpoint'
  scope: virtualMachine
  properties: {
    dataCollectionEndpointId: dataCollectionEndpoint.id
  }
}

resource ruleAssociation 'Microsoft.Insights/dataCollectionRuleAssociations@2024-03-11' = {
  name: dataCollectionRuleName
  scope: virtualMachine
  properties: {
    dataCollectionRuleId: dataCollectionRule.id
  }
}

// The agent itself, signing in with the VM's system-assigned identity; Azure moves it to new versions on its own.
// Installed once the associations exist, so that its first configuration request already goes to the endpoint.
resource monitorAgent 'Microsoft.Compute/virtualMachines/extensions@2024-07-01' = {
  parent: virtualMachine
  name: 'AzureMonitorWindowsAgent'
  location: location
  tags: tags
  properties: {
    publisher: 'Microsoft.Azure.Monitor'
    type: 'AzureMonitorWindowsAgent'
    typeHandlerVersion: '1.0'
    autoUpgradeMinorVersion: true
    enableAutomaticUpgrade: true
  }
  dependsOn: [
    endpointAssociation
    ruleAssociation
  ]
}

@description('Resource ID of the data collection endpoint, for the Azure Monitor Private Link Scope.')
output dataCollectionEndpointResourceId string = dataCollectionEndpoint.id
