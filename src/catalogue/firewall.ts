import { type Component, module } from './component.js';

/** NET-07: Azure Firewall with its FQDN allow-list, the only way out. */
export const firewall: Component = {
  id: 'firewall',
  symbol: 'firewall',
  applies: (shape) => shape.firewall,
  modules: () => [module('network/firewall.bicep.hbs'), module('network/firewall-policy.bicep.hbs')],
  provisioning: [{ type: 'microsoft.network/azurefirewalls', minutes: 15, source: 'Azure AI Landing Zone runbook: the firewall and its association take 10 to 25 minutes' }],
  hourlyCost: () => 'Azure Firewall Standard',
};
