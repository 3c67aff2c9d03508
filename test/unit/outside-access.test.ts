import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model.js';
import { hubAccessOf, privateDnsZoneAccessOf, resourceGroupsOf } from '../../src/outside-access.js';
import { HUB_VNET_ID, SCENARIOS, scenarioAnswers } from '../scenarios.js';

/** What the deploying identity needs outside the landing zone's subscription, per answers (issue #16). */
const accessOf = (name: string) => buildModel(scenarioAnswers(SCENARIOS[name]!)).outsideAccess;
const byName = (name: string) => Object.fromEntries(accessOf(name).map((access) => [access.name, access]));
const HUB_GROUP = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity';

describe('the roles the deploying identity needs outside the subscription', () => {
  it("existing hub: deployments in the hub's resource group, not only peering rights on its VNet, which could not create the module", () => {
    const hub = byName('existing-hub')['hub peering']!;
    expect(hub.resourceGroups).toEqual([HUB_GROUP]);
    // Assigned at the group: a role on the VNet does not reach Microsoft.Resources/deployments/write at the group.
    expect(hub.scopes).toEqual([HUB_GROUP]);
    expect(hub.actions).toEqual(
      expect.arrayContaining([
        'Microsoft.Resources/deployments/*',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write',
        'Microsoft.Network/virtualNetworks/peer/action',
      ]),
    );
    expect(hub.condition).toBeUndefined();
  });

  it("joins the hub VNet only where API Management's own zone is linked to it", () => {
    const join = 'Microsoft.Network/virtualNetworks/join/action';
    expect(hubAccessOf(HUB_VNET_ID, true).actions).toContain(join);
    expect(hubAccessOf(HUB_VNET_ID, false).actions).not.toContain(join);
    expect(byName('existing-hub')['hub peering']!.actions).toContain(join);
    expect(byName('existing-hub-policy-dns')['hub peering']!.actions).not.toContain(join);
  });

  it('central zones: join/action alone, assigned on each zone the answers name, assignable in their groups', () => {
    const zoneIds = SCENARIOS['existing-hub']!.privateDnsZoneIds!;
    const zones = byName('existing-hub')['private DNS records']!;
    expect(zones.actions).toEqual(['Microsoft.Network/privateDnsZones/join/action']);
    expect(zones.scopes).toEqual(zoneIds);
    expect(zones.resourceGroups).toEqual(['/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns']);
    // With the records by Azure Policy, only the AI account's zones are given, and only they are granted.
    expect(byName('existing-hub-policy-dns')['private DNS records']!.scopes).toEqual(SCENARIOS['existing-hub-policy-dns']!.privateDnsZoneIds);
  });

  it('zones in several groups and subscriptions: each group once, however its ID is cased', () => {
    const a = '/subscriptions/1/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.openai.azure.com';
    const b = '/subscriptions/1/resourcegroups/RG-DNS/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net';
    const c = '/subscriptions/2/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net';
    expect(resourceGroupsOf([a, b, c])).toEqual(['/subscriptions/1/resourceGroups/rg-dns', '/subscriptions/2/resourceGroups/rg-dns']);
    expect(privateDnsZoneAccessOf([a, b, c]).scopes).toEqual([a, b, c]);
  });

  it('nothing outside for a hub of its own; the certificate vault alone with an edge gateway', () => {
    expect(accessOf('hub-spoke')).toEqual([]);
    expect(accessOf('slice-default')).toEqual([]);
    expect(accessOf('hub-spoke-app-gateway').map((access) => access.name)).toEqual(['certificate access']);
  });

  it('writes plain words into the scripts: no quote, dollar or backtick that the JSON or a shell would read', () => {
    for (const name of Object.keys(SCENARIOS)) {
      for (const access of accessOf(name)) {
        for (const text of [access.name, access.description, access.withoutIt, ...access.actions]) expect(text).toMatch(/^[\w ,.;:*/()-]+$/);
      }
    }
  });
});
