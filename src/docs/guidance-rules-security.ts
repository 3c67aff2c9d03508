import { MODELS } from '../ai/models.js';
import type { ViewModel } from '../model.js';
import { at, inMain, MAIN, PULL_REQUEST_WORKFLOW, when } from './guidance-evidence.js';
import { privateServicesOf, servicesEvidence } from './guidance-private-services.js';
import { sec07, sec08, sec12 } from './guidance-rules-outside-iac.js';
import { answerText, type AreaRules, type GuidanceVerdict, manual, notApplicable, notes, satisfied } from './guidance-verdict.js';
import { proseList } from '../prose.js';
import { FILES } from './module-files.js';

/**
 * The guidance rules of security (SEC-xx) that the generated repository carries out, and SEC-04's steps
 * for open-source models; the controls that only a person can put in place (SEC-07, SEC-08, SEC-12) are
 * in guidance-rules-outside-iac.ts.
 */

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
      model.platform.account
        ? `A model deployment someone adds to the ${model.platform.accountLabel} later must name a content filter (raiPolicyName) of its own.`
        : undefined,
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
  const workspaces = [platform.foundryHub && "the hub's projects", platform.machineLearning && 'the Machine Learning workspace'].filter(Boolean).join(' and ');
  return [
    `Keep a register of approved models (publisher, name, version, deployment type, source, licence) owned by a named model-risk owner. ${
      platform.modelHost
        ? "modelDeployments in infra/params/<environment>.bicepparam is this landing zone's part of it: protect infra/params/ with CODEOWNERS so that only a pull request the owner approves changes it."
        : 'This landing zone deploys no model; every model anyone adds later must be on the register first.'
    }`,
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
  if (!model.apiManagement)
    return notApplicable(`${answerText(model, 'gateway')}: no AI gateway; callers authenticate to the model endpoints with Entra ID directly (SEC-06).`);
  return satisfied(
    [
      ...inMain('apiManagement', 'apiManagementModelAccess'),
      ...at(FILES.apiManagement, 'apim', 'apiPolicy'),
      ...at(FILES.accountRoleAssignment, 'roleAssignment'),
    ],
    "The gateway's app registration (Application ID URI gatewayAudience, app role gatewayCallerRole) and the role's assignments to callers are made by hand in Entra ID (README).",
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
    // The agents' project identity holds its storage roles on the agents' own account, not the workload's.
    ...when(platform.agents, 'foundryAgents', 'agentStorage'),
    ...when(model.edgeGateway, 'applicationGatewayCertificateAccess'),
    ...when(model.jumpbox, 'jumpbox', 'bastion'),
  ];
  const nobody = answers.userGroupIds.length === 0 && answers.adminGroupIds.length === 0;
  const notes = [
    ...when(
      nobody,
      'userGroupIds and adminGroupIds are empty: the group role assignments exist in the templates but assign nobody until userGroupObjectIds and adminGroupObjectIds in infra/params list your groups.',
    ),
    ...when(
      model.certificateVaultAccessPolicies,
      "The certificate's Key Vault uses access policies, which cannot name one secret: the Application Gateway's identity may read every secret in it. Keep the certificate in a vault of its own, or move the vault to Azure RBAC and answer rbac.",
    ),
  ];
  return satisfied(inMain(...groupModules, ...identityAccess), notes.length > 0 ? notes.join(' ') : undefined);
}

function sec10(model: ViewModel): GuidanceVerdict {
  const { platform } = model;
  const calls = [
    ...when(model.apiManagement, ...inMain('apiManagementModelAccess'), ...at(FILES.apiManagement, 'apim')),
    ...when(
      platform.search,
      ...inMain('searchStorageAccess', ...when(platform.account !== undefined, 'searchModelAccess')),
      ...at(FILES.search, 'searchService'),
    ),
    ...when(
      platform.agents,
      ...inMain('foundryAgents'),
      ...at(FILES.foundryAgents, 'cosmosDbOperator', 'storageBlobDataContributor', 'searchIndexDataContributor'),
    ),
    ...when(platform.foundryHub, ...at(FILES.foundryHub, 'aiServicesConnection', 'projectAiServicesUser', 'projectStorageAccess')),
    ...when(platform.machineLearning, ...at(FILES.machineLearning, 'workspace')),
    ...when(
      model.edgeGateway,
      ...inMain('applicationGatewayIdentity', 'applicationGatewayCertificateAccess'),
      ...(model.certificateVaultAccessPolicies ? at(FILES.keyVaultSecretAccessPolicy, 'accessPolicy') : at(FILES.keyVaultSecretAccess, 'roleAssignment')),
    ),
  ];
  // Without any call between services, the identities the accounts carry are all there is to show.
  const identities = [
    ...when(platform.foundryProject, ...at(FILES.foundryAccount, 'account', 'project')),
    ...when(platform.aiServicesAccount || platform.openAiAccount, ...at(FILES.aiServicesAccount, 'account')),
  ];
  return satisfied(
    [...calls, ...identities],
    calls.length === 0
      ? 'No service calls another in this configuration; the AI accounts carry system-assigned identities for the calls added later.'
      : undefined,
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
  const list = proseList(silent);
  return `${list.charAt(0).toUpperCase()}${list.slice(1)} publish${silent.length === 1 ? 'es' : ''} no logs or metrics, so ${silent.length === 1 ? 'it has' : 'they have'} no diagnostic setting.`;
}

function sec11(model: ViewModel): GuidanceVerdict {
  return satisfied(
    [
      ...inMain('logAnalytics'),
      ...at(MAIN, 'logAnalyticsWorkspaceResourceId'),
      ...DIAGNOSTICS.filter((entry) => entry.applies(model)).map(({ file, resource }) => ({ file, resource })),
      // Every flow through the VNets, and what happens on the jumpbox, which no diagnostic setting carries.
      ...inMain('flowLogs'),
      ...at(FILES.flowLogs, 'flowLogs'),
      ...when(model.jumpbox, ...inMain('jumpboxMonitorAgent'), ...at(FILES.jumpboxMonitorAgent, 'monitorAgent', 'dataCollectionRule')),
    ],
    notes(silentResources(model), 'Private endpoints and private DNS zones get no diagnostic setting here; their platform metrics stay in Azure Monitor.'),
  );
}

export const SECURITY_RULES: AreaRules<'SEC'> = {
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
};
