metadata description = 'Log Analytics workspace: the single sink for every diagnostic setting in the landing zone (SEC-11).'

@description('Name of the Log Analytics workspace.')
@minLength(4)
@maxLength(63)
param name string

@description('Azure region of the workspace.')
param location string = resourceGroup().location

@description('Days to keep data in the interactive tier. Regulated workloads usually need at least 90.')
@minValue(30)
@maxValue(730)
param retentionInDays int

@description('Role assignments on the workspace alone (SEC-09). Each item: { principalId: string, principalType: \'Group\' | \'User\' | \'ServicePrincipal\', roleDefinitionId: string (GUID of a built-in role), description: string }; principal IDs must be known before the deployment (group object IDs), so that what-if sees the assignments.')
param roleAssignments array

@description('Whether the workspace accepts logs from public networks: Disabled where an Azure Monitor Private Link Scope links it, so that agents send only through its private endpoint. Diagnostic settings travel over Microsoft\'s backbone and arrive either way.')
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccessForIngestion string

@description('Whether the workspace answers queries from public networks: Disabled only where people have a way into a network behind the scope\'s private endpoint (the jumpbox or the VPN); otherwise nobody could read the logs.')
@allowed(['Enabled', 'Disabled'])
param publicNetworkAccessForQuery string

@description('Tags applied to the workspace.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Shared-key ingestion (the legacy agent) is off; Azure Monitor Agent and diagnostic settings use Entra ID (SEC-06).
      disableLocalAuth: true
      // Resource-context access: a team reads its own resources' logs without rights on the whole workspace.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
    // NET-01: private where the landing zone links the workspace to its Azure Monitor Private Link Scope; every call
    // needs Entra ID and Azure RBAC either way.
    publicNetworkAccessForIngestion: publicNetworkAccessForIngestion
    publicNetworkAccessForQuery: publicNetworkAccessForQuery
  }
}

// SEC-09: scoped to this workspace alone. The name derives from scope, principal and role, so a redeployment finds
// the same assignment instead of adding a copy.
resource workspaceRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: {
    name: guid(workspace.id, assignment.principalId, assignment.roleDefinitionId)
    scope: workspace
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalId: assignment.principalId
      principalType: assignment.principalType
      description: assignment.description
    }
  }
]

// The workspace audits its own queries, so access to the logs is itself logged (SEC-11).
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: workspace.id
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

@description('Resource ID of the workspace, the target of every diagnostic setting.')
output resourceId string = workspace.id

@description('Name of the workspace.')
output name string = workspace.name
