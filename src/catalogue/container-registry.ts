import { ZONES } from '../network/private-dns-zones.js';
import type { Component } from './component.js';
import { MODULE_TEMPLATES as MODULES } from './modules.js';

/** FDY-05: the private Premium registry of a hub's or a Machine Learning workspace's images. */
export const containerRegistry: Component = {
  id: 'container-registry',
  symbol: 'containerRegistry',
  applies: (shape) => shape.platform.containerRegistry,
  providers: ['Microsoft.ContainerRegistry'],
  modules: () => [MODULES.containerRegistry],
  lockedDown: { file: 'containerRegistry', resources: ['registry'] },
  privateEndpoints: [{ symbol: 'containerRegistry', name: 'container-registry', groupId: 'registry', zones: [ZONES.containerRegistry] }],
  policyKey: 'containerRegistry',
};
