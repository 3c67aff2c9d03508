import { PRIVATE_ENDPOINT_SUBNET } from '../network/address-plan.js';
import { policyRegistersAll } from '../network/private-dns-zones.js';
import { type ArmResource, type ArmTemplate, ownResources, resourcesByModule } from './arm.js';
import { isFlowLogStore } from './control-checks.js';
import { type Finding, type FindingCode, finding } from './findings.js';

/**
 * What each AI and PaaS resource type must be (NET-01, NET-02, NET-03, NET-07, FDY-02, FDY-03, SEC-06,
 * SEC-11): the properties that lock it down, and the private endpoint sub-resources with the keys of
 * the zones each registers in. Read from the compiled template, so an edit that breaks one fails here.
 */
interface Expectation {
  /** The key of its type in the deny-public-access policy's map (main.bicep's policy module, NET-05). */
  readonly policyKey: string;
  /** What is not locked down, without the resource's name. */
  readonly locked: (resource: ArmResource) => Finding[];
  /**
   * Group ID → zone keys of `privateDnsZoneResourceIds`; undefined when the resource has no endpoint of its own.
   * `module` is the top-level deployment that declares it.
   */
  readonly endpoints?: (resource: ArmResource, module: string) => Readonly<Record<string, readonly string[]>>;
}

const must = (resource: ArmResource, property: string, expected: unknown, code: FindingCode, label: string): Finding[] => {
  const actual = property.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], resource.properties);
  return actual === expected ? [] : [finding(code, `${label} (${property} is ${JSON.stringify(actual)})`)];
};

const ACCOUNT_ZONES = ['cognitiveServices', 'openAi', 'aiServices'];
/** The deployment of the agents' storage account (templates/infra/main-parts/agents.bicep.hbs). */
const AGENT_STORAGE = 'agent-storage';

const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'microsoft.cognitiveservices/accounts': {
    policyKey: 'cognitiveServices',
    locked: (account) => must(account, 'disableLocalAuth', true, 'local-auth-enabled', 'keys are not disabled (SEC-06)'),
    // An Azure OpenAI account answers only on its openai.azure.com name.
    endpoints: (account) => ({ account: (account as { kind?: string }).kind === 'OpenAI' ? ['openAi'] : ACCOUNT_ZONES }),
  },
  'microsoft.storage/storageaccounts': {
    policyKey: 'storage',
    locked: (account) => must(account, 'allowSharedKeyAccess', false, 'local-auth-enabled', 'shared keys are allowed (SEC-06)'),
    // The agents' own account holds the Agent Service's files, which are blobs: it has no file share to reach.
    endpoints: (_account, module): Readonly<Record<string, readonly string[]>> =>
      module === AGENT_STORAGE ? { blob: ['blob'] } : { blob: ['blob'], file: ['file'] },
  },
  'microsoft.keyvault/vaults': {
    policyKey: 'keyVault',
    locked: (vault) => must(vault, 'enableRbacAuthorization', true, 'local-auth-enabled', 'the vault is not in RBAC mode (SEC-06)'),
    endpoints: () => ({ vault: ['keyVault'] }),
  },
  'microsoft.search/searchservices': {
    policyKey: 'search',
    locked: (service) => must(service, 'disableLocalAuth', true, 'local-auth-enabled', 'API keys are not disabled (SEC-06)'),
    endpoints: () => ({ searchService: ['search'] }),
  },
  'microsoft.machinelearningservices/workspaces': {
    policyKey: 'machineLearning',
    // A hub's project lives in the hub's network and is reached through the hub's endpoint.
    locked: (workspace) =>
      (workspace as { kind?: string }).kind === 'Project'
        ? []
        : [
            ...must(
              workspace,
              'managedNetwork.isolationMode',
              'AllowOnlyApprovedOutbound',
              'managed-network-open',
              'the managed network does not allow only approved outbound traffic (NET-07, FDY-03)',
            ),
            ...must(
              workspace,
              'provisionNetworkNow',
              true,
              'managed-network-not-provisioned',
              'the managed network is not provisioned at deployment (NET-07, FDY-03)',
            ),
            ...must(workspace, 'systemDatastoresAuthMode', 'identity', 'local-auth-enabled', 'the system datastores use keys (SEC-06)'),
          ],
    endpoints: (workspace): Readonly<Record<string, readonly string[]>> =>
      (workspace as { kind?: string }).kind === 'Project' ? {} : { amlworkspace: ['machineLearningApi', 'machineLearningNotebooks'] },
  },
  'microsoft.containerregistry/registries': {
    policyKey: 'containerRegistry',
    locked: (registry) => must(registry, 'adminUserEnabled', false, 'local-auth-enabled', 'the admin user is enabled (SEC-06)'),
    endpoints: () => ({ registry: ['containerRegistry'] }),
  },
  'microsoft.documentdb/databaseaccounts': {
    policyKey: 'cosmosDb',
    locked: (account) => must(account, 'disableLocalAuth', true, 'local-auth-enabled', 'keys are not disabled (SEC-06)'),
    endpoints: () => ({ Sql: ['cosmosDb'] }),
  },
};

/** What a private AI or PaaS service of this type must be (NET-01), or undefined for any other type. */
export const privateServiceOf = (type: string): Expectation | undefined => EXPECTATIONS[type.toLowerCase()];

/** A private endpoint module of main.bicep: which module's resource it connects to, its group and its zones. */
interface EndpointModule {
  readonly name: string;
  readonly target: string;
  readonly groupId: string;
  readonly zoneKeys?: readonly string[];
  /** The subnet it is placed in, as the expression main.bicep passes. */
  readonly subnet: string;
}

/** An expression's text followed by the values of the variables it names (a subnet that needs no module output is one). */
function withVariables(text: string, template: ArmTemplate): string {
  return text + [...text.matchAll(/variables\('(\w+)'\)/g)].map((match) => JSON.stringify(template.variables?.[match[1]!] ?? null)).join('');
}

function endpointModules(template: ArmTemplate): EndpointModule[] {
  return ownResources(template).flatMap((deployment) => {
    const parameters = deployment.properties?.parameters;
    const link = parameters?.privateLinkServiceResourceId?.value;
    if (deployment.type !== 'Microsoft.Resources/deployments' || typeof link !== 'string') return [];
    // "[reference(resourceId(..., 'Microsoft.Resources/deployments', 'foundry'), ...).outputs.resourceId.value]"
    const target = /'Microsoft\.Resources\/deployments', '([^']+)'/.exec(link)?.[1] ?? link;
    const zones = parameters?.privateDnsZoneResourceIds?.value as string[] | undefined;
    return [
      {
        name: deployment.name,
        target,
        groupId: String(parameters?.groupId?.value),
        subnet: withVariables(JSON.stringify(parameters?.subnetResourceId?.value ?? null), template),
        ...(zones && { zoneKeys: zones.map((zone) => /\.(\w+)\]$/.exec(zone)?.[1] ?? zone) }),
      },
    ];
  });
}

/** The problems of every AI and PaaS resource: not locked down, without its endpoint and zones, or without diagnostics. */
/**
 * `zonesByPolicy`: Azure Policy writes the endpoints' zone groups (--dns-zones-by-policy), so only an endpoint whose zones
 * no built-in definition writes in full, an AI account's, must carry its own.
 */
export function platformFindings(template: ArmTemplate, { zonesByPolicy = false } = {}): Finding[] {
  const endpoints = endpointModules(template);
  return resourcesByModule(template).flatMap(({ module, resource, template: declaring }) => {
    const expectation = privateServiceOf(resource.type);
    if (!expectation) return [];
    // Flow logs cannot write through a private endpoint: flowLogStoreFindings checks what their storage can have.
    if (isFlowLogStore(resource, declaring)) return diagnosticFindings(module, resource, declaring);
    // A module that creates more than one kind takes the kind as a parameter: read the value main.bicep passes.
    const kind = (resource as { kind?: string }).kind;
    const parameter = kind && /^\[parameters\('(\w+)'\)\]$/.exec(kind)?.[1];
    const passed = parameter && ownResources(template).find((candidate) => candidate.name === module)?.properties?.parameters?.[parameter]?.value;
    const resolved = passed ? { ...resource, kind: passed } : resource;
    const label = `${module}: ${resource.type}`;
    const problems = expectation.locked(resolved).map((unlocked) => finding(unlocked.code, `${label}: ${unlocked.message}`, module));
    for (const [groupId, zoneKeys] of Object.entries(expectation.endpoints?.(resolved, module) ?? {})) {
      const endpoint = endpoints.find((candidate) => candidate.target === module && candidate.groupId === groupId);
      if (!endpoint) problems.push(finding('private-endpoint-missing', `${label}: no private endpoint for ${groupId} (NET-02)`, module));
      else if (!new RegExp(`['"]${PRIVATE_ENDPOINT_SUBNET.name}['"]`).test(endpoint.subnet))
        problems.push(
          finding(
            'private-endpoint-misplaced',
            `${label}: the ${groupId} endpoint is not in the dedicated subnet ${PRIVATE_ENDPOINT_SUBNET.name} (NET-02)`,
            module,
          ),
        );
      else if ((!zonesByPolicy || !policyRegistersAll(groupId, zoneKeys)) && JSON.stringify(endpoint.zoneKeys) !== JSON.stringify(zoneKeys)) {
        problems.push(
          finding(
            'private-endpoint-zones-wrong',
            `${label}: the ${groupId} endpoint registers in ${JSON.stringify(endpoint.zoneKeys)}, not ${JSON.stringify(zoneKeys)} (NET-03)`,
            module,
          ),
        );
      }
    }
    return [...problems, ...diagnosticFindings(module, resource, declaring)];
  });
}

/** SEC-11: the template that declares a resource also sends its logs and metrics, all of them, to Log Analytics. */
export function diagnosticFindings(module: string, resource: ArmResource, declaring: ArmTemplate): Finding[] {
  const label = `${module}: ${resource.type}`;
  const typeName = resource.type.split('/').at(-1)!;
  const settings = ownResources(declaring).filter(
    (candidate) =>
      candidate.type === 'Microsoft.Insights/diagnosticSettings' && new RegExp(`/${typeName}['/]`).test(String((candidate as { scope?: string }).scope)),
  );
  if (settings.length === 0) return [finding('diagnostics-missing', `${label}: no diagnostic settings to Log Analytics (SEC-11)`, module)];
  return settings.flatMap((setting) => {
    const {
      workspaceId,
      logs = [],
      metrics = [],
    } = (setting.properties ?? {}) as { workspaceId?: unknown; logs?: { enabled?: unknown }[]; metrics?: { enabled?: unknown }[] };
    return [
      ...(workspaceId === undefined
        ? [finding('diagnostics-without-workspace', `${label}: its diagnostic settings send nothing to Log Analytics (SEC-11)`, module)]
        : []),
      ...([...logs, ...metrics].some((category) => category.enabled !== true)
        ? [finding('diagnostics-partial', `${label}: its diagnostic settings switch categories off (SEC-11)`, module)]
        : []),
    ];
  });
}

// The text of platformFindings, for test/compile/compile.test.ts, which asserts on messages; validate reads the findings.
