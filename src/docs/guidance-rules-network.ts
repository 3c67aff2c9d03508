import type { ViewModel } from '../model.js';
import { proseList } from '../prose.js';
import { at, inMain, MAIN, when } from './guidance-evidence.js';
import { privateServicesOf, servicesEvidence } from './guidance-private-services.js';
import { answerText, type AreaRules, type GuidanceVerdict, notApplicable, notes, satisfied } from './guidance-verdict.js';
import { FILES } from './module-files.js';

/** The guidance rules of networking (NET-xx): private access, DNS, the ways in and out, and the AI gateway's networks. */

/** The connectivity test of NET-13, which reads main.bicep's output `privateEndpointFqdns`. */
const VERIFY_SCRIPTS = ['scripts/verify-private-endpoints.sh', 'scripts/verify-private-endpoints.ps1'] as const;

function net01(model: ViewModel): GuidanceVerdict {
  return satisfied(servicesEvidence(privateServicesOf(model)), notes(monitoringExposure(model)));
}

/** What of Azure Monitor, which NET-01 does not list, still answers public networks under these answers. */
function monitoringExposure(model: ViewModel): string {
  const gateway = model.apiManagement
    ? " The AI gateway's Application Insights is linked to the scope, so the network's telemetry reaches it privately, and still accepts Entra ID-authenticated telemetry and queries from public networks."
    : '';
  if (!model.monitorPrivateLink)
    return (
      (model.apiManagement
        ? "Log Analytics and the AI gateway's Application Insights, which NET-01 does not list, still accept"
        : 'Log Analytics, which NET-01 does not list, still accepts') +
      " ingestion and queries from public networks, always with Entra ID and Azure RBAC: an existing hub's central zones serve the platform team's Azure Monitor Private Link Scope, and a second scope's records would take Azure Monitor's names from it, so ask the platform team to link the workspace to their scope."
    );
  if (!model.privateLogQueries)
    return `Log Analytics takes logs only through the Azure Monitor Private Link Scope (monitorPrivateLinkScope), but still answers queries from public networks, with Entra ID and Azure RBAC: with neither a jumpbox nor a VPN, nobody could reach the scope's endpoint to query.${gateway}`;
  return `Log Analytics takes logs and answers queries only through the Azure Monitor Private Link Scope (monitorPrivateLinkScope); people query from the ${[...(model.jumpbox ? ['jumpbox'] : []), ...(model.vpn ? ['VPN'] : [])].join(' or ')}.${gateway}`;
}

function net02(model: ViewModel): GuidanceVerdict {
  return satisfied([
    ...inMain(...model.wiring.privateEndpoints.map((endpoint) => endpoint.symbol)),
    ...at(FILES.privateEndpoint, 'privateEndpoint'),
    // The dedicated subnet snet-private-endpoints is one of the workload network's subnets.
    ...inMain('virtualNetwork'),
  ]);
}

function net03(model: ViewModel): GuidanceVerdict {
  if (model.someDnsZoneGroups) {
    return satisfied(
      [
        ...inMain(...model.wiring.privateEndpoints.filter((endpoint) => endpoint.ownZoneGroup).map((endpoint) => endpoint.symbol)),
        ...at(FILES.privateEndpoint, 'privateDnsZoneGroup'),
      ],
      `${answerText(model, 'dnsZonesByPolicy')}: Azure Policy writes the other endpoints' zone groups (NET-05); the built-in definition registers an AI account only in its cognitiveservices zone, so its endpoint registers all its names in the central zones itself.`,
    );
  }
  if (!model.dnsZoneGroups) {
    return notApplicable(
      `${answerText(model, 'dnsZonesByPolicy')}: Azure Policy in your tenant writes each private endpoint's zone group into the platform team's central zones, so this repository creates none (NET-05).`,
    );
  }
  if (model.existingHub) {
    return satisfied(
      [...inMain(...model.wiring.privateEndpoints.map((endpoint) => endpoint.symbol)), ...at(FILES.privateEndpoint, 'privateDnsZoneGroup')],
      "The zones and their links to the hub are the platform team's (privateDnsZoneResourceIds in infra/params); this repository registers the endpoints in them and relies on those links.",
    );
  }
  return satisfied([
    ...inMain('privateDnsZones'),
    ...at(FILES.privateDnsZones, 'privateDnsZones', 'virtualNetworkLinks'),
    ...at(FILES.privateEndpoint, 'privateDnsZoneGroup'),
  ]);
}

function net04(model: ViewModel): GuidanceVerdict {
  const resolver = [...inMain('dnsResolver'), ...at(MAIN, 'dnsResolverInboundIp'), ...at(FILES.dnsResolver, 'inboundEndpoint')];
  if (model.hubSpoke) return satisfied([...inMain('hubVirtualNetwork', 'privateDnsZones'), ...resolver]);
  if (model.existingHub) {
    return satisfied(
      inMain('virtualNetwork'),
      "The spoke uses the hub's DNS servers (hubDnsServers); the central zones and the resolver are the platform team's, outside this repository.",
    );
  }
  if (model.dnsResolver) {
    return satisfied(
      resolver,
      `${answerText(model, 'topology')}: the zones live beside the workload, linked to its one VNet; there is no hub to centralise them in.`,
    );
  }
  return notApplicable(
    `${answerText(model, 'topology')} and ${answerText(model, 'vpn')}: one VNet holds and resolves the zones and no VPN or on-premises client needs them; a hub (the hub-spoke or existing-hub topology) centralises them.`,
  );
}

function net05(model: ViewModel): GuidanceVerdict {
  const zoneGroupPolicies = model.policyGuards.privateDnsZoneGroups.length > 0;
  return satisfied(
    [
      ...inMain('publicNetworkAccessPolicies'),
      ...at(FILES.denyPublicNetworkAccess, 'assignments'),
      ...when(zoneGroupPolicies, ...inMain('privateDnsZoneGroupPolicies'), ...at(FILES.privateDnsZoneGroupPolicies, 'assignments')),
    ],
    notes(
      !zoneGroupPolicies &&
        `No deploy-if-not-exists zone-group policies here (${answerText(model, 'topology')}): the central zones, and the policies that fill them, are the platform team's.`,
      zoneGroupPolicies &&
        model.platform.openAiAccount &&
        'The Azure OpenAI account gets the deny policy but no zone-group policy: no built-in definition writes its privatelink.openai.azure.com zone.',
    ),
  );
}

function net06(model: ViewModel): GuidanceVerdict {
  if (!model.jumpbox) return notApplicable(`${answerText(model, 'jumpbox')}: no Bastion and no jumpbox VM; ${wayInWithoutJumpbox(model)}.`);
  return satisfied([...inMain('bastion', 'jumpbox'), ...at(FILES.bastion, 'bastion'), ...at(FILES.jumpbox, 'vm', 'entraLogin')]);
}

/** How people reach the private network when there is no jumpbox. */
function wayInWithoutJumpbox(model: ViewModel): string {
  if (model.vpn) return 'people connect through the point-to-site VPN (NET-11)';
  if (model.existingHub) return "people reach the spoke through the platform team's hub";
  return `people reach the ${model.hubSpoke ? 'spoke' : 'VNet'} from a network you connect to it`;
}

function net07(model: ViewModel): GuidanceVerdict {
  const { platform } = model;
  const hubFirewall = model.existingHub && model.egressThroughFirewall;
  const evidence = [
    ...when(
      model.firewall,
      ...inMain('firewall', 'routeTable'),
      ...at(FILES.firewall, 'firewall'),
      ...at(FILES.firewallPolicy, 'egressRules'),
      ...at(FILES.routeTable, 'routeTable'),
    ),
    ...when(hubFirewall, ...inMain('routeTable'), ...at(FILES.routeTable, 'routeTable')),
    // The managed networks in AllowOnlyApprovedOutbound (FDY-03).
    ...when(platform.foundryHub, ...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')),
    ...when(platform.machineLearning, ...inMain('machineLearning'), ...at(FILES.machineLearning, 'workspace')),
    // The AI account's data loss prevention: an allow-list of the landing zone's own data hosts.
    ...(accountOutboundRestricted(model) ? [...inMain(platform.account!), ...at(accountFile(model), 'account')] : []),
  ];
  if (evidence.length === 0) {
    return notApplicable(
      model.existingHub
        ? `${answerText(model, 'firewall')} and no hubFirewallIp (${answerText(model, 'topology')}): no route sends the spoke's egress to the hub's firewall and its subnets have no default outbound access; give the firewall's address (--hub-firewall-ip) to route egress through it.`
        : `${answerText(model, 'firewall')}: no Azure Firewall and no FQDN allow-list; the subnets have no default outbound access, so the workload has no way to the internet unless one is added (which is why API Management and the agents, which cannot deploy without one, come only with the firewall).`,
    );
  }
  const restricting = [
    platform.foundryHub && 'the managed network of the hub',
    platform.machineLearning && 'the managed network of the Machine Learning workspace',
    accountOutboundRestricted(model) &&
      `the ${platform.accountLabel} (to the workload storage account's blob host${platform.search ? ' and AI Search' : ''} alone)`,
  ].filter((item): item is string => typeof item === 'string');
  return satisfied(
    evidence,
    notes(
      hubFirewall &&
        "The allow-list is the hub firewall's policy, which the platform team owns; this repository only routes every workload subnet's egress to it (hubFirewallPrivateIp).",
      !model.egressThroughFirewall &&
        `Only ${proseList(restricting)} restrict${restricting.length > 1 ? '' : 's'} outbound traffic; the VNet's own egress passes no firewall (${answerText(model, 'firewall')}), though its subnets have no default outbound access.`,
      model.firewall &&
        model.apiManagementRegions &&
        `The networks of API Management's further regions send their egress to the same firewall, each by a route table of its own region${model.hubSpoke ? ', through a peering with the hub' : ''} (NET-14).`,
      model.egressThroughFirewall &&
        accountOutboundRestricted(model) &&
        `The ${platform.accountLabel} may call only the workload storage account's blob host${platform.search ? ' and AI Search' : ''} (restrictOutboundNetworkAccess with allowedFqdnList); any other call it makes is refused.`,
      platform.agents &&
        `The ${platform.accountLabel} has no outbound allow-list: its agents' tools call hosts chosen when an agent is built, which no list written now can name; their egress from the agent subnet passes the firewall's allow-list instead (the agents need that way out, so they come only with it).`,
    ),
  );
}

/**
 * Whether the AI account refuses outbound calls to hosts outside its allow-list (data loss prevention). Not the Foundry
 * account with agents, whose tools call hosts unknown when the repository is generated.
 */
const accountOutboundRestricted = ({ platform }: ViewModel): boolean => platform.account !== undefined && !(platform.agents && platform.account === 'foundry');

const accountFile = ({ platform }: ViewModel): string => (platform.account === 'foundry' ? FILES.foundryAccount : FILES.aiServicesAccount);

function net08(model: ViewModel): GuidanceVerdict {
  if (!model.apiManagement)
    return notApplicable(`${answerText(model, 'gateway')}: no API Management; callers reach the model endpoints through their private endpoints.`);
  return satisfied([...inMain('apiManagement', 'apiManagementDns'), ...at(FILES.apiManagement, 'apim'), ...at(FILES.apiManagementDns, 'gatewayRecords')]);
}

function net09(model: ViewModel): GuidanceVerdict {
  if (!model.edgeGateway) {
    return notApplicable(
      `${answerText(model, 'gateway')}: ${model.apiManagement ? 'API Management is internal and takes private callers only' : 'no AI gateway'}, so no AI traffic arrives from the internet.`,
    );
  }
  const applicationGateway = [
    ...inMain('applicationGatewayIdentity', 'applicationGateway'),
    ...at(FILES.applicationGateway, 'wafPolicy', 'applicationGateway'),
  ];
  if (!model.frontDoor) return satisfied(applicationGateway);
  return satisfied(
    [...inMain('frontDoor'), ...at(FILES.frontDoor, 'profile', 'wafPolicy', 'origin'), ...applicationGateway],
    'Front Door reaches its origin only once its Private Link connection on the Application Gateway is approved, by hand, after the first deployment (README).',
  );
}

function net10(model: ViewModel): GuidanceVerdict {
  const peerings = [...inMain('hubToSpokePeering', 'spokeToHubPeering'), ...at(FILES.peering, 'peering')];
  if (model.hubSpoke) {
    // The connectivity this landing zone places in the hub.
    const inHub = ['dnsResolver', ...when(model.firewall, 'firewall'), ...when(model.jumpbox, 'bastion'), ...when(model.vpn, 'vpnGateway')];
    return satisfied([...inMain('hubResourceGroup', 'hubVirtualNetwork', ...inHub), ...peerings]);
  }
  if (model.existingHub) {
    return satisfied(
      peerings,
      notes(
        "The hub and its gateway, firewall and DNS are the platform team's; gateway transit follows useHubGateway, false in the generated parameter files until the hub has a gateway for this spoke.",
        model.jumpbox && "Bastion sits in the spoke, as the hub is not this repository's.",
      ),
    );
  }
  return notApplicable(`${answerText(model, 'topology')}: one VNet holds the workload and its connectivity; there is no hub to peer with.`);
}

function net11(model: ViewModel): GuidanceVerdict {
  if (model.vpn) return satisfied([...inMain('vpnGateway'), ...at(MAIN, 'vpnGatewayName'), ...at(FILES.vpnGateway, 'gateway')]);
  if (model.existingHub) {
    return notApplicable(
      `${answerText(model, 'vpn')} (${answerText(model, 'topology')}): a point-to-site gateway belongs in the platform team's hub; set useHubGateway = true in infra/params once it has one, so its clients reach this spoke.`,
    );
  }
  return notApplicable(
    `${answerText(model, 'vpn')}: no point-to-site VPN; ${model.jumpbox ? 'people reach the private endpoints through Bastion and the jumpbox (NET-06)' : wayInWithoutJumpbox(model)}.`,
  );
}

function net12(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [
      ...inMain('virtualNetwork', ...when(model.hubSpoke, 'hubVirtualNetwork'), ...when(model.apiManagementRegions, 'apiManagementRegionalNetworks')),
      ...at(FILES.virtualNetwork, 'networkSecurityGroups'),
    ],
    model.existingHub
      ? undefined
      : 'The private endpoints admit HTTPS only from the ranges of privateEndpointClientAddressPrefixes (each parameter file): add the range of every network you connect.',
  );
}

function net13(model: ViewModel): GuidanceVerdict {
  const wayIn = model.jumpbox || model.vpn || model.existingHub;
  return satisfied(
    [...at(MAIN, 'privateEndpointFqdns'), ...VERIFY_SCRIPTS.flatMap((script) => at(script, 'privateEndpointFqdns'))],
    notes(
      !wayIn &&
        `No jumpbox and no VPN here (${answerText(model, 'jumpbox')}, ${answerText(model, 'vpn')}): run the scripts from a network you connect to the ${model.hubSpoke ? 'spoke' : 'VNet'}.`,
      !model.dnsZoneGroups &&
        `The names resolve privately only once the tenant's Azure Policy has written each endpoint's DNS records (${answerText(model, 'dnsZonesByPolicy')}): a public answer right after a deployment means it has not yet; check the assignment's compliance and start a remediation task.`,
    ),
  );
}

function net14(model: ViewModel): GuidanceVerdict {
  if (!model.apiManagement) return notApplicable(`${answerText(model, 'gateway')}: no API Management to run in further regions.`);
  if (!model.apiManagementRegions) {
    return notApplicable(
      `${answerText(model, 'apimRegions')}: API Management runs in ${model.answers.location} only; ${model.existingHub ? "with an existing hub, further regions belong to the platform's hubs there" : 'list further regions with --apim-regions to add them in production'}.`,
    );
  }
  return satisfied(
    [
      ...inMain('apiManagementRegionalNetworks', 'apiManagementRegionalToSpokePeerings', 'spokeToApiManagementRegionalPeerings', 'apiManagement'),
      ...at(FILES.apiManagement, 'apim'),
    ],
    'Only production environments, which get API Management Premium, run the further regions; Developer environments have an empty apiManagementRegions.',
  );
}

export const NETWORK_RULES: AreaRules<'NET'> = {
  'NET-01': net01,
  'NET-02': net02,
  'NET-03': net03,
  'NET-04': net04,
  'NET-05': net05,
  'NET-06': net06,
  'NET-07': net07,
  'NET-08': net08,
  'NET-09': net09,
  'NET-10': net10,
  'NET-11': net11,
  'NET-12': net12,
  'NET-13': net13,
  'NET-14': net14,
};
