import { describe, expect, it } from 'vitest';
import type { ArmResource, ArmTemplate } from '../../src/validate/arm.js';
import { childName, securityRuleResourceFindings, subnetResourceFindings } from '../../src/validate/child-resources.js';
import { guidanceIdsOf } from '../../src/validate/finding-guidance.js';
import { policyFindings, roleFindings } from '../../src/validate/guards.js';

/**
 * The resources the generated Bicep never declares but a person may add by hand, wherever they add them:
 * in main.bicep itself or in a module (nested deployments), with literals, variables or lists. The tamper
 * tests in test/validate/validate.test.ts run one of each through the real compiler.
 */
const inModule = (name: string, resources: ArmResource[], variables: Record<string, unknown> = {}): ArmResource => ({
  type: 'Microsoft.Resources/deployments',
  name,
  properties: { template: { variables, resources } },
});
const rule = (name: string, properties: Record<string, unknown>): ArmResource => ({
  type: 'Microsoft.Network/networkSecurityGroups/securityRules',
  name: `[format('{0}/{1}', 'nsg-a', '${name}')]`,
  properties: { direction: 'Inbound', access: 'Allow', destinationPortRange: '443', ...properties },
});

describe('security rules declared as their own resources (NET-12)', () => {
  it('finds every inbound allow from anyone or the internet: a prefix, a list, a variable, a nested module', () => {
    const template: ArmTemplate = {
      resources: [
        inModule(
          'virtual-network',
          [
            rule('from-anywhere', { sourceAddressPrefix: '*' }),
            rule('from-all-ipv4', { sourceAddressPrefixes: ['10.0.0.0/8', '0.0.0.0/0'] }),
            rule('from-the-internet', { sourceAddressPrefix: "[variables('internet')]" }),
            rule('from-the-network', { sourceAddressPrefix: 'VirtualNetwork' }),
            rule('computed', { sourceAddressPrefixes: "[concat(createArray('0.0.0.0/0', parameters('x')), parameters('y'))]" }),
            rule('denied', { sourceAddressPrefix: '*', access: 'Deny' }),
            rule('outbound', { sourceAddressPrefix: '*', direction: 'Outbound' }),
            inModule('inner', [rule('from-all-ipv6', { sourceAddressPrefix: '::/0' })]),
          ],
          { internet: 'Internet' },
        ),
      ],
    };
    const found = securityRuleResourceFindings(template);
    expect(found.map((entry) => entry.message)).toEqual([
      'virtual-network: Microsoft.Network/networkSecurityGroups/securityRules from-anywhere allows inbound traffic from any source (*)',
      'virtual-network: Microsoft.Network/networkSecurityGroups/securityRules from-all-ipv4 allows inbound traffic from any source (0.0.0.0/0)',
      'virtual-network: Microsoft.Network/networkSecurityGroups/securityRules from-the-internet allows inbound traffic from the internet',
      'virtual-network: Microsoft.Network/networkSecurityGroups/securityRules computed allows inbound traffic from any source (0.0.0.0/0)',
      'virtual-network: Microsoft.Network/networkSecurityGroups/securityRules from-all-ipv6 allows inbound traffic from any source (::/0)',
    ]);
    expect(new Set(found.flatMap(guidanceIdsOf))).toEqual(new Set(['NET-12']));
  });

  it('names a child by the last segment of its name, literal or format()', () => {
    expect(childName('vnet-a/snet-x')).toBe('snet-x');
    expect(childName("[format('{0}/{1}', parameters('name'), 'snet-x')]")).toBe('snet-x');
  });
});

describe('subnets declared as their own resources (NET-12, NET-07)', () => {
  const subnet = (name: string, properties: Record<string, unknown>): ArmResource => ({
    type: 'Microsoft.Network/virtualNetworks/subnets',
    name: `[format('{0}/{1}', parameters('name'), '${name}')]`,
    properties,
  });
  const template: ArmTemplate = {
    resources: [
      inModule('virtual-network', [
        subnet('snet-bare', { addressPrefix: '10.0.9.0/24' }),
        subnet('snet-ok', { networkSecurityGroup: { id: 'n' }, routeTable: { id: 'r' }, defaultOutboundAccess: false }),
        subnet('GatewaySubnet', { defaultOutboundAccess: false }),
      ]),
    ],
  };

  it('without an NSG, with default outbound access, and (behind a firewall) without a route table', () => {
    const found = subnetResourceFindings(template, { egressThroughFirewall: true });
    expect(found.map((entry) => [entry.code, entry.message])).toEqual([
      ['subnet-without-nsg', 'virtual-network: Microsoft.Network/virtualNetworks/subnets snet-bare has no network security group'],
      ['subnet-default-outbound', 'virtual-network: Microsoft.Network/virtualNetworks/subnets snet-bare keeps default outbound access'],
      [
        'egress-bypasses-firewall',
        'virtual-network: Microsoft.Network/virtualNetworks/subnets snet-bare has no route table, so its egress bypasses the firewall',
      ],
    ]);
    expect(found.flatMap(guidanceIdsOf).sort()).toEqual(['NET-07', 'NET-07', 'NET-12']);
  });

  it('without a firewall, no route table is expected', () => {
    expect(subnetResourceFindings(template, { egressThroughFirewall: false }).map((entry) => entry.code)).toEqual([
      'subnet-without-nsg',
      'subnet-default-outbound',
    ]);
  });
});

describe('custom roles that grant everything (SEC-09)', () => {
  const definition = (roleName: string, permissions: unknown): ArmResource => ({
    type: 'Microsoft.Authorization/roleDefinitions',
    name: `[guid(subscription().id, '${roleName}')]`,
    properties: { roleName, permissions },
  });
  const assignment = (roleName: string, principalId: string): ArmResource => ({
    type: 'Microsoft.Authorization/roleAssignments',
    name: '[guid(subscription().id)]',
    properties: {
      roleDefinitionId: `[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', guid(subscription().id, '${roleName}'))]`,
      principalId,
      principalType: 'Group',
    },
  });

  it('in main.bicep or a module, by actions or data actions, assigned or not; a fixed principal in main.bicep too', () => {
    const template: ArmTemplate = {
      resources: [
        definition('Everything', [{ actions: ['*'], notActions: ['Microsoft.Authorization/*/write'] }]),
        assignment('Everything', "[parameters('adminGroupObjectIds')[0]]"),
        assignment('Reader', '11111111-2222-3333-4444-555555555555'),
        inModule('storage', [definition('All data', "[variables('permissions')]"), definition('Narrow', [{ actions: ['Microsoft.Storage/*/read'] }])], {
          permissions: [{ dataActions: ['*'] }],
        }),
      ],
    };
    const found = roleFindings(template, {});
    expect(found.map((entry) => entry.message)).toEqual([
      'Microsoft.Authorization/roleDefinitions Everything grants every action (*), and main.bicep assigns it',
      'storage: Microsoft.Authorization/roleDefinitions All data grants every action (*)',
      'main.bicep: Microsoft.Authorization/roleAssignments gives a role to a principal written into the template (11111111-2222-3333-4444-555555555555)',
    ]);
    expect(new Set(found.flatMap(guidanceIdsOf))).toEqual(new Set(['SEC-09']));
  });
});

describe("resource groups outside the deny policy's scope (NET-05)", () => {
  const group = (name: string): ArmResource => ({ type: 'Microsoft.Resources/resourceGroups', name });
  const into = (resourceGroup: string, name: string, type: string) => ({ ...inModule(name, [{ type, name: 'x' }]), resourceGroup });
  const template: ArmTemplate = {
    resources: [
      group("[variables('names').resourceGroup]"),
      group("[variables('names').hubResourceGroup]"),
      group('rg-empty'),
      group('rg-data'),
      {
        type: 'Microsoft.Resources/deployments',
        name: 'policy-deny-public-network-access',
        resourceGroup: "[variables('names').resourceGroup]",
        properties: { parameters: { resourceTypes: { value: ['storage'] }, effect: { value: 'Deny' } } },
      } as ArmResource,
      into("[variables('names').resourceGroup]", 'storage', 'Microsoft.Storage/storageAccounts'),
      into("[variables('names').hubResourceGroup]", 'hub-virtual-network', 'Microsoft.Network/virtualNetworks'),
      into('rg-data', 'more-storage', 'Microsoft.Storage/storageAccounts'),
    ],
  };

  it("names each group that holds an AI or PaaS service, or nothing yet, and that the policy does not cover; not the hub's network-only group", () => {
    const found = policyFindings(template, { dev: {} }, { zoneGroupPolicies: false });
    expect(found.map((entry) => [entry.code, entry.message])).toEqual([
      [
        'deny-policy-scope-gap',
        "policy-deny-public-network-access: the resource group rg-empty is not covered (the policy is assigned to [variables('names').resourceGroup] only)",
      ],
      [
        'deny-policy-scope-gap',
        "policy-deny-public-network-access: the resource group rg-data is not covered (the policy is assigned to [variables('names').resourceGroup] only)",
      ],
    ]);
    expect(new Set(found.flatMap(guidanceIdsOf))).toEqual(new Set(['NET-05']));
  });
});
