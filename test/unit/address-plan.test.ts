import { describe, expect, it } from 'vitest';
import { formatCidr, overlaps, parseCidr } from '../../src/network/cidr.js';
import { planEnvironmentNetworks, PRIVATE_ENDPOINT_SUBNET, type SubnetRequest } from '../../src/network/address-plan.js';

describe('address planner', () => {
  it('gives each environment the next block of the same size, with aligned subnets inside', () => {
    const plan = planEnvironmentNetworks('10.60.0.0/22', ['dev', 'test', 'prod'], [PRIVATE_ENDPOINT_SUBNET]);
    expect(plan).toEqual([
      { environment: 'dev', vnetAddressPrefix: '10.60.0.0/22', subnets: [{ name: 'snet-private-endpoints', addressPrefix: '10.60.0.0/26' }] },
      { environment: 'test', vnetAddressPrefix: '10.60.4.0/22', subnets: [{ name: 'snet-private-endpoints', addressPrefix: '10.60.4.0/26' }] },
      { environment: 'prod', vnetAddressPrefix: '10.60.8.0/22', subnets: [{ name: 'snet-private-endpoints', addressPrefix: '10.60.8.0/26' }] },
    ]);
  });

  it('packs several subnets largest first without overlaps', () => {
    const requests: SubnetRequest[] = [
      { name: 'small', prefixLength: 28, reason: 'r' },
      { name: 'big', prefixLength: 24, reason: 'r' },
      { name: 'mid', prefixLength: 26, reason: 'r' },
    ];
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
});
