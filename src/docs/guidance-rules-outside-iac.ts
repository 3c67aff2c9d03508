import type { ViewModel } from '../model.js';
import { when } from './guidance-evidence.js';
import { answerText, type GuidanceVerdict, manual, notApplicable } from './guidance-verdict.js';

/**
 * Controls outside infrastructure-as-code (Doc): what a person does, for exactly these answers. These are
 * security rules (SEC-07, SEC-08, SEC-12); SECURITY_RULES in guidance-rules-security.ts lists them.
 */

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
  return [
    `First create the missing Microsoft Entra security groups and put their object IDs in ${missing.join(' and ')} of every infra/params/<environment>.bicepparam: they are empty, and the steps below are scoped to them.`,
  ];
}

export function sec07(model: ViewModel): GuidanceVerdict {
  if (!model.platform.agents) {
    return notApplicable(
      `${answerText(model, 'agents')}: no Foundry Agent Service here, so this landing zone creates no agent identities; revisit when upgrading with --agents.`,
    );
  }
  const group = model.firstEnvironment.names.resourceGroup;
  return manual([
    "In the Microsoft Entra admin center, open Entra ID > Agents > Agent identities and find the agents of the Foundry project of each environment (deployment output foundryProjectName): agents created with the current Foundry agent model each get an agent identity of their own and a blueprint; agents of the older model act as the project's shared identity, so inventory that one too.",
    "Export the inventory on a schedule (monthly at least) with Microsoft Entra PowerShell (Get-EntraAgentIdentity) or the Microsoft Graph agentIdentity API, into a record that lists per agent: project and environment, model deployment, tools and connections (threads in Cosmos DB, files in the agents' storage account, vector stores in AI Search), owner and sponsor.",
    'Give every agent identity an accountable sponsor: a named person, or a dynamic-membership or Microsoft 365 group (role-assignable groups cannot be sponsors). An agent without a reachable sponsor gets disabled, not deleted: disable the agent in Foundry and the agent identity in Entra ID.',
    `Check each agent identity's Azure roles (az role assignment list --assignee <agent identity object ID> --all -o table): anything beyond the data roles on the project's own resources in ${group} (and its counterparts in the other environments) is a finding to remove.`,
    `Review the inventory quarterly with the administrators' group, ${groupsOf('adminGroupObjectIds', model.answers.adminGroupIds)}; agents built elsewhere in the tenant (other Foundry projects, Copilot Studio) appear in the same list and belong to the same review.`,
  ]);
}

export function sec08(model: ViewModel): GuidanceVerdict {
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
    "Owner, User Access Administrator and Contributor on the subscription: eligible only, through PIM for Azure resources, activation at most 2 hours with approval; the deployment pipeline's OpenID Connect identity (OPS-01) is the only standing writer.",
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

export function sec12(model: ViewModel): GuidanceVerdict {
  if (!model.platform.agents) {
    return notApplicable(`${answerText(model, 'agents')}: no Foundry Agent Service here, so no agent runs code; revisit when upgrading with --agents.`);
  }
  const environment = model.firstEnvironment;
  return manual([
    'Let agents run generated code only through the Code Interpreter tool of the Foundry Agent Service, which executes it in a sandbox the service manages; never give an agent a function tool that executes model-written code on the jumpbox, in the agent subnet or on other shared compute.',
    `Where your own tools must run untrusted or model-written code, use Azure Container Apps dynamic sessions, each a Hyper-V sandbox that is destroyed when idle: az containerapp sessionpool create --name <pool> --resource-group ${environment.names.resourceGroup} --location ${model.answers.location} --container-type PythonLTS --max-sessions 20 --cooldown-period 300 --network-status EgressDisabled.`,
    "Give the calling identity (the agent identity or the tool's managed identity) only Azure ContainerApps Session Executor on that session pool, nothing wider.",
    `Limit resources: cap --max-sessions per pool, give custom-container pools --cpu and --memory per session (e.g. 0.5 CPU and 1Gi), and set a timeout on every tool call (e.g. 60 seconds) so a stuck execution ends by itself${model.apiManagement ? "; the AI gateway already caps each caller's tokens per minute (gatewayTpmLimitPerCaller)" : ''}.`,
    'Treat tool code as production code: keep it in a repository with branch protection and required review, deploy only tagged versions, and point the agents at those versions.',
  ]);
}
