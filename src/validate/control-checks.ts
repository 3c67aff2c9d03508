import { type ArmResource, type ArmTemplate, ownResources, resourcesByModule, resourcesOf } from './arm.js';
import { type Finding, finding } from './findings.js';
import { vnetSubnets } from './network-checks.js';

/**
 * The controls that keep what one part of the landing zone may do or say from spreading beyond it: the agents' own
 * storage account (SEC-09), the Azure Monitor Private Link Scope (NET-01, NET-02), the AI account's outbound
 * allow-list and the way out of the subnets whose services cannot deploy without one (NET-07). Read from the compiled
 * template; each returns what is wrong, or nothing.
 */

/** The value main.bicep passes a module deployment's parameter, as its ARM expression. */
const passed = (template: ArmTemplate, deployment: string, parameter: string): unknown =>
  ownResources(template).find((resource) => resource.name === deployment)?.properties?.parameters?.[parameter]?.value;

/**
 * SEC-09: the Agent Service keeps its files in a storage account of its own. Its project identity becomes Storage
 * Blob Data Contributor of the whole account it is given, so that account must not be the workload's, where people's
 * documents and AI Search's sources are.
 */
export function agentStorageFindings(template: ArmTemplate): Finding[] {
  const agentStorage = passed(template, 'foundry-agents', 'storageAccountName');
  if (agentStorage === undefined) return [];
  if (agentStorage !== passed(template, 'storage', 'name')) return [];
  return [
    finding(
      'agent-storage-shared',
      "foundry-agents: the Agent Service keeps its files in the workload's storage account, where its project identity holds Storage Blob Data Contributor on every container",
      'foundry-agents',
    ),
  ];
}

const MONITOR_SCOPE = 'monitor-private-link-scope';
const LOG_ANALYTICS = 'log-analytics';

/** A property of a module's resource, with `[parameters('x')]` replaced by the value main.bicep passes for x. */
function resolved(template: ArmTemplate, module: string, resource: ArmResource, property: string): unknown {
  const value = resource.properties?.[property];
  const parameter = typeof value === 'string' ? /^\[parameters\('(\w+)'\)\]$/.exec(value)?.[1] : undefined;
  return parameter === undefined ? value : passed(template, module, parameter);
}

/**
 * NET-01, NET-02: Log Analytics is linked to an Azure Monitor Private Link Scope that admits only its own resources
 * (PrivateOnly ingestion and queries), the scope has its private endpoint, and the workspace takes logs from no public
 * network; with `privateQueries` (people have a way in), it answers no public query either.
 */
export function monitorPrivateLinkFindings(template: ArmTemplate, { privateQueries }: { privateQueries: boolean }): Finding[] {
  const entries = resourcesByModule(template);
  const problems: Finding[] = [];
  const scopes = entries.filter(({ resource }) => resource.type === 'Microsoft.Insights/privateLinkScopes');
  if (scopes.length === 0) problems.push(finding('monitor-private-link-missing', `${MONITOR_SCOPE}: no Azure Monitor Private Link Scope`, MONITOR_SCOPE));
  for (const { module, resource } of scopes) {
    const modes = resource.properties?.accessModeSettings as { ingestionAccessMode?: unknown; queryAccessMode?: unknown } | undefined;
    if (modes?.ingestionAccessMode !== 'PrivateOnly' || modes.queryAccessMode !== 'PrivateOnly')
      problems.push(
        finding(
          'monitor-scope-open',
          `${module}: Microsoft.Insights/privateLinkScopes does not limit ingestion and queries to its own resources (PrivateOnly)`,
          module,
        ),
      );
  }
  const linked = JSON.stringify(passed(template, MONITOR_SCOPE, 'scopedResourceIds') ?? null);
  const links = entries.some(({ module, resource }) => module === MONITOR_SCOPE && resource.type === 'Microsoft.Insights/privateLinkScopes/scopedResources');
  if (scopes.length > 0 && (!links || !linked.includes(`'${LOG_ANALYTICS}')`)))
    problems.push(
      finding('monitor-private-link-missing', `${MONITOR_SCOPE}: the Log Analytics workspace is not linked to the private link scope`, MONITOR_SCOPE),
    );
  const endpoint = ownResources(template).some((deployment) => {
    const parameters = deployment.properties?.parameters;
    return parameters?.groupId?.value === 'azuremonitor' && String(parameters.privateLinkServiceResourceId?.value).includes(`'${MONITOR_SCOPE}')`);
  });
  if (scopes.length > 0 && !endpoint)
    problems.push(finding('monitor-private-link-missing', `${MONITOR_SCOPE}: no private endpoint for azuremonitor`, MONITOR_SCOPE));
  const workspaces = entries.filter(({ module, resource }) => module === LOG_ANALYTICS && resource.type === 'Microsoft.OperationalInsights/workspaces');
  for (const { module, resource } of workspaces) {
    const checks = [['publicNetworkAccessForIngestion', 'logs'], ...(privateQueries ? [['publicNetworkAccessForQuery', 'queries']] : [])] as const;
    for (const [property, what] of checks) {
      const access = resolved(template, module, resource, property);
      if (access !== 'Disabled')
        problems.push(
          finding(
            'workspace-public-access',
            `${module}: Microsoft.OperationalInsights/workspaces accepts ${what} from public networks (${property} is ${JSON.stringify(access)})`,
            module,
          ),
        );
    }
  }
  return problems;
}

/** The deployment of project-based Foundry's account (templates/infra/main-parts/foundry.bicep.hbs). */
const FOUNDRY_ACCOUNT = 'foundry';

/**
 * NET-07: every Cognitive Services account calls out only to the hosts of its allow-list (data loss prevention,
 * https://learn.microsoft.com/azure/ai-services/cognitive-services-data-loss-prevention). With `agents`, the Foundry
 * account is exempt: its agents' tools call hosts chosen when an agent is built, which no list written now can name.
 */
export function accountOutboundFindings(template: ArmTemplate, { agents }: { agents: boolean }): Finding[] {
  return resourcesByModule(template)
    .filter(({ module, resource }) => resource.type === 'Microsoft.CognitiveServices/accounts' && !(agents && module === FOUNDRY_ACCOUNT))
    .flatMap(({ module, resource }) => {
      const restricted = resolved(template, module, resource, 'restrictOutboundNetworkAccess') === true;
      const hosts = resolved(template, module, resource, 'allowedFqdnList');
      if (restricted && (typeof hosts === 'string' || (Array.isArray(hosts) && hosts.length > 0))) return [];
      return [
        finding(
          'account-outbound-open',
          `${module}: Microsoft.CognitiveServices/accounts may call any host (restrictOutboundNetworkAccess is not true with an allowedFqdnList)`,
          module,
        ),
      ];
    });
}

const FLOW_LOG_TYPE = 'Microsoft.Network/networkWatchers/flowLogs';

/**
 * A storage account that a flow log of the same module writes to. Flow logs reach their storage only through the storage
 * firewall's trusted-services exception, never through a private endpoint (Network Watcher FAQ,
 * https://learn.microsoft.com/azure/network-watcher/frequently-asked-questions), so NET-01 and NET-02 cannot ask of it
 * what they ask of the other accounts: `flowLogStoreFindings` holds it to what is possible instead.
 */
export function isFlowLogStore(resource: ArmResource, declaring: ArmTemplate): boolean {
  if (resource.type !== 'Microsoft.Storage/storageAccounts') return false;
  const name = resource.name.replace(/^\[(.*)\]$/, '$1');
  return ownResources(declaring).some((candidate) => candidate.type === FLOW_LOG_TYPE && String(candidate.properties?.storageId).includes(name));
}

/**
 * NET-01, SEC-06: the flow logs' storage account admits no network (every network denied, no IP or VNet rule), only
 * trusted Azure services, and takes no account key: the flow logs write with their managed identity.
 */
export function flowLogStoreFindings(template: ArmTemplate): Finding[] {
  return resourcesByModule(template)
    .filter(({ resource, template: declaring }) => isFlowLogStore(resource, declaring))
    .flatMap(({ module, resource }) => {
      const acls = (resource.properties?.networkAcls ?? {}) as {
        defaultAction?: string;
        bypass?: string;
        ipRules?: unknown[];
        virtualNetworkRules?: unknown[];
      };
      const open =
        acls.defaultAction !== 'Deny' ||
        !String(acls.bypass).includes('AzureServices') ||
        (acls.ipRules ?? []).length > 0 ||
        (acls.virtualNetworkRules ?? []).length > 0 ||
        resource.properties?.allowSharedKeyAccess !== false;
      return open
        ? [
            finding(
              'flow-log-storage-open',
              // The deployment's name is an expression (it carries the environment's): the message names the module file.
              `flow-logs: the flow logs' storage account admits more than trusted Azure services with Entra ID (networkAcls ${JSON.stringify(acls)}, allowSharedKeyAccess ${JSON.stringify(resource.properties?.allowSharedKeyAccess)})`,
              module,
            ),
          ]
        : [];
    });
}

/**
 * SEC-11: every VNet main.bicep deploys has a virtual network flow log (a module deployment that declares flow logs and
 * is given the VNet's module output), which records every flow its NSGs admit or deny. A VNet deployed in a loop (API
 * Management's further regions) must be given to a flow-log module by the same name expression, so each copy is logged.
 */
export function flowLogFindings(template: ArmTemplate): Finding[] {
  const declares = (deployment: ArmResource, type: string) =>
    resourcesOf<ArmResource & { existing?: boolean }>(deployment.properties?.template ?? {}).some(
      (resource) => resource.type === type && resource.existing !== true,
    );
  const deployments = ownResources(template).filter((resource) => resource.type === 'Microsoft.Resources/deployments');
  const logged = deployments
    .filter((deployment) => declares(deployment, FLOW_LOG_TYPE))
    .map((deployment) => JSON.stringify(deployment.properties?.parameters?.virtualNetworks?.value ?? null))
    .join();
  return deployments
    .filter((deployment) => declares(deployment, 'Microsoft.Network/virtualNetworks'))
    .filter((network) => {
      // A looped deployment's name is an expression ("[format(...)]"), which a reference repeats as it is.
      const expression = /^\[(.*)\]$/.exec(network.name)?.[1];
      return !logged.includes(`'Microsoft.Resources/deployments', ${expression ?? `'${network.name}'`})`);
    })
    .map((network) => finding('vnet-without-flow-log', `${network.name}: the virtual network has no flow log`, network.name));
}

const JUMPBOX_AGENT = 'jumpbox-monitor-agent';

/**
 * SEC-11: the jumpbox runs the Azure Monitor agent with a data collection rule into the workspace and a configuration
 * access endpoint; with `privateLink` (this landing zone's Azure Monitor Private Link Scope, PrivateOnly), that endpoint
 * is linked to the scope, or the agent could reach nothing
 * (https://learn.microsoft.com/azure/azure-monitor/agents/azure-monitor-agent-private-link).
 */
export function jumpboxMonitorAgentFindings(template: ArmTemplate, { privateLink }: { privateLink: boolean }): Finding[] {
  const resources = resourcesByModule(template).map(({ resource }) => resource);
  const associations = resources.filter((resource) => resource.type === 'Microsoft.Insights/dataCollectionRuleAssociations');
  const missing = [
    ...(resources.some(
      (resource) => resource.type === 'Microsoft.Compute/virtualMachines/extensions' && resource.properties?.type === 'AzureMonitorWindowsAgent',
    )
      ? []
      : ['the AzureMonitorWindowsAgent extension']),
    ...(associations.some((association) => association.properties?.dataCollectionRuleId !== undefined) ? [] : ['a data collection rule association']),
    ...(associations.some(
      (association) => association.name.includes('configurationAccessEndpoint') && association.properties?.dataCollectionEndpointId !== undefined,
    )
      ? []
      : ['a configuration access endpoint']),
    ...(privateLink &&
    !JSON.stringify(passed(template, MONITOR_SCOPE, 'scopedResourceIds') ?? null).includes(`'Microsoft.Resources/deployments', '${JUMPBOX_AGENT}')`)
      ? ['its data collection endpoint in the Azure Monitor Private Link Scope']
      : []),
  ];
  return missing.length === 0
    ? []
    : [finding('jumpbox-monitor-agent-missing', `the jumpbox's logs do not reach the workspace: it lacks ${missing.join(', ')}`, JUMPBOX_AGENT)];
}

/**
 * The subnets whose services must reach Azure platform endpoints to deploy and run at all, and what runs there: API
 * Management's dependencies (Storage, SQL, Key Vault, Azure Monitor:
 * https://learn.microsoft.com/azure/api-management/virtual-network-reference) and the images and binaries of the
 * Agent Service's Container Apps platform (https://learn.microsoft.com/azure/container-apps/use-azure-firewall).
 */
const NEEDS_WAY_OUT: ReadonlyMap<string, string> = new Map([
  ['snet-apim', 'API Management'],
  ['snet-agents', "the Agent Service's Container Apps platform"],
]);

/**
 * NET-07: every subnet is private (defaultOutboundAccess false, as every new VNet's subnets are since 2025-09-30:
 * https://learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access), so a subnet of NEEDS_WAY_OUT
 * needs the route table that sends its egress to a firewall; no compiler knows that it fails to deploy without one.
 * The route itself (0.0.0.0/0 to the firewall) is checked with the route table (default-route-missing).
 */
export function platformEgressFindings(template: ArmTemplate): Finding[] {
  return [...vnetSubnets(template)].flatMap(([vnet, subnets]) =>
    typeof subnets === 'string'
      ? []
      : subnets.flatMap((subnet) => {
          const service = NEEDS_WAY_OUT.get(subnet.name);
          if (service === undefined || subnet.routeTableResourceId !== undefined) return [];
          return [
            finding(
              'subnet-without-way-out',
              `${vnet}: ${subnet.name} has no way out (no route table to a firewall, and no default outbound access), but ${service} must reach Azure platform endpoints to deploy and run`,
            ),
          ];
        }),
  );
}
