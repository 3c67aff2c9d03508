import {
  type ArmResource,
  type ArmTemplate,
  allResources,
  deploymentsDeclaring,
  everyResourceByModule,
  ownResources,
  resolveVariables,
  resourcesByModule,
} from './arm.js';
import { vnetSubnets } from './network-checks.js';
import { type Finding, finding } from './findings.js';
import { diagnosticFindings, privateServiceOf } from './platform.js';

/**
 * The checks that are neither a network door nor a private service's own lock-down, read from the compiled
 * template and the parameters of each environment: Azure Policy (NET-05), Defender for AI (SEC-02), content
 * filters (SEC-03), role assignments (SEC-09), managed identities (SEC-10), diagnostics beyond the services
 * (SEC-11), the firewall's allow-list (NET-07), DNS (NET-04) and Foundry's hub and account (FDY-02..FDY-06).
 * Each returns its findings: what is wrong, or nothing.
 */

type EnvironmentParameters = Readonly<Record<string, Readonly<Record<string, { readonly value?: unknown }>>>>;

const DENY_POLICY = 'policy-deny-public-network-access';
const ZONE_GROUP_POLICY = 'policy-private-dns-zone-groups';

/** `[parameters('x')]` → the value every environment gives x, by environment; a literal applies to all. */
function valuesByEnvironment(value: unknown, environments: EnvironmentParameters): [string, unknown][] {
  const parameter = typeof value === 'string' ? /^\[parameters\('(\w+)'\)\]$/.exec(value)?.[1] : undefined;
  return Object.entries(environments).map(([environment, parameters]) => [environment, parameter ? parameters[parameter]?.value : value]);
}

/**
 * NET-05: the deny policy covers every AI and PaaS type the template deploys and denies (Audit only reports)
 * in every environment; with zone-group policies, they deploy or audit, never switched off.
 */
export function policyFindings(template: ArmTemplate, environments: EnvironmentParameters, { zoneGroupPolicies }: { zoneGroupPolicies: boolean }): Finding[] {
  const problems: Finding[] = [];
  const deployment = (name: string) => ownResources(template).find((resource) => resource.name === name);
  const deny = deployment(DENY_POLICY);
  if (!deny) return [finding('deny-policy-missing', `${DENY_POLICY}: no policy denies public network access`, DENY_POLICY)];
  const guarded = new Set((deny.properties?.parameters?.resourceTypes?.value ?? []) as string[]);
  const deployed = new Set(allResources(template).flatMap((resource) => privateServiceOf(resource.type)?.policyKey ?? []));
  for (const key of [...deployed].filter((candidate) => !guarded.has(candidate)).sort())
    problems.push(finding('deny-policy-gap', `${DENY_POLICY}: ${key} is deployed but not covered by the policy`, DENY_POLICY));
  problems.push(...uncoveredGroupFindings(template, deny));
  for (const [environment, effect] of valuesByEnvironment(deny.properties?.parameters?.effect?.value, environments)) {
    if (effect !== 'Deny')
      problems.push(finding('deny-policy-not-denying', `${DENY_POLICY}: the effect is ${JSON.stringify(effect)} in ${environment}, not Deny`, DENY_POLICY));
  }
  if (!zoneGroupPolicies) return problems;
  const zoneGroups = deployment(ZONE_GROUP_POLICY);
  if (!zoneGroups)
    return [...problems, finding('zone-group-policy-missing', `${ZONE_GROUP_POLICY}: no policy deploys the private DNS zone groups`, ZONE_GROUP_POLICY)];
  for (const [environment, effect] of valuesByEnvironment(zoneGroups.properties?.parameters?.effect?.value, environments)) {
    if (effect !== 'DeployIfNotExists' && effect !== 'AuditIfNotExists') {
      problems.push(
        finding(
          'zone-group-policy-off',
          `${ZONE_GROUP_POLICY}: the effect is ${JSON.stringify(effect)} in ${environment}, neither DeployIfNotExists nor AuditIfNotExists`,
          ZONE_GROUP_POLICY,
        ),
      );
    }
  }
  return problems;
}

const groupOf = (resource: ArmResource) => (resource as { resourceGroup?: unknown }).resourceGroup;

/**
 * NET-05: the deny policy is assigned to each resource group it must guard: every group the template creates,
 * but one that only the network is deployed into (the hub's, which holds no AI or PaaS service). A group that
 * receives an AI or PaaS service, or nothing yet (a person made it for something to come), is guarded.
 */
function uncoveredGroupFindings(template: ArmTemplate, deny: ArmResource): Finding[] {
  const covered = new Set(
    allResources(template)
      .filter((resource) => resource.type === 'Microsoft.Resources/deployments' && resource.name === deny.name)
      .map(groupOf),
  );
  const deployments = allResources(template).filter((resource) => resource.type === 'Microsoft.Resources/deployments');
  return allResources(template)
    .filter((resource) => resource.type === 'Microsoft.Resources/resourceGroups' && !covered.has(resource.name))
    .filter((group) => {
      const into = deployments.filter((deployment) => groupOf(deployment) === group.name);
      return into.length === 0 || into.some((deployment) => allResources(deployment.properties?.template ?? {}).some((inner) => privateServiceOf(inner.type)));
    })
    .map((group) =>
      finding(
        'deny-policy-scope-gap',
        `${DENY_POLICY}: the resource group ${group.name} is not covered (the policy is assigned to ${[...covered].map(String).join(', ')} only)`,
        DENY_POLICY,
      ),
    );
}

/** SEC-02: the subscription's Defender for AI plan is Standard, and deployed in every environment. */
export function defenderFindings(template: ArmTemplate, environments: EnvironmentParameters): Finding[] {
  const plans = ownResources(template).filter((resource) => resource.type === 'Microsoft.Security/pricings' && resource.name === 'AI');
  if (plans.length !== 1 || plans[0]!.properties?.pricingTier !== 'Standard')
    return [finding('defender-not-standard', 'Microsoft.Security/pricings AI: Defender for AI is not on the Standard tier')];
  const condition = (plans[0] as { condition?: unknown }).condition;
  return valuesByEnvironment(condition ?? true, environments)
    .filter(([, deployed]) => deployed !== true)
    .map(([environment]) =>
      finding(
        'defender-not-deployed',
        `Microsoft.Security/pricings AI: Defender for AI is not deployed in ${environment} (its condition ${String(condition)} is false there)`,
      ),
    );
}

/**
 * SEC-03: there are model deployments, each names a content filter (raiPolicy) that the same module declares,
 * and every such filter blocks jailbreaks and indirect attacks on prompts.
 */
export function contentFilterFindings(template: ArmTemplate): Finding[] {
  const problems: Finding[] = [];
  const deployments = resourcesByModule(template).filter((entry) => entry.resource.type === 'Microsoft.CognitiveServices/accounts/deployments');
  // Only called where models are chosen: none at all means the deployments were removed, not filtered.
  if (deployments.length === 0)
    return [finding('model-deployments-missing', 'model-deployments: no model deployment, though the answers ask for models', 'model-deployments')];
  for (const { module, resource, template: declaring } of deployments) {
    const policyName = resource.properties?.raiPolicyName;
    const policy = ownResources(declaring).find(
      (candidate) => candidate.type === 'Microsoft.CognitiveServices/accounts/raiPolicies' && String(candidate.name).includes(String(policyName)),
    );
    if (typeof policyName !== 'string' || !policy) {
      problems.push(
        finding(
          'content-filter-missing',
          `${module}: Microsoft.CognitiveServices/accounts/deployments ${resource.name} has no content filter of its own (raiPolicyName is ${JSON.stringify(policyName)})`,
          module,
        ),
      );
      continue;
    }
    const filters = expandFilters(policy, declaring);
    for (const shield of ['Jailbreak', 'Indirect Attack']) {
      if (!filters.some((filter) => filter.name === shield && filter.enabled === true && filter.blocking === true && filter.source === 'Prompt')) {
        problems.push(
          finding('prompt-shield-off', `${module}: Microsoft.CognitiveServices/accounts/raiPolicies ${policyName} does not block ${shield} on prompts`, module),
        );
      }
    }
  }
  return problems;
}

/** The filter objects of a content filter policy: its list, or the module variables it is computed from. */
function expandFilters(policy: ArmResource, declaring: ArmTemplate): Record<string, unknown>[] {
  const filters = policy.properties?.contentFilters;
  const referenced = [...String(filters).matchAll(/variables\('(\w+)'\)/g)].map((match) => declaring.variables?.[match[1]!]);
  return [filters, ...referenced].flatMap((list) =>
    Array.isArray(list) ? list.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [],
  );
}

/** Owner, Contributor, User Access Administrator and Role Based Access Control Administrator: roles no workload needs. */
const BROAD_ROLES: Readonly<Record<string, string>> = {
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9': 'User Access Administrator',
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168': 'Role Based Access Control Administrator',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SEC-09: no broad role anywhere (template or parameters); every role assignment goes to a principal the
 * parameters name (groups) or a managed identity the deployment creates, never to a principal ID written in,
 * and says which kind of principal it is.
 */
export function roleFindings(template: ArmTemplate, environments: EnvironmentParameters): Finding[] {
  const problems: Finding[] = [];
  const text = JSON.stringify(template).toLowerCase();
  for (const [id, role] of Object.entries(BROAD_ROLES)) {
    if (text.includes(id)) problems.push(finding('broad-role-assigned', `the template assigns ${role} (${id})`));
    for (const [environment, parameters] of Object.entries(environments)) {
      if (JSON.stringify(parameters).toLowerCase().includes(id))
        problems.push(finding('broad-role-assigned', `the parameters of ${environment} assign ${role} (${id})`));
    }
  }
  problems.push(...wildcardRoleFindings(template));
  // Wherever it is declared: in a module, or in main.bicep itself at subscription scope.
  for (const { module, resource } of everyResourceByModule(template).filter((entry) => entry.resource.type === 'Microsoft.Authorization/roleAssignments')) {
    const principal = resource.properties?.principalId;
    // Without principalType, Azure looks the principal up in Entra ID, which fails for an identity created moments
    // before (replication delay): https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#new-service-principal
    if (resource.properties?.principalType === undefined) {
      problems.push(
        finding('role-without-principal-type', `${module ?? 'main.bicep'}: a Microsoft.Authorization/roleAssignments sets no principalType`, module),
      );
    }
    if (typeof principal === 'string' && GUID.test(principal)) {
      problems.push(
        finding(
          'role-to-fixed-principal',
          `${module ?? 'main.bicep'}: Microsoft.Authorization/roleAssignments gives a role to a principal written into the template (${principal})`,
          module,
        ),
      );
    }
  }
  return problems;
}

/** The bare name expression of a resource (`[guid(…)]` → `guid(…)`), as other expressions refer to it. */
const nameExpression = (name: string) => name.replace(/^\[(.*)\]$/, '$1');

/**
 * SEC-09: a custom role that grants every action or data action (`*`) is Owner under another name; flagged
 * whether or not an assignment of it is found (an assignment in another module refers to it by parameter).
 */
function wildcardRoleFindings(template: ArmTemplate): Finding[] {
  const everything = everyResourceByModule(template);
  const assignments = everything.filter(({ resource }) => resource.type === 'Microsoft.Authorization/roleAssignments');
  return everything
    .filter(({ resource }) => resource.type === 'Microsoft.Authorization/roleDefinitions')
    .filter(({ resource, template: declaring }) => {
      const permissions = resolveVariables(resource.properties?.permissions, declaring);
      return (Array.isArray(permissions) ? permissions : []).some((permission: { actions?: unknown; dataActions?: unknown }) =>
        [permission.actions, permission.dataActions].some((list) => Array.isArray(list) && list.includes('*')),
      );
    })
    .map(({ module, resource }) => {
      const assigned = assignments.filter((entry) => String(entry.resource.properties?.roleDefinitionId).includes(nameExpression(resource.name)));
      const by = assigned.map((entry) => entry.module ?? 'main.bicep');
      const roleName = resource.properties?.roleName;
      const label = `${module ? `${module}: ` : ''}Microsoft.Authorization/roleDefinitions ${typeof roleName === 'string' ? roleName : resource.name}`;
      return finding('custom-role-wildcard', `${label} grants every action (*)${by.length > 0 ? `, and ${by.join(', ')} assigns it` : ''}`, module);
    });
}

/** Beyond the AI and PaaS services (platform.ts), the resources whose logs SEC-11 asks for. */
const MONITORED = [
  'microsoft.network/azurefirewalls',
  'microsoft.network/bastionhosts',
  'microsoft.network/virtualnetworkgateways',
  'microsoft.network/applicationgateways',
  'microsoft.network/virtualnetworks',
  'microsoft.network/networksecuritygroups',
  'microsoft.apimanagement/service',
  'microsoft.cdn/profiles',
  'microsoft.compute/virtualmachines',
];

/** SEC-11 for the network, the doors and the gateway: each sends its diagnostics to Log Analytics. */
export function monitoringFindings(template: ArmTemplate): Finding[] {
  return resourcesByModule(template)
    .filter(({ resource }) => MONITORED.includes(resource.type.toLowerCase()))
    .flatMap(({ module, resource, template: declaring }) => diagnosticFindings(module, resource, declaring));
}

/**
 * NET-07: the firewall's allow-list names destinations; an entry of `*` (in a rule or in an environment's
 * firewallAllowedFqdns) turns it into allow-all.
 */
export function allowListFindings(template: ArmTemplate, environments: EnvironmentParameters): Finding[] {
  const problems: Finding[] = [];
  for (const group of allResources(template).filter((resource) => resource.type === 'Microsoft.Network/firewallPolicies/ruleCollectionGroups')) {
    if (/"(targetFqdns|destinationAddresses|destinationFqdns)":\[[^\]]*"\*"/.test(JSON.stringify(group.properties ?? {}))) {
      problems.push(
        finding(
          'allow-list-allows-all',
          `firewall: Microsoft.Network/firewallPolicies/ruleCollectionGroups ${group.name} allows every destination (*)`,
          'firewall',
        ),
      );
    }
  }
  for (const [environment, parameters] of Object.entries(environments)) {
    const allowed = parameters.firewallAllowedFqdns?.value;
    if (Array.isArray(allowed) && allowed.includes('*'))
      problems.push(finding('allow-list-allows-all', `firewall: firewallAllowedFqdns allows every destination (*) in ${environment}`, 'firewall'));
  }
  return problems;
}

/** The services that call other services, and so must do it with a managed identity (SEC-10). */
const CALLERS = [
  'microsoft.cognitiveservices/accounts',
  'microsoft.search/searchservices',
  'microsoft.machinelearningservices/workspaces',
  'microsoft.apimanagement/service',
  'microsoft.network/applicationgateways',
  'microsoft.cdn/profiles',
];

/** SEC-10: every service that calls another has a managed identity. */
export function identityFindings(template: ArmTemplate): Finding[] {
  return resourcesByModule(template)
    .filter(({ resource }) => CALLERS.includes(resource.type.toLowerCase()))
    .filter(({ resource }) => !/Assigned/.test(String((resource as { identity?: { type?: unknown } }).identity?.type)))
    .map(({ module, resource }) => finding('managed-identity-missing', `${module}: ${resource.type} has no managed identity`, module));
}

/** FDY-02..FDY-04: what the hub's checks mean nothing without: its module deployment. */
export function missingHubFindings(template: ArmTemplate): Finding[] {
  return ownResources(template).some((resource) => resource.name === 'foundry-hub')
    ? []
    : [finding('foundry-hub-missing', 'foundry-hub: no Foundry hub deployment', 'foundry-hub')];
}

/**
 * FDY-04: the hub's managed network reaches the customer's own AI Services account (and AI Search, when
 * deployed) through private endpoint outbound rules.
 */
export function hubOutboundRuleFindings(template: ArmTemplate, { search }: { search: boolean }): Finding[] {
  const hub = ownResources(template).find((resource) => resource.name === 'foundry-hub');
  if (!hub) return missingHubFindings(template);
  const rules = JSON.stringify(hub.properties?.parameters?.privateEndpointOutboundRules?.value ?? []);
  const inner = JSON.stringify(hub.properties?.template ?? {});
  const problems: Finding[] = [];
  if (!inner.includes("'type', 'PrivateEndpoint'"))
    problems.push(
      finding('hub-outbound-rules-missing', 'foundry-hub: Microsoft.MachineLearningServices/workspaces has no private endpoint outbound rules', 'foundry-hub'),
    );
  for (const [target, label] of [['ai-services', 'the AI Services account'], ...(search ? [['search', 'AI Search']] : [])] as const) {
    if (!rules.includes(`'Microsoft.Resources/deployments', '${target}')`)) {
      problems.push(
        finding(
          'hub-outbound-rules-missing',
          `foundry-hub: Microsoft.MachineLearningServices/workspaces has no private endpoint outbound rule to ${label}`,
          'foundry-hub',
        ),
      );
    }
  }
  return problems;
}

/**
 * FDY-06: the Foundry account lets projects be managed and has a project; with agents, it is injected into
 * the agent subnet, which is delegated to Microsoft.App/environments.
 */
export function foundryAccountFindings(template: ArmTemplate, { agents }: { agents: boolean }): Finding[] {
  const entries = resourcesByModule(template).filter(({ module }) => module === 'foundry');
  const account = entries.find(({ resource }) => resource.type === 'Microsoft.CognitiveServices/accounts')?.resource;
  if (!account) return [finding('foundry-account-missing', 'foundry: no Foundry (AI Services) account', 'foundry')];
  const problems: Finding[] = [];
  if (account.properties?.allowProjectManagement !== true)
    problems.push(finding('project-management-off', 'foundry: Microsoft.CognitiveServices/accounts does not allow project management', 'foundry'));
  if (!entries.some(({ resource }) => resource.type === 'Microsoft.CognitiveServices/accounts/projects'))
    problems.push(finding('foundry-project-missing', 'foundry: Microsoft.CognitiveServices/accounts has no project', 'foundry'));
  if (!agents) return problems;
  const injections = JSON.stringify(account.properties?.networkInjections ?? null);
  if (!injections.includes('"scenario":"agent"') || !injections.includes('subnetArmId'))
    problems.push(finding('agent-injection-missing', 'foundry: Microsoft.CognitiveServices/accounts is not injected into the agent subnet', 'foundry'));
  const subnets = vnetSubnets(template).get('virtual-network');
  const agentSubnet = Array.isArray(subnets) ? subnets.find((subnet) => subnet.name === 'snet-agents') : undefined;
  if ((agentSubnet as { delegation?: unknown } | undefined)?.delegation !== 'Microsoft.App/environments') {
    problems.push(
      finding('agent-subnet-not-delegated', 'virtual-network: the agent subnet snet-agents is not delegated to Microsoft.App/environments', 'virtual-network'),
    );
  }
  return problems;
}

/**
 * NET-04: the DNS Private Resolver has an inbound endpoint; in hub-spoke the zones and the resolver live in
 * the hub's resource group; with an existing hub, the spoke resolves through the hub's DNS servers.
 */
export function dnsFindings(
  template: ArmTemplate,
  { hubSpoke, existingHub, resolver }: { hubSpoke: boolean; existingHub: boolean; resolver: boolean },
): Finding[] {
  const problems: Finding[] = [];
  if (resolver && deploymentsDeclaring(template, 'Microsoft.Network/dnsResolvers/inboundEndpoints').length === 0) {
    problems.push(finding('dns-resolver-missing', 'dns-resolver: no DNS Private Resolver with an inbound endpoint', 'dns-resolver'));
  }
  if (hubSpoke) {
    for (const type of ['Microsoft.Network/privateDnsZones', 'Microsoft.Network/dnsResolvers']) {
      for (const deployment of deploymentsDeclaring(template, type)) {
        if (!String((deployment as { resourceGroup?: unknown }).resourceGroup).includes('hubResourceGroup')) {
          problems.push(finding('dns-outside-hub', `${deployment.name}: ${type} is not in the hub's resource group`, deployment.name));
        }
      }
    }
  }
  if (existingHub) {
    const workload = ownResources(template).find((resource) => resource.name === 'virtual-network');
    if (!JSON.stringify(workload?.properties?.parameters?.dnsServers ?? {}).includes("parameters('hubDnsServers')")) {
      problems.push(
        finding('spoke-dns-bypasses-hub', "virtual-network: the spoke does not resolve through the hub's DNS servers (hubDnsServers)", 'virtual-network'),
      );
    }
  }
  return problems;
}
