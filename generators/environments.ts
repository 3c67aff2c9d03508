import { serializeBicepParams } from '../src/render/bicepparam.js';
import type { EnvironmentProfile, ViewModel } from '../src/model.js';
import type { Generator } from './types.js';

/** One parameter file per environment: the values, written by a serializer, never by a template. */
export const environments: Generator = {
  id: 'environments',
  when: () => true,
  files: (model) =>
    model.environments.map((environment) => ({
      path: `infra/params/${environment.name}.bicepparam`,
      source: { kind: 'data', render: () => parameterFile(model, environment) },
    })),
};

function parameterFile(model: ViewModel, environment: EnvironmentProfile): string {
  const { answers } = model;
  return serializeBicepParams('../main.bicep', [
    { name: 'workloadName', value: answers.name, comment: 'Prefix of every resource name.' },
    { name: 'environmentName', value: environment.name, comment: 'Environment suffix of every resource name.' },
    { name: 'location', value: answers.location, comment: 'Region of the resource group and every regional resource.' },
    {
      name: 'zoneRedundant',
      value: model.zoneRedundant,
      comment: model.zoneRedundant ? `${answers.location} has availability zones: zone-redundant SKUs.` : `${answers.location} has no availability zones: locally redundant SKUs.`,
    },
    { name: 'vnetAddressPrefix', value: environment.network.vnetAddressPrefix, comment: 'Address space of this environment\'s VNet; environments never overlap.' },
    { name: 'privateEndpointSubnetPrefix', value: environment.privateEndpointSubnetPrefix, comment: 'Subnet of the private endpoints (one address each).' },
    ...(environment.firewall
      ? [
          { name: 'firewallSubnetPrefix', value: environment.firewall.subnetPrefix, comment: 'AzureFirewallSubnet of the firewall that every workload subnet routes its egress through.' },
          { name: 'firewallPrivateIp', value: environment.firewall.privateIp, comment: 'The firewall\'s private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure\'s).' },
          { name: 'firewallAllowedFqdns', value: answers.allowedFqdns, comment: 'Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.' },
        ]
      : []),
    ...(environment.hub
      ? [
          { name: 'hubVnetAddressPrefix', value: environment.hub.vnetAddressPrefix, comment: 'Address space of this environment\'s hub VNet, which holds the shared connectivity.' },
          { name: 'dnsResolverInboundSubnetPrefix', value: environment.hub.dnsResolverInboundSubnetPrefix, comment: 'Subnet of the DNS resolver inbound endpoint, the DNS server for VPN and on-premises clients.' },
          { name: 'dnsResolverOutboundSubnetPrefix', value: environment.hub.dnsResolverOutboundSubnetPrefix, comment: 'Subnet of the DNS resolver outbound endpoint, for forwarding rules to on-premises DNS.' },
        ]
      : []),
    {
      name: 'modelDeployments',
      value: environment.modelDeployments,
      comment: `Model deployments; capacity is in thousands of tokens per minute. ${model.modelSku.reason}.`,
    },
    {
      name: 'logRetentionInDays',
      value: environment.logRetentionInDays,
      comment: environment.isProduction ? 'Days Log Analytics keeps data; longer in production for investigations.' : 'Days Log Analytics keeps data.',
    },
    { name: 'enableDefenderForAi', value: true, comment: 'Defender for Cloud\'s AI services plan on the whole subscription (SEC-02); false where a central security team owns Defender plans.' },
    { name: 'tags', value: {}, comment: 'Your own tags for every resource (e.g. costCenter, owner); workload and environment are added.' },
  ]);
}
