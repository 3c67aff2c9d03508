import { describe, expect, it } from 'vitest';
import { endpointRuleProtocols, privateEndpointPortsOf } from '../../src/catalogue/index.js';
import { type ShapeAnswers, shapeOf } from '../../src/catalogue/shape.js';
import { policyRegistersAll } from '../../src/network/private-dns-zones.js';
import { existingHubZonesFor, privateEndpointsFor } from '../../src/network/private-endpoints.js';

const EXISTING_HUB: ShapeAnswers = {
  topology: 'existing-hub',
  firewall: false,
  hubFirewallIp: undefined,
  jumpbox: false,
  vpn: 'none',
  gateway: 'none',
  apimRegions: [],
  dnsZonesByPolicy: true,
  foundry: 'project',
  services: ['openai', 'ml', 'search'],
  agents: true,
};

const ownZoneGroups = (answers: ShapeAnswers) => Object.fromEntries(privateEndpointsFor(answers).map((endpoint) => [endpoint.symbol, endpoint.ownZoneGroup]));

// NET-05: the built-in "Configure Cognitive Services accounts to use private DNS zones" writes one zone, cognitiveservices,
// on an endpoint of group ID account (https://learn.microsoft.com/azure/private-link/private-endpoint-dns lists three
// zones for an AI Services account, one for Azure OpenAI).
describe('which private endpoints keep a zone group of their own', () => {
  it('all of them when this repository registers the endpoints', () => {
    expect(Object.values(ownZoneGroups({ ...EXISTING_HUB, dnsZonesByPolicy: false })).every(Boolean)).toBe(true);
    expect(Object.values(ownZoneGroups({ ...EXISTING_HUB, topology: 'single-vnet', dnsZonesByPolicy: undefined })).every(Boolean)).toBe(true);
  });

  it('with Azure Policy writing the records, only the AI accounts, whose names the built-in policy registers in part', () => {
    const own = ownZoneGroups(EXISTING_HUB);
    // The Foundry account serves the OpenAI models too: one account endpoint.
    expect(Object.keys(own).filter((symbol) => own[symbol])).toEqual(['foundryPrivateEndpoint']);
    const openAiOnly = ownZoneGroups({ ...EXISTING_HUB, foundry: 'none', services: ['openai', 'search'], agents: false });
    expect(Object.keys(openAiOnly).filter((symbol) => openAiOnly[symbol])).toEqual(['openAiPrivateEndpoint']);
    // A workspace's two zones, the vault's, the blob and file zones, search's and Cosmos DB's are written by a built-in.
    expect(own).toMatchObject({
      machineLearningPrivateEndpoint: false,
      keyVaultPrivateEndpoint: false,
      blobPrivateEndpoint: false,
      filePrivateEndpoint: false,
      cosmosDbPrivateEndpoint: false,
      searchPrivateEndpoint: false,
    });
  });

  it('asks an existing hub for exactly the AI accounts zones under Azure Policy', () => {
    expect(existingHubZonesFor(EXISTING_HUB).map((zone) => zone.name)).toEqual([
      'privatelink.cognitiveservices.azure.com',
      'privatelink.openai.azure.com',
      'privatelink.services.ai.azure.com',
    ]);
    expect(existingHubZonesFor({ ...EXISTING_HUB, foundry: 'none', services: ['openai'] }).map((zone) => zone.name)).toEqual(['privatelink.openai.azure.com']);
    expect(existingHubZonesFor({ ...EXISTING_HUB, foundry: 'none', services: ['search'], agents: false })).toEqual([]);
  });

  it('knows a built-in writes the account zone only for cognitiveservices', () => {
    expect(policyRegistersAll('account', ['cognitiveServices'])).toBe(true);
    expect(policyRegistersAll('account', ['cognitiveServices', 'openAi', 'aiServices'])).toBe(false);
    expect(policyRegistersAll('account', ['openAi'])).toBe(false);
    expect(policyRegistersAll('amlworkspace', ['machineLearningApi', 'machineLearningNotebooks'])).toBe(true);
    expect(policyRegistersAll('unknownGroup', ['blob'])).toBe(false);
  });
});

describe("the private endpoint subnet's NSG rule (NET-12)", () => {
  it('is named for the ports it opens, so that a rule opening HTTPS alone never claims SMB', () => {
    expect(endpointRuleProtocols([{ port: '443', protocol: 'HTTPS' }])).toBe('https');
    expect(
      endpointRuleProtocols([
        { port: '443', protocol: 'HTTPS' },
        { port: '445', protocol: 'SMB', for: 'Azure Files' },
      ]),
    ).toBe('https-smb');
    // Today every configuration has the workload storage account's file endpoint, so SMB is open.
    expect(endpointRuleProtocols(privateEndpointPortsOf(shapeOf({ ...EXISTING_HUB, services: ['openai'], agents: false })))).toBe('https-smb');
  });
});
