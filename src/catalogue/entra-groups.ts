import type { Component } from './component.js';

/** SEC-09: the Entra groups of the platform's users and administrators, whose roles every other part assigns. */
export const entraGroups: Component = {
  id: 'entra-groups',
  applies: () => true,
};
