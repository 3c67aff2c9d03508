import { AZURE_FIREWALL_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-07: Azure Firewall with its FQDN allow-list, the only way out. */
export const firewall: Component = {
  id: 'firewall',
  symbol: 'firewall',
  applies: (shape) => shape.firewall,
  providers: ['Microsoft.Network'],
  subnets: () => [{ request: AZURE_FIREWALL_SUBNET, placement: 'connectivity' }],
  modules: () => [MODULES.firewall, MODULES.firewallPolicy],
  provisioning: [
    { type: 'microsoft.network/azurefirewalls', minutes: 15, source: 'Azure AI Landing Zone runbook: the firewall and its association take 10 to 25 minutes' },
  ],
  hourlyCost: () => 'Azure Firewall Standard',
};
