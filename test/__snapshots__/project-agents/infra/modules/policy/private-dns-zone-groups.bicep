metadata description = 'Deploy-if-not-exists assignments of the built-in "Configure ... to use private DNS zones" policy definitions: a private endpoint created later in the workload resource group without a DNS zone group gets one in the central zones (NET-05, NET-03). Each assignment\'s identity gets Network Contributor on this resource group and on each zone it writes into.'

@description('Azure region of the assignments\' system-assigned managed identities (a deploy-if-not-exists assignment needs one).')
param location string = resourceGroup().location

@description('Resource IDs of the private DNS zones, keyed like the zone map of main.bicep: cognitiveServices, keyVault, blob, file, search, machineLearningApi, machineLearningNotebooks, containerRegistry, cosmosDb (openAi and aiServices may be present and are not used: no built-in definition writes them). Only the keys that zoneGroups needs must be present. The zones may live in another resource group or subscription, e.g. the hub\'s.')
param privateDnsZoneResourceIds object

@description('Kinds of private endpoint to register, one built-in definition each: cognitiveServices (group ID account), keyVault (vault), blob, file, search (searchService), machineLearning (amlworkspace, two zones), containerRegistry (registry), cosmosDb (Sql).')
@allowed([
  'cognitiveServices'
  'keyVault'
  'blob'
  'file'
  'search'
  'machineLearning'
  'containerRegistry'
  'cosmosDb'
])
param zoneGroups array

@description('Effect of every assignment: DeployIfNotExists adds the missing zone group, Disabled switches the policy off. These definitions accept no Audit or AuditIfNotExists effect.')
@allowed([
  'DeployIfNotExists'
  'Disabled'
])
param effect string = 'DeployIfNotExists'

// Built-in definitions, keyed by zone group. The GUIDs are the same in every tenant; each one, its parameters and its
// roleDefinitionIds are taken from the definition's JSON in github.com/Azure/azure-policy (built-in-policies/
// policyDefinitions). Every one takes "effect" (DeployIfNotExists or Disabled) and "privateDnsZoneId", deploys a zone
// group named "deployedByPolicy" on a private endpoint of its group ID that has no zone group yet, and lists only
// Network Contributor in roleDefinitionIds. zoneParameters maps a definition parameter to a key of
// privateDnsZoneResourceIds; fixedParameters are plain values.
var definitions = {
  // "Configure Cognitive Services accounts to use private DNS zones" (Cognitive Services/PrivateDnsZones_DINE.json).
  // It writes ONE zone config, for privatelink.cognitiveservices.azure.com, on endpoints of group ID "account".
  // An AI Services (Foundry) account also answers on its openai.azure.com and services.ai.azure.com names; no built-in
  // definition registers those, and a second assignment of this one with another zone would never run (it checks only
  // that some zone group exists) or would overwrite the first. An endpoint this policy registers therefore resolves
  // only the cognitiveservices name; the landing zone's own endpoints carry all three zones in their own zone group.
  cognitiveServices: {
    definitionId: 'c4bc6f10-cb41-49eb-b000-d5ab82e2a091'
    displayName: 'Configure Cognitive Services accounts to use private DNS zones'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'cognitiveServices' }]
    fixedParameters: {}
  }
  // "Configure Azure Key Vaults to use private DNS zones" (Key Vault/AutoConfigure_PrivateDNSZone_DINE.json), group ID vault.
  keyVault: {
    definitionId: 'ac673a9a-f77d-4846-b2d8-a57f8e1c01d4'
    displayName: 'Configure Azure Key Vaults to use private DNS zones'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'keyVault' }]
    fixedParameters: {}
  }
  // "Configure a private DNS Zone ID for blob groupID" (Storage/StoragePrivateDnsZoneGroup_Blob.json).
  blob: {
    definitionId: '75973700-529f-4de2-b794-fb9b6781b6b0'
    displayName: 'Configure a private DNS Zone ID for blob groupID'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'blob' }]
    fixedParameters: {}
  }
  // "Configure a private DNS Zone ID for file groupID" (Storage/StoragePrivateDnsZoneGroup_File.json).
  file: {
    definitionId: '6df98d03-368a-4438-8730-a93c4d7693d6'
    displayName: 'Configure a private DNS Zone ID for file groupID'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'file' }]
    fixedParameters: {}
  }
  // "Configure Azure Cognitive Search services to use private DNS zones" (Search/PrivateDNSZone_DINE.json), group ID searchService.
  search: {
    definitionId: 'fbc14a67-53e4-4932-abcc-2049c6706009'
    displayName: 'Configure Azure Cognitive Search services to use private DNS zones'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'search' }]
    fixedParameters: {}
  }
  // "Configure Azure Machine Learning workspace to use private DNS zones" (Machine Learning/Workspace_PrivateDnsZones_DINE.json),
  // group ID amlworkspace: both zones of a workspace or Foundry hub in one zone group (privateDnsZoneId, secondPrivateDnsZoneId).
  machineLearning: {
    definitionId: 'ee40564d-486e-4f68-a5ca-7a621edae0fb'
    displayName: 'Configure Azure Machine Learning workspace to use private DNS zones'
    zoneParameters: [
      { name: 'privateDnsZoneId', zone: 'machineLearningApi' }
      { name: 'secondPrivateDnsZoneId', zone: 'machineLearningNotebooks' }
    ]
    fixedParameters: {}
  }
  // "Configure Container registries to use private DNS zones" (Container Registry/ACR_PrivateDNSZone_DINE.json), group ID registry.
  containerRegistry: {
    definitionId: 'e9585a95-5b8c-4d03-b193-dc7eb5ac4c32'
    displayName: 'Configure Container registries to use private DNS zones'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'containerRegistry' }]
    fixedParameters: {}
  }
  // "Configure CosmosDB accounts to use private DNS zones" (Cosmos DB/Cosmos_PrivateDNSZone_DINE.json): the group ID is
  // a parameter (privateEndpointGroupId, free text); Sql is the NoSQL API's, the one the agents' thread storage uses.
  cosmosDb: {
    definitionId: 'a63cc0bd-cda4-4178-b705-37dc439d3e0f'
    displayName: 'Configure CosmosDB accounts to use private DNS zones'
    zoneParameters: [{ name: 'privateDnsZoneId', zone: 'cosmosDb' }]
    fixedParameters: { privateEndpointGroupId: { value: 'Sql' } }
  }
}

// Built-in role "Network Contributor", the only entry of every definition's roleDefinitionIds: the remediation
// deployment runs in this resource group and writes the zone group onto the private endpoint.
var networkContributorRoleId = '4d97b98b-1d4f-4787-a291-c67834d212e7'

// One entry per (assignment, zone) pair: the zone side of the permissions, granted where the zone lives.
var zoneGrants = flatten(map(
  range(0, length(zoneGroups)),
  i =>
    map(definitions[zoneGroups[i]].zoneParameters, zoneParameter => {
      assignmentIndex: i
      zoneGroup: zoneGroups[i]
      zoneKey: zoneParameter.zone
      zoneResourceId: privateDnsZoneResourceIds[zoneParameter.zone]
    })
))

// NET-05: a private endpoint that someone adds later (the landing zone's own endpoints already have their zone groups)
// still resolves privately. No remediation task is created: when the assignment starts, every endpoint in the
// resource group is the landing zone's own and already registered, so there is nothing to remediate; an endpoint
// created afterwards is handled at its creation. The name depends only on the zone group (longest 40 of 64 characters).
resource assignments 'Microsoft.Authorization/policyAssignments@2024-04-01' = [
  for zoneGroup in zoneGroups: {
    name: 'private-dns-zone-group-${zoneGroup}'
    location: location
    // The remediation deployment runs as this identity; it holds only the roles assigned below.
    identity: {
      type: 'SystemAssigned'
    }
    properties: {
      displayName: 'NET-05: ${definitions[zoneGroup].displayName}'
      description: 'Gives a private endpoint (${zoneGroup}) created in this resource group without a DNS zone group one in the central private DNS zones, so its name resolves to its private address (NET-03, NET-05). Effect: ${effect}.'
      policyDefinitionId: tenantResourceId(
        'Microsoft.Authorization/policyDefinitions',
        definitions[zoneGroup].definitionId
      )
      enforcementMode: 'Default'
      parameters: union(
        toObject(
          definitions[zoneGroup].zoneParameters,
          zoneParameter => zoneParameter.name,
          zoneParameter => { value: privateDnsZoneResourceIds[zoneParameter.zone] }
        ),
        definitions[zoneGroup].fixedParameters,
        { effect: { value: effect } }
      )
      nonComplianceMessages: [
        {
          message: 'This private endpoint has no DNS zone group: register it in the central private DNS zones (NET-03, NET-05).'
        }
      ]
    }
  }
]

// SEC-09: Network Contributor on this resource group only, where the endpoints and the remediation deployments are;
// the endpoints to register do not exist yet, so no narrower scope can name them. The name derives from the
// assignment's resource ID, which is known before the deployment (its principal ID is not).
resource resourceGroupRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (zoneGroup, i) in zoneGroups: {
    name: guid(resourceGroup().id, assignments[i].id, networkContributorRoleId)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', networkContributorRoleId)
      principalId: assignments[i].identity.principalId
      principalType: 'ServicePrincipal'
      description: 'Lets the policy assignment ${assignments[i].name} add DNS zone groups to private endpoints in this resource group (NET-05).'
    }
  }
]

// The zone side, in the zones' own resource group (the hub's, or a central connectivity subscription's), scoped to each
// zone. The deployment name carries this resource group's hash: several spokes may grant on the same hub at once.
module zoneRoleAssignments 'private-dns-zone-role-assignment.bicep' = [
  for grant in zoneGrants: {
    name: 'dnsrole-${grant.zoneGroup}-${grant.zoneKey}-${uniqueString(resourceGroup().id)}'
    scope: resourceGroup(split(grant.zoneResourceId, '/')[2], split(grant.zoneResourceId, '/')[4])
    params: {
      privateDnsZoneName: last(split(grant.zoneResourceId, '/'))
      principalId: assignments[grant.assignmentIndex].identity.principalId
      principalStableId: assignments[grant.assignmentIndex].id
    }
  }
]

@description('Resource IDs of the policy assignments, in the order of zoneGroups.')
output resourceIds array = [for (zoneGroup, i) in zoneGroups: assignments[i].id]

@description('Managed identities of the assignments, in the order of zoneGroups: [{ zoneGroup, principalId }], e.g. for an access review.')
output principalIds array = [
  for (zoneGroup, i) in zoneGroups: {
    zoneGroup: zoneGroup
    principalId: assignments[i].identity.principalId
  }
]
