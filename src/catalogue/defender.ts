import type { Component } from './component.js';

/** SEC-02: Defender for Cloud's AI services plan on the subscription. */
export const defender: Component = {
  id: 'defender',
  applies: () => true,
  providers: ['Microsoft.Security'],
};
