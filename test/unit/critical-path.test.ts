import { describe, expect, it } from 'vitest';
import { type ArmNode, criticalPath } from '../../src/validate/critical-path.js';

const module = (name: string, resources: ArmNode[], dependsOn: string[] = []): ArmNode => ({
  type: 'Microsoft.Resources/deployments',
  name,
  dependsOn,
  properties: { template: { resources } },
});
const deploymentId = (name: string) =>
  `[extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, 'rg'), 'Microsoft.Resources/deployments', '${name}')]`;

describe('critical path', () => {
  it('follows dependsOn across modules, weighting each resource by its typical minutes', () => {
    const template = {
      resources: [
        module('network', [{ type: 'Microsoft.Network/virtualNetworks', name: "[parameters('name')]" }]),
        module(
          'vpn-gateway',
          [
            { type: 'Microsoft.Network/publicIPAddresses', name: "[format('pip-{0}', parameters('name'))]" },
            {
              type: 'Microsoft.Network/virtualNetworkGateways',
              name: "[parameters('name')]",
              dependsOn: ["[resourceId('Microsoft.Network/publicIPAddresses', format('pip-{0}', parameters('name')))]"],
            },
          ],
          [deploymentId('network')],
        ),
        module('api-management', [{ type: 'Microsoft.ApiManagement/service', name: "[parameters('name')]" }], [deploymentId('vpn-gateway')]),
        module('key-vault', [{ type: 'Microsoft.KeyVault/vaults', name: "[parameters('name')]" }]),
      ],
    };
    const path = criticalPath(template);
    // 0.5 (VNet) + 0.5 (public IP) + 45 (gateway) + 40 (API Management): the two slow resources in a row.
    expect(path.minutes).toBe(86);
    expect(path.chain).toEqual([
      'network > Microsoft.Network/virtualNetworks',
      'vpn-gateway > Microsoft.Network/publicIPAddresses',
      'vpn-gateway > Microsoft.Network/virtualNetworkGateways',
      'api-management > Microsoft.ApiManagement/service',
    ]);
    expect(path.slowest).toEqual({ name: 'vpn-gateway > Microsoft.Network/virtualNetworkGateways', minutes: 45 });
  });

  it('runs independent resources side by side', () => {
    const template = {
      resources: [
        module('a', [{ type: 'Microsoft.ApiManagement/service', name: 'x' }]),
        module('b', [{ type: 'Microsoft.Network/virtualNetworkGateways', name: 'y' }]),
      ],
    };
    expect(criticalPath(template).minutes).toBe(45);
  });
});
