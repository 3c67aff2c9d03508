import { MODELS } from '../ai/models.js';
import type { ViewModel } from '../model.js';
import { STATE_PATH } from '../state.js';
import { GUIDANCE_CATALOGUE, type GuidanceEntry, type GuidanceId } from './guidance-catalogue.js';
import { at, DEPLOY_WORKFLOW, inMain, MAIN, PULL_REQUEST_WORKFLOW, when } from './guidance-evidence.js';
import { privateServicesOf, servicesEvidence } from './guidance-private-services.js';
import { answerText, type GuidanceRule, type GuidanceVerdict, manual, notApplicable, notes, satisfied } from './guidance-verdict.js';
import { FILES } from './module-files.js';

export { evidenceByFile, type GuidanceEvidence } from './guidance-evidence.js';
export { answerText, type GuidanceVerdict } from './guidance-verdict.js';

/**
 * The data behind the generated docs/guidance.md: for one set of answers, every GUIDANCE ID once, with
 * where the generated repository satisfies it (file and Bicep symbol, or workflow job), which answer
 * turned it off, or what a person must do because it lives outside infrastructure-as-code.
 */

export type GuidanceStatus = GuidanceEntry & GuidanceVerdict;

export function guidanceStatusOf(model: ViewModel): readonly GuidanceStatus[] {
  return GUIDANCE_CATALOGUE.map((entry) => ({ ...entry, ...RULES[entry.id](model) }));
}

/** The connectivity test of NET-13, which reads main.bicep's output `privateEndpointFqdns`. */
const VERIFY_SCRIPTS = ['scripts/verify-private-endpoints.sh', 'scripts/verify-private-endpoints.ps1'] as const;

// ---------------------------------------------------------------------------------------------------------
// Networking

function net01(model: ViewModel): GuidanceVerdict {
  return satisfied(
    servicesEvidence(privateServicesOf(model)),
    notes(
      (model.apiManagement ? 'Log Analytics and the AI gateway\'s Application Insights, which NET-01 does not list, still accept' : 'Log Analytics, which NET-01 does not list, still accepts') +
        ' ingestion and queries from public networks, always with Entra ID and Azure RBAC; an Azure Monitor Private Link Scope would close that too.',
    ),
  );
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
  if (!model.dnsZoneGroups) {
    return notApplicable(`${answerText(model, 'dnsZonesByPolicy')}: Azure Policy in your tenant writes each private endpoint's zone group into the platform team's central zones, so this repository creates none (NET-05).`);
  }
  if (model.existingHub) {
    return satisfied(
      [...inMain(...model.wiring.privateEndpoints.map((endpoint) => endpoint.symbol)), ...at(FILES.privateEndpoint, 'privateDnsZoneGroup')],
      'The zones and their links to the hub are the platform team\'s (privateDnsZoneResourceIds in infra/params); this repository registers the endpoints in them and relies on those links.',
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
      'The spoke uses the hub\'s DNS servers (hubDnsServers); the central zones and the resolver are the platform team\'s, outside this repository.',
    );
  }
  if (model.dnsResolver) {
    return satisfied(resolver, `${answerText(model, 'topology')}: the zones live beside the workload, linked to its one VNet; there is no hub to centralise them in.`);
  }
  return notApplicable(`${answerText(model, 'topology')} and ${answerText(model, 'vpn')}: one VNet holds and resolves the zones and no VPN or on-premises client needs them; a hub (the hub-spoke or existing-hub topology) centralises them.`);
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
      !zoneGroupPolicies && `No deploy-if-not-exists zone-group policies here (${answerText(model, 'topology')}): the central zones, and the policies that fill them, are the platform team's.`,
      zoneGroupPolicies && model.platform.openAiAccount &&
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
  if (model.existingHub) return 'people reach the spoke through the platform team\'s hub';
  return `people reach the ${model.hubSpoke ? 'spoke' : 'VNet'} from a network you connect to it`;
}

function net07(model: ViewModel): GuidanceVerdict {
  const { platform } = model;
  const hubFirewall = model.existingHub && model.egressThroughFirewall;
  const evidence = [
    ...when(model.firewall, ...inMain('firewall', 'routeTable'), ...at(FILES.firewall, 'firewall'), ...at(FILES.firewallPolicy, 'egressRules'), ...at(FILES.routeTable, 'routeTable')),
    ...when(hubFirewall, ...inMain('routeTable'), ...at(FILES.routeTable, 'routeTable')),
    // The managed networks in AllowOnlyApprovedOutbound (FDY-03).
    ...when(platform.foundryHub, ...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')),
    ...when(platform.machineLearning, ...inMain('machineLearning'), ...at(FILES.machineLearning, 'workspace')),
  ];
  if (evidence.length === 0) {
    return notApplicable(
      model.existingHub
        ? `${answerText(model, 'firewall')} and no hubFirewallIp (${answerText(model, 'topology')}): no route sends the spoke's egress to the hub's firewall and its subnets have no default outbound access; give the firewall's address (--hub-firewall-ip) to route egress through it.`
        : `${answerText(model, 'firewall')}: no Azure Firewall and no FQDN allow-list; the subnets have no default outbound access, so the workload has no way to the internet unless one is added.`,
    );
  }
  const managedNetworks = [platform.foundryHub && 'the hub', platform.machineLearning && 'the Machine Learning workspace'].filter(Boolean).join(' and ');
  return satisfied(
    evidence,
    notes(
      hubFirewall && 'The allow-list is the hub firewall\'s policy, which the platform team owns; this repository only routes every workload subnet\'s egress to it (hubFirewallPrivateIp).',
      !model.egressThroughFirewall && `Only the managed network of ${managedNetworks} restricts its outbound traffic; the VNet's own egress passes no firewall (${answerText(model, 'firewall')}), though its subnets have no default outbound access.`,
      model.firewall && model.apiManagementRegions && 'The networks of API Management\'s further regions have no firewall: their NSG limits egress to the service tags API Management needs (NET-14).',
    ),
  );
}

function net08(model: ViewModel): GuidanceVerdict {
  if (!model.apiManagement) return notApplicable(`${answerText(model, 'gateway')}: no API Management; callers reach the model endpoints through their private endpoints.`);
  return satisfied([
    ...inMain('apiManagement', 'apiManagementDns'),
    ...at(FILES.apiManagement, 'apim'),
    ...(model.existingHub ? at(FILES.apiManagementDnsRecords, 'gatewayRecord') : at(FILES.apiManagementDns, 'gatewayRecords')),
  ]);
}

function net09(model: ViewModel): GuidanceVerdict {
  if (!model.edgeGateway) {
    return notApplicable(`${answerText(model, 'gateway')}: ${model.apiManagement ? 'API Management is internal and takes private callers only' : 'no AI gateway'}, so no AI traffic arrives from the internet.`);
  }
  const applicationGateway = [...inMain('applicationGatewayIdentity', 'applicationGateway'), ...at(FILES.applicationGateway, 'wafPolicy', 'applicationGateway')];
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
        'The hub and its gateway, firewall and DNS are the platform team\'s; gateway transit follows useHubGateway, false in the generated parameter files until the hub has a gateway for this spoke.',
        model.jumpbox && 'Bastion sits in the spoke, as the hub is not this repository\'s.',
      ),
    );
  }
  return notApplicable(`${answerText(model, 'topology')}: one VNet holds the workload and its connectivity; there is no hub to peer with.`);
}

function net11(model: ViewModel): GuidanceVerdict {
  if (model.vpn) return satisfied([...inMain('vpnGateway'), ...at(MAIN, 'vpnGatewayName'), ...at(FILES.vpnGateway, 'gateway')]);
  if (model.existingHub) {
    return notApplicable(`${answerText(model, 'vpn')} (${answerText(model, 'topology')}): a point-to-site gateway belongs in the platform team's hub; set useHubGateway = true in infra/params once it has one, so its clients reach this spoke.`);
  }
  return notApplicable(`${answerText(model, 'vpn')}: no point-to-site VPN; ${model.jumpbox ? 'people reach the private endpoints through Bastion and the jumpbox (NET-06)' : wayInWithoutJumpbox(model)}.`);
}

function net12(model: ViewModel): GuidanceVerdict {
  return satisfied([
    ...inMain('virtualNetwork', ...when(model.hubSpoke, 'hubVirtualNetwork'), ...when(model.apiManagementRegions, 'apiManagementRegionalNetworks')),
    ...at(FILES.virtualNetwork, 'networkSecurityGroups'),
  ]);
}

function net13(model: ViewModel): GuidanceVerdict {
  const wayIn = model.jumpbox || model.vpn || model.existingHub;
  return satisfied(
    [...at(MAIN, 'privateEndpointFqdns'), ...VERIFY_SCRIPTS.flatMap((script) => at(script, 'privateEndpointFqdns'))],
    notes(
      !wayIn && `No jumpbox and no VPN here (${answerText(model, 'jumpbox')}, ${answerText(model, 'vpn')}): run the scripts from a network you connect to the ${model.hubSpoke ? 'spoke' : 'VNet'}.`,
      !model.dnsZoneGroups &&
        `The names resolve privately only once the tenant's Azure Policy has written each endpoint's DNS records (${answerText(model, 'dnsZonesByPolicy')}): a public answer right after a deployment means it has not yet; check the assignment's compliance and start a remediation task.`,
    ),
  );
}

function net14(model: ViewModel): GuidanceVerdict {
  if (!model.apiManagement) return notApplicable(`${answerText(model, 'gateway')}: no API Management to run in further regions.`);
  if (!model.apiManagementRegions) {
    return notApplicable(`${answerText(model, 'apimRegions')}: API Management runs in ${model.answers.location} only; ${model.existingHub ? 'with an existing hub, further regions belong to the platform\'s hubs there' : 'list further regions with --apim-regions to add them in production'}.`);
  }
  return satisfied(
    [
      ...inMain('apiManagementRegionalNetworks', 'apiManagementRegionalToSpokePeerings', 'spokeToApiManagementRegionalPeerings', 'apiManagement'),
      ...at(FILES.apiManagement, 'apim'),
    ],
    'Only production environments, which get API Management Premium, run the further regions; Developer environments have an empty apiManagementRegions.',
  );
}

// ---------------------------------------------------------------------------------------------------------
// Foundry

function fdy01(model: ViewModel): GuidanceVerdict {
  const chosen = {
    project: 'foundry=project: project-based Foundry, the recommended default.',
    hub: 'foundry=hub: hub-based Foundry, chosen over the recommended project-based one.',
    none: `foundry=none: no Foundry; only the services chosen (${answerText(model, 'services')}).`,
  }[model.answers.foundry];
  return satisfied(at(STATE_PATH, 'answers.foundry'), chosen);
}

/** FDY-02..FDY-05 concern hub-based Foundry only. */
function withHub(rule: (model: ViewModel) => GuidanceVerdict): (model: ViewModel) => GuidanceVerdict {
  return (model) => {
    if (model.platform.foundryHub) return rule(model);
    return notApplicable(
      model.platform.foundryProject
        ? `${answerText(model, 'foundry')}: project-based Foundry has no hub (FDY-06 applies instead).`
        : `${answerText(model, 'foundry')}: no Foundry hub.`,
    );
  };
}

const fdy02 = withHub(() => satisfied([...inMain('foundryHub', 'foundryHubPrivateEndpoint'), ...at(FILES.foundryHub, 'hub', 'project')]));

const fdy03 = withHub(() => satisfied([...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')]));

const fdy04 = withHub((model) =>
  satisfied(
    [...inMain('foundryHub'), ...at(FILES.foundryHub, 'hub')],
    `The managed network has private endpoint rules to the AI Services account${model.platform.search ? ' and AI Search' : ''}; the optional rule to an Application Gateway for on-premises resources is not generated.`,
  ),
);

const fdy05 = withHub((model) => {
  const associated = privateServicesOf(model).filter((service) => ['aiServices', 'storage', 'keyVault', 'containerRegistry', 'search'].includes(service.module));
  return satisfied(servicesEvidence(associated));
});

function fdy06(model: ViewModel): GuidanceVerdict {
  if (!model.platform.foundryProject) {
    return notApplicable(
      model.platform.foundryHub
        ? `${answerText(model, 'foundry')}: hub-based Foundry (FDY-02..FDY-05) instead of project-based.`
        : `${answerText(model, 'foundry')}: no Foundry project.`,
    );
  }
  return satisfied(
    [
      ...inMain('foundry', 'foundryPrivateEndpoint'),
      ...at(FILES.foundryAccount, 'account', 'project'),
      ...when(model.platform.agents, ...inMain('foundryAgents', 'virtualNetwork'), ...at(FILES.foundryAgents, 'capabilityHost')),
    ],
    model.platform.agents ? undefined : `${answerText(model, 'agents')}: no Agent Service, so no network injection, the part of FDY-06 that only agents need.`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Security

function sec01(): GuidanceVerdict {
  return satisfied(at(PULL_REQUEST_WORKFLOW, 'psrule'));
}

function sec02(): GuidanceVerdict {
  return satisfied(
    inMain('defenderForAi'),
    'enableDefenderForAi = false in infra/params leaves the plan to a central security team, which must then have it on.',
  );
}

function sec03(model: ViewModel): GuidanceVerdict {
  if (!model.platform.modelHost) {
    return notApplicable(
      `${answerText(model, 'services')} without openai: no model deployments to filter.`,
      model.platform.account ? `A model deployment someone adds to the ${model.platform.accountLabel} later must name a content filter (raiPolicyName) of its own.` : undefined,
    );
  }
  return satisfied([...inMain('models'), ...at(FILES.modelDeployments, 'contentFilter', 'deployments')]);
}

function sec04(model: ViewModel): GuidanceVerdict {
  const { platform } = model;
  // Where open-weight models can run: an AI Services account (Foundry Models), or a workspace's own compute.
  const hostsFoundryModels = platform.foundryProject || platform.aiServicesAccount;
  const hostsOwnCompute = platform.foundryHub || platform.machineLearning;
  if (!hostsFoundryModels && !hostsOwnCompute) {
    return notApplicable(
      platform.openAiAccount
        ? `${answerText(model, 'foundry')} and ${answerText(model, 'services')}: only an Azure OpenAI account, which deploys OpenAI models alone, never open-source ones.`
        : `${answerText(model, 'foundry')} and ${answerText(model, 'services')}: no model endpoint and no compute that could run a model.`,
    );
  }
  return manual(sec04Steps(model, hostsFoundryModels, hostsOwnCompute));
}

function sec04Steps(model: ViewModel, hostsFoundryModels: boolean, hostsOwnCompute: boolean): string[] {
  const { platform, answers } = model;
  const deployed = platform.modelHost ? MODELS[answers.model] : undefined;
  const openWeightChosen = deployed !== undefined && deployed.format !== 'OpenAI';
  const accountLabel = platform.accountLabel ?? 'AI Services account';
  const workspaces = [platform.foundryHub && 'the hub\'s projects', platform.machineLearning && 'the Machine Learning workspace'].filter(Boolean).join(' and ');
  return [
    `Keep a register of approved models (publisher, name, version, deployment type, source, licence) owned by a named model-risk owner. ${platform.modelHost
      ? 'modelDeployments in infra/params/<environment>.bicepparam is this landing zone\'s part of it: protect infra/params/ with CODEOWNERS so that only a pull request the owner approves changes it.'
      : 'This landing zone deploys no model; every model anyone adds later must be on the register first.'}`,
    openWeightChosen
      ? `${answers.model} (format ${deployed.format}, version ${deployed.version}) is an open-weight model that Azure hosts as a Foundry Model: before production, check its model card in the Foundry catalog (publisher, version, licence, known limitations), run your own evaluations and a red-team pass (the Foundry project's evaluations and AI Red Teaming Agent) with prompts from your domain, and file the results with the register entry.`
      : hostsFoundryModels
        ? `Before anyone deploys a non-OpenAI model (DeepSeek, Llama, Mistral, Phi…) on the ${accountLabel}: check its model card in the Foundry catalog, run your own evaluations and a red-team pass with prompts from your domain, and add it to the register.`
        : `Before anyone runs an open-weight model in ${workspaces}, review its model card and licence, evaluate and red-team it with prompts from your domain, and add it to the register.`,
    ...when(
      hostsFoundryModels,
      `Make the register binding: assign a custom Azure Policy on the subscription that denies Microsoft.CognitiveServices/accounts/deployments whose concat(model.name, ',', model.version) (aliases Microsoft.CognitiveServices/accounts/deployments/model.name and …/model.version) is not in the approved list${platform.modelHost ? `; this repository's own deployment (${answers.model},${MODELS[answers.model]?.version}) must be on it` : ''}.`,
    ),
    ...when(
      hostsOwnCompute,
      `Open-weight models run on your own compute in ${workspaces}: deploy only from a curated registry (built-in policy "[Preview]: Azure Machine Learning Model Registry Deployments are restricted except for the allowed Registry" with allowedRegistryName set to it), and before registering a model from outside (e.g. Hugging Face) pin its exact revision, compare every file's SHA-256 digest with the publisher's, prefer safetensors over pickle-based formats, and verify the signature where the publisher signs (OpenSSF model-signing with Sigstore).`,
    ),
    ...when(
      platform.modelHost !== undefined,
      'Re-verify on every version change: the deployments use versionUpgradeOption OnceCurrentVersionExpired, so a retired version is replaced automatically; watch the model retirement notices and repeat the checks before that date.',
    ),
  ];
}

function sec05(model: ViewModel): GuidanceVerdict {
  if (!model.apiManagement) return notApplicable(`${answerText(model, 'gateway')}: no AI gateway; callers authenticate to the model endpoints with Entra ID directly (SEC-06).`);
  return satisfied(
    [...inMain('apiManagement', 'apiManagementModelAccess'), ...at(FILES.apiManagement, 'apim', 'apiPolicy'), ...at(FILES.accountRoleAssignment, 'roleAssignment')],
    'The gateway\'s app registration (Application ID URI gatewayAudience, app role gatewayCallerRole) and the role\'s assignments to callers are made by hand in Entra ID (README).',
  );
}

function sec06(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [...servicesEvidence(privateServicesOf(model)), ...at(FILES.logAnalytics, 'workspace')],
    model.jumpbox
      ? 'The jumpbox keeps a local administrator for emergencies; its password comes from JUMPBOX_ADMIN_PASSWORD at deployment and is never written to the repository.'
      : undefined,
  );
}

function sec09(model: ViewModel): GuidanceVerdict {
  const { answers, platform } = model;
  const groupModules = Object.keys(model.groupAccess);
  const identityAccess = [
    ...when(model.apiManagement, 'apiManagementModelAccess'),
    ...when(platform.search, 'searchStorageAccess'),
    ...when(platform.search && platform.account !== undefined, 'searchModelAccess'),
    ...when(model.edgeGateway, 'applicationGatewayCertificateAccess'),
    ...when(model.jumpbox, 'jumpbox', 'bastion'),
  ];
  const nobody = answers.userGroupIds.length === 0 && answers.adminGroupIds.length === 0;
  return satisfied(
    inMain(...groupModules, ...identityAccess),
    nobody
      ? 'userGroupIds and adminGroupIds are empty: the group role assignments exist in the templates but assign nobody until userGroupObjectIds and adminGroupObjectIds in infra/params list your groups.'
      : undefined,
  );
}

function sec10(model: ViewModel): GuidanceVerdict {
  const { platform } = model;
  const calls = [
    ...when(model.apiManagement, ...inMain('apiManagementModelAccess'), ...at(FILES.apiManagement, 'apim')),
    ...when(platform.search, ...inMain('searchStorageAccess', ...when(platform.account !== undefined, 'searchModelAccess')), ...at(FILES.search, 'searchService')),
    ...when(platform.agents, ...inMain('foundryAgents'), ...at(FILES.foundryAgents, 'cosmosDbOperator', 'storageBlobDataContributor', 'searchIndexDataContributor')),
    ...when(platform.foundryHub, ...at(FILES.foundryHub, 'aiServicesConnection', 'projectAiServicesUser', 'projectStorageAccess')),
    ...when(platform.machineLearning, ...at(FILES.machineLearning, 'workspace')),
    ...when(model.edgeGateway, ...inMain('applicationGatewayIdentity', 'applicationGatewayCertificateAccess'), ...at(FILES.keyVaultSecretAccess, 'roleAssignment')),
  ];
  // Without any call between services, the identities the accounts carry are all there is to show.
  const identities = [...when(platform.foundryProject, ...at(FILES.foundryAccount, 'account', 'project')), ...when(platform.aiServicesAccount || platform.openAiAccount, ...at(FILES.aiServicesAccount, 'account'))];
  return satisfied(
    [...calls, ...identities],
    calls.length === 0 ? 'No service calls another in this configuration; the AI accounts carry system-assigned identities for the calls added later.' : undefined,
  );
}

/** The first diagnostic setting of every module this configuration deploys (SEC-11). */
const DIAGNOSTICS: readonly { readonly applies: (model: ViewModel) => boolean; readonly file: string; readonly resource: string }[] = [
  { applies: () => true, file: FILES.logAnalytics, resource: 'diagnostics' },
  { applies: () => true, file: FILES.virtualNetwork, resource: 'virtualNetworkDiagnostics' },
  { applies: () => true, file: FILES.virtualNetwork, resource: 'networkSecurityGroupDiagnostics' },
  { applies: () => true, file: FILES.keyVault, resource: 'diagnostics' },
  { applies: () => true, file: FILES.storage, resource: 'accountDiagnostics' },
  { applies: (model) => model.platform.foundryProject, file: FILES.foundryAccount, resource: 'diagnostics' },
  { applies: (model) => model.platform.aiServicesAccount || model.platform.openAiAccount, file: FILES.aiServicesAccount, resource: 'diagnostics' },
  { applies: (model) => model.platform.foundryHub, file: FILES.foundryHub, resource: 'hubDiagnostics' },
  { applies: (model) => model.platform.machineLearning, file: FILES.machineLearning, resource: 'diagnostics' },
  { applies: (model) => model.platform.search, file: FILES.search, resource: 'diagnostics' },
  { applies: (model) => model.platform.containerRegistry, file: FILES.containerRegistry, resource: 'diagnostics' },
  { applies: (model) => model.platform.cosmosDb, file: FILES.cosmosDb, resource: 'diagnostics' },
  { applies: (model) => model.firewall, file: FILES.firewall, resource: 'firewallDiagnostics' },
  { applies: (model) => model.jumpbox, file: FILES.bastion, resource: 'bastionDiagnostics' },
  { applies: (model) => model.jumpbox, file: FILES.jumpbox, resource: 'vmDiagnostics' },
  { applies: (model) => model.vpn, file: FILES.vpnGateway, resource: 'gatewayDiagnostics' },
  { applies: (model) => model.apiManagement, file: FILES.apiManagement, resource: 'diagnostics' },
  { applies: (model) => model.edgeGateway, file: FILES.applicationGateway, resource: 'applicationGatewayDiagnostics' },
  { applies: (model) => model.frontDoor, file: FILES.frontDoor, resource: 'profileDiagnostics' },
];

/** The resources of this configuration that publish nothing a diagnostic setting could send (SEC-11). */
function silentResources(model: ViewModel): string | undefined {
  const silent = [
    ...when(model.egressThroughFirewall, 'the route table'),
    ...when(model.dnsResolver, 'the DNS Private Resolver'),
    ...when(model.firewall, 'the firewall policy (the firewall itself logs every rule hit)'),
  ];
  if (silent.length === 0) return undefined;
  const list = silent.length === 1 ? silent[0]! : `${silent.slice(0, -1).join(', ')} and ${silent.at(-1)}`;
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} publish${silent.length === 1 ? 'es' : ''} no logs or metrics, so ${silent.length === 1 ? 'it has' : 'they have'} no diagnostic setting.`;
}

function sec11(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [...inMain('logAnalytics'), ...at(MAIN, 'logAnalyticsWorkspaceResourceId'), ...DIAGNOSTICS.filter((entry) => entry.applies(model)).map(({ file, resource }) => ({ file, resource }))],
    notes(silentResources(model), 'Private endpoints and private DNS zones get no diagnostic setting here; their platform metrics stay in Azure Monitor.'),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Controls outside infrastructure-as-code (Doc): what a person does, for exactly these answers.

/** A group parameter of main.bicep with the object IDs the answers gave, so policies can be scoped to exactly those groups. */
function groupsOf(parameter: string, ids: readonly string[]): string {
  return ids.length > 0 ? `${parameter} (${ids.join(', ')})` : parameter;
}

/** The step that comes first while the parameter files name no group: every other step is scoped to them. */
function createGroupsStep(model: ViewModel): string[] {
  const missing = [
    ...when(model.answers.userGroupIds.length === 0, 'userGroupObjectIds (--user-group-ids)'),
    ...when(model.answers.adminGroupIds.length === 0, 'adminGroupObjectIds (--admin-group-ids)'),
  ];
  if (missing.length === 0) return [];
  return [`First create the missing Microsoft Entra security groups and put their object IDs in ${missing.join(' and ')} of every infra/params/<environment>.bicepparam: they are empty, and the steps below are scoped to them.`];
}

function sec07(model: ViewModel): GuidanceVerdict {
  if (!model.platform.agents) {
    return notApplicable(`${answerText(model, 'agents')}: no Foundry Agent Service here, so this landing zone creates no agent identities; revisit when upgrading with --agents.`);
  }
  const group = model.firstEnvironment.names.resourceGroup;
  return manual([
    'In the Microsoft Entra admin center, open Entra ID > Agents > Agent identities and find the agents of the Foundry project of each environment (deployment output foundryProjectName): agents created with the current Foundry agent model each get an agent identity of their own and a blueprint; agents of the older model act as the project\'s shared identity, so inventory that one too.',
    'Export the inventory on a schedule (monthly at least) with Microsoft Entra PowerShell (Get-EntraAgentIdentity) or the Microsoft Graph agentIdentity API, into a record that lists per agent: project and environment, model deployment, tools and connections (threads in Cosmos DB, files in the storage account, vector stores in AI Search), owner and sponsor.',
    'Give every agent identity an accountable sponsor: a named person, or a dynamic-membership or Microsoft 365 group (role-assignable groups cannot be sponsors). An agent without a reachable sponsor gets disabled, not deleted: disable the agent in Foundry and the agent identity in Entra ID.',
    `Check each agent identity's Azure roles (az role assignment list --assignee <agent identity object ID> --all -o table): anything beyond the data roles on the project's own resources in ${group} (and its counterparts in the other environments) is a finding to remove.`,
    `Review the inventory quarterly with the administrators' group, ${groupsOf('adminGroupObjectIds', model.answers.adminGroupIds)}; agents built elsewhere in the tenant (other Foundry projects, Copilot Studio) appear in the same list and belong to the same review.`,
  ]);
}

function sec08(model: ViewModel): GuidanceVerdict {
  const { answers } = model;
  const users = groupsOf('userGroupObjectIds', answers.userGroupIds);
  const admins = groupsOf('adminGroupObjectIds', answers.adminGroupIds);
  return manual([
    ...createGroupsStep(model),
    'Keep two cloud-only emergency access (break-glass) accounts with phishing-resistant credentials, excluded from every policy below; alert on any sign-in by them.',
    `Conditional Access, "AI landing zone: MFA for Azure management": users = the groups in ${users} and ${admins}, plus everyone holding a role on the subscription; target resource = Windows Azure Service Management API (Azure portal, CLI, PowerShell, Bicep deployments); grant = require authentication strength Multifactor authentication. Run it in report-only for a week, then turn it on.`,
    `Conditional Access for the administrators, the groups in ${admins}: require authentication strength Phishing-resistant MFA (FIDO2 security key, Windows Hello for Business or certificate-based authentication) and a compliant or Microsoft Entra hybrid joined device; block sign-ins from outside your named locations (trusted countries or your egress IP ranges).`,
    'Risk-based Conditional Access (Microsoft Entra ID P2) for both groups: sign-in risk medium or high requires MFA; user risk high requires a secure password change; block legacy authentication.',
    `Just-in-time administration with PIM for Groups: in Entra ID > ID Governance > Privileged Identity Management > Groups, bring every group of ${admins} under management and make its members Eligible, not Active. Activation: at most 4 hours in production (8 in other environments), MFA and a justification with a ticket number required, and in production approval by a second administrator. The management roles the Bicep gives that group then hold only while a member has activated.`,
    'Owner, User Access Administrator and Contributor on the subscription: eligible only, through PIM for Azure resources, activation at most 2 hours with approval; the deployment pipeline\'s OpenID Connect identity (OPS-01) is the only standing writer.',
    `Quarterly access reviews (ID Governance > Access reviews) of ${users} and ${admins}: reviewers are the group owners, members not approved are removed automatically.`,
    ...when(
      model.jumpbox,
      'Jumpbox sign-in: a Conditional Access policy for the cloud app Azure Windows VM Sign-In (372140e0-b3b7-4226-8ef9-d57986796201) requiring MFA for the groups in jumpboxLoginPrincipalIds; its Entra ID login prompts for it at every session.',
    ),
    ...when(
      model.vpn,
      'VPN sign-in: a Conditional Access policy for the Azure VPN Client app (c632b3df-fb67-4d84-bdcf-b95ad541b5c8, the audience of infra/modules/connectivity/vpn-gateway.bicep) requiring MFA and a compliant device for everyone who connects.',
    ),
  ]);
}

function sec12(model: ViewModel): GuidanceVerdict {
  if (!model.platform.agents) {
    return notApplicable(`${answerText(model, 'agents')}: no Foundry Agent Service here, so no agent runs code; revisit when upgrading with --agents.`);
  }
  const environment = model.firstEnvironment;
  return manual([
    'Let agents run generated code only through the Code Interpreter tool of the Foundry Agent Service, which executes it in a sandbox the service manages; never give an agent a function tool that executes model-written code on the jumpbox, in the agent subnet or on other shared compute.',
    `Where your own tools must run untrusted or model-written code, use Azure Container Apps dynamic sessions, each a Hyper-V sandbox that is destroyed when idle: az containerapp sessionpool create --name <pool> --resource-group ${environment.names.resourceGroup} --location ${model.answers.location} --container-type PythonLTS --max-sessions 20 --cooldown-period 300 --network-status EgressDisabled.`,
    'Give the calling identity (the agent identity or the tool\'s managed identity) only Azure ContainerApps Session Executor on that session pool, nothing wider.',
    `Limit resources: cap --max-sessions per pool, give custom-container pools --cpu and --memory per session (e.g. 0.5 CPU and 1Gi), and set a timeout on every tool call (e.g. 60 seconds) so a stuck execution ends by itself${model.apiManagement ? '; the AI gateway already caps each caller\'s tokens per minute (gatewayTpmLimitPerCaller)' : ''}.`,
    'Treat tool code as production code: keep it in a repository with branch protection and required review, deploy only tagged versions, and point the agents at those versions.',
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Operations

function ops01(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [...at(PULL_REQUEST_WORKFLOW, 'build', 'what-if'), ...at(DEPLOY_WORKFLOW, ...model.environments.map((environment) => `deploy-${environment.name}`))],
    'The workflows need what files cannot hold: the federated credentials in Entra ID for the pipeline\'s identity, the three repository variables for OpenID Connect, and required reviewers on each GitHub environment, set up once by a person.',
  );
}

/** One rule per ID: the Record makes a missing or unknown ID a compile error. */
const RULES: Readonly<Record<GuidanceId, GuidanceRule>> = {
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
  'FDY-01': fdy01,
  'FDY-02': fdy02,
  'FDY-03': fdy03,
  'FDY-04': fdy04,
  'FDY-05': fdy05,
  'FDY-06': fdy06,
  'SEC-01': sec01,
  'SEC-02': sec02,
  'SEC-03': sec03,
  'SEC-04': sec04,
  'SEC-05': sec05,
  'SEC-06': sec06,
  'SEC-07': sec07,
  'SEC-08': sec08,
  'SEC-09': sec09,
  'SEC-10': sec10,
  'SEC-11': sec11,
  'SEC-12': sec12,
  'OPS-01': ops01,
};
