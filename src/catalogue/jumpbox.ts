import { AZURE_BASTION_SUBNET, JUMPBOX_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';
import { jumpboxOutbound } from './outbound.js';

/** NET-06: Azure Bastion and the jumpbox VM, the way in for people. */
export const jumpbox: Component = {
  id: 'jumpbox',
  symbol: 'jumpbox',
  applies: (shape) => shape.jumpbox,
  // Microsoft.DevTestLab: the daily shutdown schedule of the VM.
  providers: ['Microsoft.Compute', 'Microsoft.DevTestLab', 'Microsoft.Network'],
  subnets: (shape) => [
    { request: JUMPBOX_SUBNET, placement: 'workload' },
    // With an existing hub, Bastion comes with the spoke: this deployment cannot add a subnet to a hub it does not own.
    { request: AZURE_BASTION_SUBNET, placement: shape.existingHub ? 'workload' : 'connectivity' },
  ],
  modules: () => [MODULES.bastion, MODULES.jumpbox],
  provisioning: [
    { type: 'microsoft.network/bastionhosts', minutes: 10, source: 'Azure Bastion quickstart: the deployment takes about 10 minutes' },
    { type: 'microsoft.compute/virtualmachines', minutes: 4, source: 'estimate: a VM with trusted launch boots in a few minutes' },
  ],
  publicEndpoint: () => "Azure Bastion's public IP (HTTPS 443, Microsoft Entra ID sign-in)",
  outbound: jumpboxOutbound,
  hourlyCost: () => 'Azure Bastion Standard',
};
