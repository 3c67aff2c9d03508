import { type ArmTemplate, allResources, ownResources } from './arm.js';
import { type Finding, finding } from './findings.js';
import { KEY_VAULT_SECRETS_USER } from '../certificate-vault-access.js';

/** The module deployment that grants the Application Gateway its certificate: `certificate-access-<gateway>`. */
const isCertificateAccess = (name: string) => name.includes('certificate-access-');

/**
 * NET-09, SEC-09: the Application Gateway's identity can read its certificate in the way the vault honours, and no
 * more. A vault that uses access policies ignores role assignments and an RBAC vault ignores access policies, so the
 * wrong kind lets the gateway start without its certificate
 * (https://learn.microsoft.com/azure/application-gateway/key-vault-certs). An access policy cannot name one secret, so
 * there it may hold "get" on secrets and nothing else; a role is Key Vault Secrets User on the certificate's secret.
 */
export function certificateAccessFindings(
  template: ArmTemplate,
  { edgeGateway, accessPolicies }: { edgeGateway: boolean; accessPolicies: boolean },
): Finding[] {
  if (!edgeGateway) return [];
  const deployments = allResources(template).filter((resource) => resource.type === 'Microsoft.Resources/deployments' && isCertificateAccess(resource.name));
  const deployment = deployments[0];
  if (deployments.length !== 1 || !deployment)
    return [finding('certificate-access-missing', `expected one certificate-access-<gateway> deployment, found ${deployments.length}`)];
  const inner = deployment.properties?.template ?? {};
  const ofType = (type: string) => ownResources(inner).filter((resource) => resource.type.toLowerCase() === type.toLowerCase());
  const policies = ofType('Microsoft.KeyVault/vaults/accessPolicies');
  const assignments = ofType('Microsoft.Authorization/roleAssignments');
  const where = `${deployment.name}`;
  if (accessPolicies) {
    if (policies.length !== 1 || assignments.length > 0)
      return [finding('certificate-access-ignored', `${where}: the vault uses access policies, which ignore role assignments; it needs one access policy`)];
    const entries = (policies[0]!.properties?.accessPolicies ?? []) as { permissions?: Record<string, readonly string[] | undefined> }[];
    const wider = entries.some(({ permissions = {} }) =>
      Object.entries(permissions).some(([kind, granted = []]) =>
        kind === 'secrets' ? granted.some((permission) => permission.toLowerCase() !== 'get') : granted.length > 0,
      ),
    );
    return wider ? [finding('certificate-access-too-broad', `${where}: the access policy grants more than get on secrets`)] : [];
  }
  if (assignments.length !== 1 || policies.length > 0)
    return [finding('certificate-access-ignored', `${where}: the vault uses Azure RBAC, which ignores access policies; it needs one role assignment`)];
  const assignment = assignments[0]!;
  const onSecret = JSON.stringify((assignment as { scope?: unknown }).scope ?? '').includes('Microsoft.KeyVault/vaults/secrets');
  const secretsUser = JSON.stringify([assignment.properties?.roleDefinitionId, inner.variables]).includes(KEY_VAULT_SECRETS_USER);
  return onSecret && secretsUser
    ? []
    : [finding('certificate-access-too-broad', `${where}: the role assignment is not Key Vault Secrets User on the certificate's secret`)];
}
