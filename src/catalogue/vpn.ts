import { GATEWAY_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-11: the point-to-site VPN gateway with Microsoft Entra ID sign-in. */
export const vpn: Component = {
  id: 'vpn',
  symbol: 'vpnGateway',
  applies: (shape) => shape.vpn,
  providers: ['Microsoft.Network'],
  subnets: () => [{ request: GATEWAY_SUBNET, placement: 'connectivity' }],
  modules: () => [MODULES.vpnGateway],
  provisioning: [
    {
      type: 'microsoft.network/virtualnetworkgateways',
      minutes: 45,
      source: 'VPN Gateway documentation, "About VPN Gateway configuration settings": creating a gateway "can often take 45 minutes or more"',
    },
  ],
  publicEndpoint: () => "the VPN gateway's public IPs (OpenVPN, Microsoft Entra ID sign-in)",
  hourlyCost: () => 'the VPN gateway (VpnGw1AZ, active-active)',
};
