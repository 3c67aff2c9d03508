metadata description = 'Lets one principal read the secrets of an existing key vault that uses access policies, not Azure RBAC (SEC-09).'

@description('Name of the existing key vault, in the resource group this module is deployed to; its permission model must be access policies.')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Object ID of the principal that may read the secrets, e.g. the user-assigned managed identity of an Application Gateway.')
param principalId string

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// SEC-09: an access policy cannot name one secret, so "get" on secrets is the least it can grant: nothing to list,
// keys or certificates. Application Gateway reads a listener certificate through its secret, so it needs exactly this
// (https://learn.microsoft.com/azure/application-gateway/key-vault-certs). The name "add" merges this entry into the
// vault's policies and keeps the others, where a full update would replace them.
resource accessPolicy 'Microsoft.KeyVault/vaults/accessPolicies@2025-05-01' = {
  parent: keyVault
  name: 'add'
  properties: {
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: principalId
        permissions: {
          secrets: [
            'get'
          ]
        }
      }
    ]
  }
}

@description('Resource ID of the access policy change; a deployment that needs the access can wait on it.')
output resourceId string = accessPolicy.id
