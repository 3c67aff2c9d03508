import { type OutsideAccess, resourceGroupOf } from './outside-access.js';

/** Built-in role "Key Vault Secrets User", the role the deployment assigns on the certificate's secret. */
export const KEY_VAULT_SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';

const ONLY_SECRETS_USER =
  `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${KEY_VAULT_SECRETS_USER}}))` +
  ` AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR (@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${KEY_VAULT_SECRETS_USER}}))`;

/**
 * What the deploying identity needs where the gateway certificate's Key Vault lives. The deployment grants the
 * Application Gateway's identity its access through a module deployed to the vault's resource group, so it writes a
 * deployment there (Microsoft.Resources/deployments/write at that group) and then either a role assignment on the
 * certificate's secret (RBAC vaults) or an access policy on the vault (access-policy vaults). No built-in role holds
 * exactly that: RBAC Administrator cannot write deployments, Key Vault Contributor cannot assign roles, and either on
 * the whole group reaches further than the one vault. RBAC vaults: the condition limits the role assignments it may
 * write or delete to Key Vault Secrets User.
 * `vaultId`: the vault's resource ID; `accessPolicies`: the vault uses access policies rather than Azure RBAC.
 */
export function certificateVaultAccessOf(vaultId: string, accessPolicies: boolean): OutsideAccess {
  const group = resourceGroupOf(vaultId);
  // The module's deployment, and reading the vault it names.
  const deploying = ['Microsoft.Resources/deployments/*', 'Microsoft.Resources/subscriptions/resourceGroups/read', 'Microsoft.KeyVault/vaults/read'];
  const where = {
    name: 'certificate access',
    resourceGroups: [group],
    scopes: [group],
    withoutIt: 'the deployment cannot give the Application Gateway its certificate',
    where: `the vault's resource group \`${group}\``,
    why: `the deployment grants the Application Gateway its access through a deployment there, which writes ${accessPolicies ? 'an access policy on the vault' : 'a *Key Vault Secrets User* role assignment on the certificate (the role may assign no other)'}`,
  };
  return accessPolicies
    ? {
        ...where,
        actions: [...deploying, 'Microsoft.KeyVault/vaults/accessPolicies/write'],
        description: 'Adds the access policy of the Application Gateway to the Key Vault of its certificate; nothing else.',
      }
    : {
        ...where,
        actions: [
          ...deploying,
          'Microsoft.KeyVault/vaults/secrets/read',
          'Microsoft.Authorization/roleAssignments/write',
          'Microsoft.Authorization/roleAssignments/delete',
        ],
        condition: ONLY_SECRETS_USER,
        description: 'Assigns Key Vault Secrets User on its certificate to the Application Gateway; no other role.',
      };
}
