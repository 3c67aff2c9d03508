import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-04: the DNS Private Resolver that VPN and on-premises clients ask for private names. */
export const dnsResolver: Component = {
  id: 'dns-resolver',
  symbol: 'dnsResolver',
  applies: (shape) => shape.dnsResolver,
  modules: () => [MODULES.dnsResolver],
  provisioning: [
    { type: 'microsoft.network/dnsresolvers/inboundendpoints', minutes: 5, source: 'estimate from DNS Private Resolver deployments: a few minutes per endpoint' },
    { type: 'microsoft.network/dnsresolvers/outboundendpoints', minutes: 5, source: 'estimate from DNS Private Resolver deployments: a few minutes per endpoint' },
  ],
  hourlyCost: () => 'the DNS Private Resolver\'s endpoints',
};
