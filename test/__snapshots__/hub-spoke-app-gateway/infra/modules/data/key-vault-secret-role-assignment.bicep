metadata description = 'Grants one principal read access to one secret of an existing key vault, and to nothing else in the vault (SEC-09).'

@description('Name of the existing key vault, in the resource group this module is deployed to.')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Name of the secret the principal may read, e.g. the certificate an Application Gateway listener presents.')
@minLength(1)
@maxLength(127)
param secretName string

@description('Object ID of the principal that may read the secret, e.g. the user-assigned managed identity of an Application Gateway.')
param principalId string

// Built-in role "Key Vault Secrets User": reads secret contents, nothing more. Application Gateway needs exactly this
// to fetch a listener certificate (it reads the certificate's secret, never the certificate object).
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' existing = {
  parent: keyVault
  name: secretName
}

// SEC-09: scoped to the one secret, not the vault, so the identity cannot read the vault's other secrets.
// The name depends only on its inputs, so a redeployment finds the same assignment instead of adding another.
resource roleAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(secret.id, principalId, keyVaultSecretsUserRoleId)
  scope: secret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: principalId
    // A managed identity created moments earlier may not be visible to every Entra ID replica yet; naming its type
    // lets Azure create the assignment without looking the principal up first.
    principalType: 'ServicePrincipal'
    description: 'Reads the secret ${secretName} only (SEC-09).'
  }
}

@description('Resource ID of the role assignment; a deployment that needs the access can wait on it.')
output resourceId string = roleAssignment.id
