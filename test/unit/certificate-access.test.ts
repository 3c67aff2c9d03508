import { describe, expect, it } from 'vitest';
import type { ArmTemplate } from '../../src/validate/arm.js';
import { certificateAccessFindings, certificateVaultDnsFindings } from '../../src/validate/certificate-access.js';

/** A main template whose certificate-access deployment declares these resources, as Bicep compiles the two modules. */
const mainWith = (resources: object[], variables?: Record<string, unknown>): ArmTemplate => ({
  resources: [
    {
      type: 'Microsoft.Resources/deployments',
      name: "[format('certificate-access-{0}', variables('names').applicationGateway)]",
      properties: { template: { resources, ...(variables && { variables }) } as ArmTemplate },
    },
  ],
});

const accessPolicy = (permissions: Record<string, string[]>) => ({
  type: 'Microsoft.KeyVault/vaults/accessPolicies',
  name: "[format('{0}/{1}', parameters('keyVaultName'), 'add')]",
  properties: { accessPolicies: [{ tenantId: '[tenant().tenantId]', objectId: "[parameters('principalId')]", permissions }] },
});

const roleAssignment = (scope: string) => ({
  type: 'Microsoft.Authorization/roleAssignments',
  name: '[guid()]',
  scope,
  properties: { roleDefinitionId: "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('keyVaultSecretsUserRoleId'))]" },
});
const SECRET_SCOPE = "[resourceId('Microsoft.KeyVault/vaults/secrets', parameters('keyVaultName'), parameters('secretName'))]";
const SECRETS_USER = { keyVaultSecretsUserRoleId: '4633458b-17de-408a-b874-0445c86b69e6' };

const codes = (template: ArmTemplate, accessPolicies: boolean) =>
  certificateAccessFindings(template, { edgeGateway: true, accessPolicies }).map((found) => found.code);

describe("NET-09, SEC-09: the Application Gateway's access to its certificate", () => {
  it('passes Key Vault Secrets User on the secret for an RBAC vault, and get on secrets for an access-policy vault', () => {
    expect(codes(mainWith([roleAssignment(SECRET_SCOPE)], SECRETS_USER), false)).toEqual([]);
    expect(codes(mainWith([accessPolicy({ secrets: ['get'] })]), true)).toEqual([]);
  });

  it('fails the kind of grant the vault ignores', () => {
    expect(codes(mainWith([accessPolicy({ secrets: ['get'] })]), false)).toEqual(['certificate-access-ignored']);
    expect(codes(mainWith([roleAssignment(SECRET_SCOPE)], SECRETS_USER), true)).toEqual(['certificate-access-ignored']);
  });

  it('fails a grant wider than reading the certificate', () => {
    expect(codes(mainWith([accessPolicy({ secrets: ['get', 'list'] })]), true)).toEqual(['certificate-access-too-broad']);
    expect(codes(mainWith([accessPolicy({ secrets: ['get'], keys: ['get'] })]), true)).toEqual(['certificate-access-too-broad']);
    // On the whole vault rather than the secret, or another role.
    expect(codes(mainWith([roleAssignment("[resourceId('Microsoft.KeyVault/vaults', parameters('keyVaultName'))]")], SECRETS_USER), false)).toEqual([
      'certificate-access-too-broad',
    ]);
    expect(codes(mainWith([roleAssignment(SECRET_SCOPE)], { keyVaultSecretsUserRoleId: '00482a5a-887f-4fb3-b363-3b7fe8e74483' }), false)).toEqual([
      'certificate-access-too-broad',
    ]);
  });

  it('fails a gateway without the deployment, and has nothing to say without a gateway', () => {
    expect(codes({ resources: [] }, false)).toEqual(['certificate-access-missing']);
    expect(certificateAccessFindings({ resources: [] }, { edgeGateway: false, accessPolicies: false })).toEqual([]);
  });
});

describe("NET-09: the certificate vault's name resolves from the gateway's network", () => {
  const FALLBACK = "[if(contains(parameters('internetFallbackZoneKeys'), variables('zones')[0].key), 'NxDomainRedirect', 'Default')]";
  const zones = (parameters: Record<string, unknown>, resolutionPolicy: string): ArmTemplate => ({
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        name: 'private-dns-zones',
        properties: {
          parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }])),
          template: { resources: [{ type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', name: 'link', properties: { resolutionPolicy } }] },
        },
      },
    ],
  });
  const zoneNames = { keyVault: 'privatelink.vaultcore.azure.net', blob: 'privatelink.blob.core.windows.net' };
  const dnsCodes = (template: ArmTemplate) => certificateVaultDnsFindings(template, { edgeGateway: true }).map((found) => found.code);

  it("passes when the vault zone's links fall back to internet resolution", () => {
    expect(dnsCodes(zones({ zoneNames, internetFallbackZoneKeys: ['keyVault'] }, FALLBACK))).toEqual([]);
  });

  it('fails when the vault zone is left out of the fallback, or the links no longer take it', () => {
    expect(dnsCodes(zones({ zoneNames }, FALLBACK))).toEqual(['certificate-vault-unresolvable']);
    expect(dnsCodes(zones({ zoneNames, internetFallbackZoneKeys: ['blob'] }, FALLBACK))).toEqual(['certificate-vault-unresolvable']);
    expect(dnsCodes(zones({ zoneNames, internetFallbackZoneKeys: ['keyVault'] }, 'Default'))).toEqual(['certificate-vault-unresolvable']);
  });

  it('has nothing to say without a vault zone of its own (an existing hub) or without a gateway', () => {
    expect(dnsCodes(zones({ zoneNames: { blob: 'privatelink.blob.core.windows.net' } }, 'Default'))).toEqual([]);
    expect(certificateVaultDnsFindings(zones({ zoneNames }, 'Default'), { edgeGateway: false })).toEqual([]);
  });
});
