import { type BicepParam, EnvironmentVariable, serializeBicepParams } from '../src/render/bicepparam.js';
import { AGENT_SUBNET, type EnvironmentNetwork } from '../src/network/address-plan.js';
import { type PrivateDnsZone, zoneNameOf } from '../src/network/private-dns-zones.js';
import { existingHubZonesFor } from '../src/network/private-endpoints.js';
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

/** The range of every subnet the planner allocated, as the parameter main.bicep declares for it. */
function subnetParameters(network: EnvironmentNetwork): BicepParam[] {
  return network.subnets.map(({ request, addressPrefix }) => ({ name: request.bicep.parameter, value: addressPrefix, comment: request.bicep.comment }));
}

function parameterFile(model: ViewModel, environment: EnvironmentProfile): string {
  const { answers } = model;
  return serializeBicepParams('../main.bicep', [
    { name: 'workloadName', value: answers.name, comment: 'Prefix of every resource name.' },
    { name: 'environmentName', value: environment.name, comment: 'Environment suffix of every resource name.' },
    { name: 'location', value: answers.location, comment: 'Region of the resource group and every regional resource.' },
    {
      name: 'zoneRedundant',
      value: model.zoneRedundant,
      comment: model.zoneRedundant
        ? `${answers.location} has availability zones: zone-redundant SKUs.`
        : `${answers.location} has no availability zones: locally redundant SKUs.`,
    },
    {
      name: 'vnetAddressPrefix',
      value: environment.network.vnetAddressPrefix,
      comment: "Address space of this environment's VNet; environments never overlap.",
    },
    ...subnetParameters(environment.network),
    ...(environment.hub
      ? [
          {
            name: 'hubVnetAddressPrefix',
            value: environment.hub.vnetAddressPrefix,
            comment: "Address space of this environment's hub VNet, which holds the shared connectivity.",
          },
          ...subnetParameters(environment.hub),
        ]
      : []),
    ...(environment.firewall
      ? [
          {
            name: 'firewallPrivateIp',
            value: environment.firewall.privateIp,
            comment: "The firewall's private address: Azure gives it the address at offset 4 of its subnet (the first four are Azure's).",
          },
          {
            name: 'firewallAllowedFqdns',
            value: answers.allowedFqdns,
            comment: 'Hosts the workload may reach over HTTPS besides Microsoft Entra ID and Azure Resource Manager.',
          },
        ]
      : []),
    ...(environment.agentSubnetPrefix
      ? [{ name: AGENT_SUBNET.bicep.parameter, value: environment.agentSubnetPrefix, comment: AGENT_SUBNET.bicep.comment }]
      : []),
    ...(model.platform.agents
      ? [
          {
            name: 'cosmosDbZoneRedundant',
            value: answers.cosmosZoneRedundant,
            comment: answers.cosmosZoneRedundant
              ? "The agents' Cosmos DB account spans the region's availability zones. Fixed when the account is created."
              : "The agents' Cosmos DB account without availability zones, as the Foundry baseline ships it: zone-redundant accounts fail to create where the subscription has no zone-redundant capacity in the region. Once it has (https://aka.ms/cosmosdbquota), true before the account is first created; afterwards it cannot change.",
          },
        ]
      : []),
    ...(environment.vpnClientAddressPool
      ? [
          {
            name: 'vpnClientAddressPool',
            value: environment.vpnClientAddressPool,
            comment: 'Addresses VPN clients get; no VNet or on-premises network may use them.',
          },
        ]
      : []),
    ...(model.existingHub
      ? []
      : [
          {
            name: 'privateEndpointClientAddressPrefixes',
            value: [environment.network.vnetAddressPrefix, ...(environment.vpnClientAddressPool ? [environment.vpnClientAddressPool] : [])],
            comment: `Who may reach the private endpoints (NET-12): this environment's VNet${environment.vpnClientAddressPool ? ' and the VPN clients' : ''}. Add the range of every network you connect (peering, site-to-site VPN, ExpressRoute).`,
          },
        ]),
    ...existingHubParameters(model),
    ...gatewayParameters(model, environment),
    ...(model.jumpbox
      ? [
          {
            name: 'jumpboxAdminUsername',
            value: 'azureadmin',
            comment: 'Local administrator of the jumpbox, for emergencies; people sign in with Microsoft Entra ID.',
          },
          {
            name: 'jumpboxAdminPassword',
            value: new EnvironmentVariable('JUMPBOX_ADMIN_PASSWORD'),
            comment: 'Read from the environment when deploying, never stored: set JUMPBOX_ADMIN_PASSWORD (12+ characters) from your secret store.',
          },
          {
            name: 'jumpboxLoginPrincipalIds',
            value: [...answers.userGroupIds, ...answers.adminGroupIds],
            comment: "Object IDs of the Entra groups that may sign in to the jumpbox (Virtual Machine User Login): the users' and administrators' groups.",
          },
        ]
      : []),
    ...(model.platform.modelHost
      ? [
          {
            name: 'modelDeployments',
            value: environment.modelDeployments,
            comment: `Model deployments; capacity is in thousands of tokens per minute. ${model.modelSku.reason}.`,
          },
        ]
      : []),
    ...(model.platform.search ? searchParameters(environment) : []),
    {
      name: 'userGroupObjectIds',
      value: answers.userGroupIds,
      comment: 'Entra groups of the people who use the platform: data-plane roles on the AI resources.',
    },
    {
      name: 'adminGroupObjectIds',
      value: answers.adminGroupIds,
      comment: 'Entra groups of the people who administer the platform: management roles on the AI resources, and the logs.',
    },
    {
      name: 'logRetentionInDays',
      value: environment.logRetentionInDays,
      comment: environment.isProduction ? 'Days Log Analytics keeps data; longer in production for investigations.' : 'Days Log Analytics keeps data.',
    },
    {
      name: 'publicNetworkAccessPolicyEffect',
      value: 'Deny',
      comment:
        'Deny in every environment: nothing in this landing zone needs public access, so a change that opens a service is a mistake to stop, in dev as in prod.',
    },
    ...(model.policyGuards.privateDnsZoneGroups.length > 0
      ? [
          {
            name: 'privateDnsZoneGroupPolicyEffect',
            value: 'DeployIfNotExists',
            comment: "Private endpoints added later get their DNS records in the landing zone's zones.",
          },
        ]
      : []),
    {
      name: 'enableDefenderForAi',
      value: true,
      comment: "Defender for Cloud's AI services plan on the whole subscription (SEC-02); false where a central security team owns Defender plans.",
    },
    { name: 'tags', value: {}, comment: 'Your own tags for every resource (e.g. costCenter, owner); workload and environment are added.' },
  ]);
}

/** The platform team's hub: where to peer, which DNS to use, where egress goes, which zones hold the records. */
function existingHubParameters(model: ViewModel): BicepParam[] {
  const { answers } = model;
  if (!model.existingHub) return [];
  const zoneIds = answers.privateDnsZoneIds ?? [];
  const idOf = (zone: PrivateDnsZone) => zoneIds.find((id) => zone.pattern.test(zoneNameOf(id)))!;
  return [
    {
      name: 'hubVirtualNetworkResourceId',
      value: answers.hubVnetId!,
      comment: "The platform team's hub VNet; this deployment adds the peering on both sides.",
    },
    {
      name: 'hubDnsServers',
      value: answers.hubDnsServers!,
      comment: "The hub's DNS servers, which resolve the central private DNS zones; the spoke uses them.",
    },
    {
      name: 'useHubGateway',
      value: false,
      comment: 'Set true when the hub has a VPN or ExpressRoute gateway the spoke should use (gateway transit); with true and no gateway the peering fails.',
    },
    ...(answers.hubFirewallIp
      ? [
          {
            name: 'hubFirewallPrivateIp',
            value: answers.hubFirewallIp,
            comment: "The hub firewall's private address: every workload subnet sends its egress there.",
          },
        ]
      : []),
    ...(model.privateEndpointZoneKeys.length > 0
      ? [
          {
            name: 'privateDnsZoneResourceIds',
            value: Object.fromEntries(existingHubZonesFor(answers).map((zone) => [zone.key, idOf(zone)])),
            comment: model.dnsZoneGroups
              ? 'The central private DNS zones the private endpoints register in.'
              : "The central zones of the AI account's names: no built-in policy registers all of them, so its endpoint does (NET-05).",
          },
        ]
      : []),
  ];
}

/** The AI gateway of one environment (NET-08, NET-09, SEC-05). */
function gatewayParameters(model: ViewModel, environment: EnvironmentProfile): BicepParam[] {
  const { answers } = model;
  if (!environment.apiManagement) return [];
  const { sku, capacity, tpmLimitPerCaller } = environment.apiManagement;
  return [
    {
      name: 'apiManagementSku',
      value: sku,
      comment:
        sku === 'Premium'
          ? 'Premium: an SLA and availability zones for production.'
          : "Developer: no SLA, a fraction of Premium's price; for development and tests only.",
    },
    { name: 'apiManagementCapacity', value: capacity, comment: capacity > 1 ? 'Two units, one in each of two availability zones.' : 'One unit.' },
    ...(model.apiManagementRegions
      ? [
          {
            name: 'apiManagementRegions',
            value: environment.apiManagement.regions,
            comment:
              sku === 'Premium'
                ? 'Further regions of the gateway, each with its own small network peered with this one (NET-14).'
                : 'None: Developer runs in one region only.',
          },
        ]
      : []),
    { name: 'apiManagementPublisherEmail', value: answers.publisherEmail!, comment: "Receives API Management's system notifications." },
    {
      name: 'gatewayAudience',
      value: `api://${answers.name}-${environment.name}-ai-gateway`,
      comment: "Application ID URI of the gateway's app registration in Entra ID (create it, or change this to yours); callers ask for tokens for it.",
    },
    {
      name: 'gatewayCallerRole',
      value: 'Models.Invoke',
      comment: 'App role of that registration; assign it to the applications and groups that may call the models.',
    },
    {
      name: 'gatewayTpmLimitPerCaller',
      value: tpmLimitPerCaller,
      comment:
        environment.modelDeployments.length > 0
          ? "Tokens per minute one caller may use: half of the model deployment's capacity."
          : 'Tokens per minute one caller may use; size it to the models you deploy.',
    },
    ...(model.edgeGateway
      ? [
          {
            name: 'gatewayHostName',
            value: answers.gatewayHostName!,
            comment: "The name callers use, on the certificate; point it at the gateway's public address in your DNS.",
          },
          {
            name: 'certificateKeyVaultUri',
            value: answers.certificateUri!,
            comment: 'The certificate of gatewayHostName, as a versionless Key Vault secret URI: renewals are picked up.',
          },
          {
            name: 'certificateKeyVaultResourceId',
            value: answers.certificateKeyVaultId!,
            comment: "The vault of that certificate; the gateway's identity may read that one certificate there.",
          },
        ]
      : []),
    ...(environment.applicationGatewayPrivateIp
      ? [
          {
            name: 'applicationGatewayPrivateIp',
            value: environment.applicationGatewayPrivateIp,
            comment: "The Application Gateway's private frontend, Front Door's origin: the last usable address of its subnet.",
          },
        ]
      : []),
  ];
}

/** AI Search: the SLA's three replicas on Standard in production, one Basic replica elsewhere. */
function searchParameters(environment: EnvironmentProfile): BicepParam[] {
  return environment.isProduction
    ? [
        { name: 'searchSku', value: 'standard', comment: 'Standard: room for large indexes, and availability zones where the region has them.' },
        { name: 'searchReplicaCount', value: 3, comment: 'Three replicas: the read-write SLA.' },
      ]
    : [
        { name: 'searchSku', value: 'basic', comment: "Basic: enough for development, a fraction of Standard's price." },
        { name: 'searchReplicaCount', value: 1, comment: 'One replica: no SLA, fine outside production.' },
      ];
}
