metadata description = 'A user-assigned managed identity, created ahead of the resource that uses it, so that its role assignments are in place before that resource starts (SEC-10).'

@description('Name of the identity.')
@minLength(3)
@maxLength(128)
param name string

@description('Azure region of the identity.')
param location string = resourceGroup().location

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource ID of the identity, for the identity block of the resource that uses it.')
output resourceId string = identity.id

@description('Object ID of the identity\'s service principal, for role assignments.')
output principalId string = identity.properties.principalId
