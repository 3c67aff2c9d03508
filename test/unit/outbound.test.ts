import { describe, expect, it } from 'vitest';
import { outboundOf } from '../../src/catalogue/index.js';
import { type ShapeAnswers, shapeOf } from '../../src/catalogue/shape.js';
import { renderScenario } from '../scenarios.js';

const EVERYTHING: ShapeAnswers = {
  topology: 'hub-spoke',
  firewall: true,
  hubFirewallIp: undefined,
  jumpbox: true,
  vpn: 'none',
  gateway: 'apim',
  apimRegions: [],
  dnsZonesByPolicy: undefined,
  foundry: 'project',
  services: ['openai', 'ml', 'search'],
  agents: true,
};

/** How the firewall policy writes a public-cloud name that differs per cloud (environment() in Bicep). */
const IN_BICEP: Readonly<Record<string, string>> = {
  'login.microsoftonline.com': 'platformFqdns',
  'management.azure.com': 'platformFqdns',
  '*.login.microsoftonline.com': '*.${platformFqdns[0]}',
  'device.login.microsoftonline.com': 'device.${platformFqdns[0]}',
  'azkms.core.windows.net': 'azkms.${environment().suffixes.storage}',
  'kms.core.windows.net': 'kms.${environment().suffixes.storage}',
  'azurewatsonanalysis-prod.core.windows.net': 'azurewatsonanalysis-prod.${environment().suffixes.storage}',
};

describe('NET-07: the outbound destinations of the catalogue', () => {
  it('are all allowed by the firewall this landing zone deploys, so the README table for a hub firewall says the same', async () => {
    const files = await renderScenario({
      name: 'contoso',
      location: 'swedencentral',
      topology: 'hub-spoke',
      services: ['openai', 'ml', 'search'],
      agents: true,
      publisherEmail: 'a@example.com',
    });
    const policy = files.get('infra/modules/network/firewall-policy.bicep')!;
    const destinations = outboundOf(shapeOf(EVERYTHING)).flatMap((rule) => rule.destinations);
    expect(destinations.length).toBeGreaterThan(30);
    const missing = destinations.filter((name) => {
      const written = IN_BICEP[name];
      return written === 'platformFqdns' ? !policy.includes('platformFqdns') : !policy.includes(`'${written ?? name}'`);
    });
    expect(missing).toEqual([]);
  });

  it('follow the components: the agents need the Container Apps platform images, the jumpbox ML studio only with a workspace', () => {
    const names = (answers: Partial<ShapeAnswers>) => outboundOf(shapeOf({ ...EVERYTHING, ...answers })).flatMap((rule) => rule.destinations);
    expect(names({})).toEqual(expect.arrayContaining(['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'ml.azure.com']));
    expect(names({ services: ['openai'] })).not.toContain('ml.azure.com');
    expect(names({ agents: false })).not.toContain('mcr.microsoft.com');
    expect(names({ jumpbox: false, gateway: 'none', agents: false })).toEqual(['login.microsoftonline.com', 'management.azure.com']);
    // Every entry cites Microsoft's page.
    expect(outboundOf(shapeOf(EVERYTHING)).every((rule) => /^https:\/\/learn\.microsoft\.com\//.test(rule.source))).toBe(true);
  });
});
