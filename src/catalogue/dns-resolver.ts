import { DNS_RESOLVER_INBOUND_SUBNET, DNS_RESOLVER_OUTBOUND_SUBNET } from '../network/address-plan.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-04: the DNS Private Resolver that VPN and on-premises clients ask for private names. */
export const dnsResolver: Component = {
  id: 'dns-resolver',
  symbol: 'dnsResolver',
  applies: (shape) => shape.dnsResolver,
  providers: ['Microsoft.Network'],
  // VPN clients cannot ask Azure DNS directly: in a single VNet they need the resolver there too (NET-04, NET-11).
  subnets: () => [
    { request: DNS_RESOLVER_INBOUND_SUBNET, placement: 'connectivity' },
    { request: DNS_RESOLVER_OUTBOUND_SUBNET, placement: 'connectivity' },
  ],
  modules: () => [MODULES.dnsResolver],
  provisioning: [
    {
      type: 'microsoft.network/dnsresolvers/inboundendpoints',
      minutes: 5,
      source: 'estimate from DNS Private Resolver deployments: a few minutes per endpoint',
    },
    {
      type: 'microsoft.network/dnsresolvers/outboundendpoints',
      minutes: 5,
      source: 'estimate from DNS Private Resolver deployments: a few minutes per endpoint',
    },
  ],
  hourlyCost: () => "the DNS Private Resolver's endpoints",
};
