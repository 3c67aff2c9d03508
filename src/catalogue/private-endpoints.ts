import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** NET-02: the private endpoints of every component that has them, and the names clients use (NET-13). */
export const privateEndpoints: Component = {
  id: 'private-endpoints',
  applies: () => true,
  providers: ['Microsoft.Network'],
  modules: () => [MODULES.privateEndpoint],
  provisioning: [{ type: 'microsoft.network/privateendpoints', minutes: 2, source: 'estimate: a private endpoint takes a minute or two' }],
};
