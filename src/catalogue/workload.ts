import type { Component } from './component.js';

/** The workload's resource group, the parameters every landing zone has, and the private endpoint subnet's rules. */
export const workload: Component = {
  id: 'workload',
  applies: () => true,
};
