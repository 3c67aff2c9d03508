import { describe, expect, it } from 'vitest';
import { rangeFindings, subnetFindings } from '../../src/validate/network-checks.js';
import { endpointClientFindings } from '../../src/validate/endpoint-clients.js';

const value = (v: unknown) => ({ value: v });

describe('structural checks of compiled templates catch broken networks', () => {
  it('finds overlapping VNets across environments and subnets outside their VNet', () => {
    expect(
      rangeFindings({
        dev: { vnetAddressPrefix: value('10.0.0.0/22'), privateEndpointSubnetPrefix: value('10.9.0.0/26') },
        prod: { vnetAddressPrefix: value('10.0.2.0/23'), privateEndpointSubnetPrefix: value('10.0.2.0/26') },
      }),
    ).toEqual([
      { code: 'subnet-outside-vnet', message: 'dev.privateEndpointSubnetPrefix 10.9.0.0/26 is outside every VNet of dev' },
      { code: 'ranges-overlap', message: 'dev.vnetAddressPrefix 10.0.0.0/22 overlaps prod.vnetAddressPrefix 10.0.2.0/23' },
    ]);
  });

  it('finds private endpoint clients that leave out the VNet or the VPN pool, or are not CIDR ranges (NET-12)', () => {
    const network = { vnetAddressPrefix: value('10.60.0.0/22'), vpnClientAddressPool: value('172.16.200.0/24') };
    expect(
      endpointClientFindings({
        dev: { ...network, privateEndpointClientAddressPrefixes: value(['10.60.0.0/22', '172.16.200.0/24', '192.168.10.0/24']) },
        test: { ...network, privateEndpointClientAddressPrefixes: value(['10.60.0.0/22', 'VirtualNetwork']) },
        prod: { ...network, privateEndpointClientAddressPrefixes: value([]) },
      }),
    ).toEqual([
      {
        code: 'endpoint-clients-invalid',
        message: 'test.privateEndpointClientAddressPrefixes: "VirtualNetwork" is not an IPv4 CIDR range such as 10.60.0.0/22',
      },
      {
        code: 'endpoint-clients-incomplete',
        message:
          'test.privateEndpointClientAddressPrefixes leaves out vpnClientAddressPool 172.16.200.0/24, whose clients then cannot reach the private endpoints',
      },
      { code: 'endpoint-clients-invalid', message: 'prod.privateEndpointClientAddressPrefixes is not a non-empty list of CIDR ranges' },
    ]);
  });

  it('finds a firewall address outside the firewall subnet', () => {
    expect(
      rangeFindings({
        dev: { vnetAddressPrefix: value('10.0.0.0/24'), firewallSubnetPrefix: value('10.0.0.0/26'), firewallPrivateIp: value('10.0.0.0') },
      }),
    ).toEqual([
      { code: 'firewall-address-misplaced', message: 'dev.firewallPrivateIp 10.0.0.0 is not the address Azure gives the firewall (offset 4 of its subnet)' },
    ]);
  });

  it('finds hub subnets that overlap each other', () => {
    expect(
      rangeFindings({
        dev: {
          hubVnetAddressPrefix: value('10.1.0.0/24'),
          dnsResolverInboundSubnetPrefix: value('10.1.0.0/28'),
          dnsResolverOutboundSubnetPrefix: value('10.1.0.0/27'),
        },
      }),
    ).toEqual([{ code: 'ranges-overlap', message: 'dev.dnsResolverInboundSubnetPrefix 10.1.0.0/28 overlaps dev.dnsResolverOutboundSubnetPrefix 10.1.0.0/27' }]);
  });

  it('finds a subnet without an NSG or with default outbound access, in nested templates too', () => {
    const template = {
      resources: [
        {
          type: 'Microsoft.Resources/deployments',
          name: 'network',
          properties: {
            template: {
              resources: [
                {
                  type: 'Microsoft.Network/virtualNetworks',
                  name: 'vnet',
                  properties: {
                    subnets: [
                      { name: 'snet-app', properties: { defaultOutboundAccess: false } },
                      { name: 'GatewaySubnet', properties: {} },
                      { name: 'snet-ok', properties: { networkSecurityGroup: { id: 'x' }, defaultOutboundAccess: false } },
                    ],
                  },
                },
              ],
            },
          },
        },
      ],
    };
    expect(subnetFindings(template)).toEqual([
      { code: 'subnet-without-nsg', message: 'vnet: subnet snet-app has no network security group' },
      { code: 'subnet-default-outbound', message: 'vnet: subnet GatewaySubnet keeps default outbound access' },
    ]);
  });
});
