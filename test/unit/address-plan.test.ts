import { describe, expect, it } from 'vitest';
import { formatCidr, overlaps, parseCidr } from '../../src/network/cidr.js';
import { planEnvironmentNetworks, PRIVATE_ENDPOINT_SUBNET, type SubnetRequest } from '../../src/network/address-plan.js';
import { hubSubnetsFor, workloadSubnetsFor } from '../../src/network/subnets.js';

describe('address planner', () => {
  it('gives each environment the next block of the same size, with aligned subnets inside', () => {
    const plan = planEnvironmentNetworks('10.60.0.0/22', ['dev', 'test', 'prod'], [PRIVATE_ENDPOINT_SUBNET]);
    const subnet = (addressPrefix: string) => [{ name: 'snet-private-endpoints', addressPrefix, request: PRIVATE_ENDPOINT_SUBNET }];
    expect(plan).toEqual([
      { environment: 'dev', vnetAddressPrefix: '10.60.0.0/22', subnets: subnet('10.60.0.0/26') },
      { environment: 'test', vnetAddressPrefix: '10.60.4.0/22', subnets: subnet('10.60.4.0/26') },
      { environment: 'prod', vnetAddressPrefix: '10.60.8.0/22', subnets: subnet('10.60.8.0/26') },
    ]);
  });

  it('packs several subnets largest first without overlaps', () => {
    const request = (name: string, prefixLength: number): SubnetRequest => ({
      name,
      prefixLength,
      reason: 'r',
      bicep: { variable: name, parameter: `${name}Prefix`, comment: 'c' },
    });
    const requests = [request('small', 28), request('big', 24), request('mid', 26)];
    const plan = planEnvironmentNetworks('10.0.0.0/23', ['dev'], requests);
    if ('error' in plan) throw new Error(plan.error);
    const prefixes = plan[0]!.subnets.map((subnet) => subnet.addressPrefix);
    expect(prefixes).toEqual(['10.0.0.0/24', '10.0.1.0/26', '10.0.1.64/28']);
    const parsed = prefixes.map((prefix) => parseCidr(prefix) as { address: number; prefixLength: number });
    for (const [i, a] of parsed.entries()) for (const b of parsed.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  });

  it('says which size the subnets need when the space is too small', () => {
    const plan = planEnvironmentNetworks('10.0.0.0/27', ['dev'], [PRIVATE_ENDPOINT_SUBNET]);
    expect(plan).toEqual({ error: expect.stringContaining('is too small: the subnets need at least a /26 (/26 for private endpoints') });
  });

  it('formats and parses CIDR ranges symmetrically', () => {
    for (const text of ['0.0.0.0/0', '10.60.4.0/22', '192.168.255.240/28', '255.255.255.255/32']) {
      const parsed = parseCidr(text) as { address: number; prefixLength: number };
      expect(formatCidr(parsed.address, parsed.prefixLength)).toBe(text);
    }
    expect(parseCidr('10.0.0.256/24')).toEqual({ error: 'has an octet above 255' });
    expect(parseCidr('10.0.0/24')).toEqual({ error: expect.stringContaining('is not an IPv4 CIDR range') });
  });

  it("places each option's subnet where its topology puts it", () => {
    const names = (subnets: readonly SubnetRequest[]) => subnets.map((subnet) => subnet.name).sort();
    const all = { jumpbox: true, vpn: 'p2s', gateway: 'apim-frontdoor', firewall: true } as const;
    // Hub-spoke: connectivity in the hub, the workload's doors in the spoke.
    expect(names(hubSubnetsFor({ topology: 'hub-spoke', ...all }))).toEqual([
      'AzureBastionSubnet',
      'AzureFirewallSubnet',
      'GatewaySubnet',
      'snet-dns-inbound',
      'snet-dns-outbound',
    ]);
    expect(names(workloadSubnetsFor({ topology: 'hub-spoke', ...all }))).toEqual([
      'snet-apim',
      'snet-appgw',
      'snet-appgw-private-link',
      'snet-jumpbox',
      'snet-private-endpoints',
    ]);
    // One VNet holds everything, and VPN clients need the resolver there.
    expect(names(workloadSubnetsFor({ topology: 'single-vnet', ...all }))).toEqual([
      'AzureBastionSubnet',
      'AzureFirewallSubnet',
      'GatewaySubnet',
      'snet-apim',
      'snet-appgw',
      'snet-appgw-private-link',
      'snet-dns-inbound',
      'snet-dns-outbound',
      'snet-jumpbox',
      'snet-private-endpoints',
    ]);
    // An existing hub keeps its firewall and gateway; the spoke brings its own Bastion.
    expect(names(workloadSubnetsFor({ topology: 'existing-hub', jumpbox: true, vpn: 'none', gateway: 'apim-appgw', firewall: false }))).toEqual([
      'AzureBastionSubnet',
      'snet-apim',
      'snet-appgw',
      'snet-jumpbox',
      'snet-private-endpoints',
    ]);
    expect(names(workloadSubnetsFor({ topology: 'single-vnet', jumpbox: false, vpn: 'none', gateway: 'none', firewall: false }))).toEqual([
      'snet-private-endpoints',
    ]);
  });
});
