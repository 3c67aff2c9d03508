import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/**
 * SEC-11: virtual network flow logs of every VNet this landing zone creates (hub and spoke, the single VNet, or the
 * spoke of an existing hub), with traffic analytics into the landing zone's Log Analytics workspace. They live in the
 * subscription's Network Watcher resource group, which the bootstrap creates where it is missing.
 */
export const flowLogs: Component = {
  id: 'flow-logs',
  symbol: 'flowLogs',
  applies: () => true,
  // Microsoft.Insights: flow logs need it registered (as every diagnostic setting does);
  // Microsoft.ManagedIdentity: the identity with which they write to their storage account.
  providers: ['Microsoft.Insights', 'Microsoft.ManagedIdentity', 'Microsoft.Network', 'Microsoft.Storage'],
  modules: () => [MODULES.flowLogs],
};
