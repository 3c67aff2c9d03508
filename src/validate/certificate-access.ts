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

/**
 * NET-09: where this landing zone keeps its own Key Vault zone, its links fall back to public resolution, so that a
 * certificate vault whose private endpoint registered in another zone still resolves (otherwise the zone answers "no
 * such name" and the Application Gateway cannot fetch its certificate; https://learn.microsoft.com/azure/dns/private-dns-fallback).
 * The zones module names its zones in `zoneNames` and the keys that fall back in `internetFallbackZoneKeys`.
 */
export function certificateVaultDnsFindings(template: ArmTemplate, { edgeGateway }: { edgeGateway: boolean }): Finding[] {
  if (!edgeGateway) return [];
  const problems: Finding[] = [];
  for (const deployment of allResources(template).filter((resource) => resource.type === 'Microsoft.Resources/deployments')) {
    const parameters = deployment.properties?.parameters ?? {};
    const zoneNames = (parameters.zoneNames?.value ?? {}) as Record<string, unknown>;
    const vaultKey = Object.keys(zoneNames).find((key) => zoneNames[key] === 'privatelink.vaultcore.azure.net');
    if (vaultKey === undefined) continue;
    const fallbackKeys = (parameters.internetFallbackZoneKeys?.value ?? []) as readonly unknown[];
    const links = ownResources(deployment.properties?.template ?? {}).filter(
      (resource) => resource.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    );
    const policies = links.map((link) => String(link.properties?.resolutionPolicy ?? ''));
    const fallsBack =
      policies.length > 0 && policies.every((policy) => policy === 'NxDomainRedirect' || policy.includes("parameters('internetFallbackZoneKeys')"));
    if (!fallbackKeys.includes(vaultKey) || !fallsBack)
      problems.push(
        finding(
          'certificate-vault-unresolvable',
          `${deployment.name}: the links of privatelink.vaultcore.azure.net do not fall back to internet resolution (NxDomainRedirect), so a certificate vault whose private endpoint is in another zone does not resolve`,
          deployment.name,
        ),
      );
  }
  return problems;
}
