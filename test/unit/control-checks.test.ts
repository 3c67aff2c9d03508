import { describe, expect, it } from 'vitest';
import type { ArmResource, ArmTemplate } from '../../src/validate/arm.js';
import { guidanceIdsOf } from '../../src/validate/finding-guidance.js';
import {
  accountOutboundFindings,
  agentStorageFindings,
  flowLogFindings,
  flowLogStoreFindings,
  jumpboxMonitorAgentFindings,
  monitorPrivateLinkFindings,
  platformEgressFindings,
} from '../../src/validate/control-checks.js';

/** A main template with module deployments that pass these parameters. */
const mainWith = (deployments: Readonly<Record<string, Readonly<Record<string, string>>>>): ArmTemplate => ({
  resources: Object.entries(deployments).map(([name, parameters]) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    properties: { parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }])) },
  })),
});

describe("SEC-09: the agents' own storage account", () => {
  it('passes when the Agent Service is given an account other than the workload one', () => {
    const template = mainWith({
      storage: { name: "[variables('names').storage]" },
      'foundry-agents': { storageAccountName: "[variables('names').agentStorage]" },
    });
    expect(agentStorageFindings(template)).toEqual([]);
  });

  it("fails, naming foundry-agents, when it is given the workload's account", () => {
    const template = mainWith({
      storage: { name: "[variables('names').storage]" },
      'foundry-agents': { storageAccountName: "[variables('names').storage]" },
    });
    expect(agentStorageFindings(template)).toEqual([expect.objectContaining({ code: 'agent-storage-shared', module: 'foundry-agents' })]);
  });

  it('has nothing to say without agents', () => {
    expect(agentStorageFindings(mainWith({ storage: { name: "[variables('names').storage]" } }))).toEqual([]);
  });
});

describe('NET-01, NET-02: the Azure Monitor Private Link Scope', () => {
  const deployment = (name: string, parameters: Record<string, unknown>, resources: object[] = []) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    properties: { parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }])), template: { resources } },
  });
  const scope = (modes: { ingestionAccessMode: string; queryAccessMode: string }) =>
    deployment(
      'monitor-private-link-scope',
      { scopedResourceIds: ["[reference(resourceId('Microsoft.Resources/deployments', 'log-analytics')).outputs.resourceId.value]"] },
      [
        { type: 'Microsoft.Insights/privateLinkScopes', name: 'ampls', properties: { accessModeSettings: modes } },
        { type: 'Microsoft.Insights/privateLinkScopes/scopedResources', name: 'log', properties: {} },
      ],
    );
  const workspace = (query: string) =>
    deployment('log-analytics', { publicNetworkAccessForIngestion: 'Disabled', publicNetworkAccessForQuery: query }, [
      {
        type: 'Microsoft.OperationalInsights/workspaces',
        name: 'log',
        properties: {
          publicNetworkAccessForIngestion: "[parameters('publicNetworkAccessForIngestion')]",
          publicNetworkAccessForQuery: "[parameters('publicNetworkAccessForQuery')]",
        },
      },
    ]);
  const endpoint = deployment('pe-monitor-private-link-scope', {
    groupId: 'azuremonitor',
    privateLinkServiceResourceId: "[reference(resourceId('Microsoft.Resources/deployments', 'monitor-private-link-scope')).outputs.resourceId.value]",
  });
  const privateOnly = { ingestionAccessMode: 'PrivateOnly', queryAccessMode: 'PrivateOnly' };
  const codes = (resources: object[], privateQueries: boolean) =>
    monitorPrivateLinkFindings({ resources } as ArmTemplate, { privateQueries }).map((found) => found.code);

  it('passes a PrivateOnly scope linking the workspace, with its endpoint, and a workspace closed to public networks', () => {
    expect(codes([scope(privateOnly), workspace('Disabled'), endpoint], true)).toEqual([]);
  });

  it('reads the access the workspace is given through its parameters: public queries fail only where people can query privately', () => {
    expect(codes([scope(privateOnly), workspace('Enabled'), endpoint], true)).toEqual(['workspace-public-access']);
    expect(codes([scope(privateOnly), workspace('Enabled'), endpoint], false)).toEqual([]);
  });

  it('fails an Open access mode, a missing endpoint and a missing scope', () => {
    expect(codes([scope({ ...privateOnly, queryAccessMode: 'Open' }), workspace('Disabled'), endpoint], true)).toEqual(['monitor-scope-open']);
    expect(codes([scope(privateOnly), workspace('Disabled')], true)).toEqual(['monitor-private-link-missing']);
    expect(codes([workspace('Disabled')], true)).toEqual(['monitor-private-link-missing']);
  });
});

describe("NET-07: the AI account's outbound allow-list", () => {
  const accountModule = (name: string, properties: Record<string, unknown>, parameters: Record<string, unknown> = {}) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    properties: {
      parameters: Object.fromEntries(Object.entries(parameters).map(([key, value]) => [key, { value }])),
      template: { resources: [{ type: 'Microsoft.CognitiveServices/accounts', name: 'account', properties }] },
    },
  });
  const restricted = { restrictOutboundNetworkAccess: true, allowedFqdnList: "[parameters('allowedOutboundHosts')]" };
  const hosts = { allowedOutboundHosts: ["[format('{0}.blob.{1}', variables('names').storage, environment().suffixes.storage)]"] };
  const codes = (resources: object[], agents = false) =>
    accountOutboundFindings({ resources } as ArmTemplate, { agents }).map((found) => `${found.code} ${found.module}`);

  it('passes an account restricted to the hosts main.bicep passes', () => {
    expect(codes([accountModule('openai', restricted, hosts)])).toEqual([]);
  });

  it('fails an account that may call any host, naming its module', () => {
    expect(codes([accountModule('ai-services', { allowedFqdnList: "[parameters('allowedOutboundHosts')]" }, hosts)])).toEqual([
      'account-outbound-open ai-services',
    ]);
    expect(codes([accountModule('foundry', { ...restricted, restrictOutboundNetworkAccess: false }, hosts)])).toEqual(['account-outbound-open foundry']);
  });

  it("fails a restriction with an empty allow-list, which would refuse even the landing zone's own hosts", () => {
    expect(codes([accountModule('openai', restricted, { allowedOutboundHosts: [] })])).toEqual(['account-outbound-open openai']);
  });

  it("exempts only the Foundry account with agents, whose tools' hosts are not known in advance", () => {
    expect(codes([accountModule('foundry', {})], true)).toEqual([]);
    expect(codes([accountModule('ai-services', {})], true)).toEqual(['account-outbound-open ai-services']);
    expect(codes([accountModule('foundry', {})], false)).toEqual(['account-outbound-open foundry']);
  });
});

describe("SEC-11, NET-01: the VNets' flow logs and their storage", () => {
  const network = (name: string, extra: object = {}) => ({
    type: 'Microsoft.Resources/deployments',
    name,
    ...extra,
    properties: { template: { resources: [{ type: 'Microsoft.Network/virtualNetworks', name: 'vnet', properties: {} }] } },
  });
  const store = (properties: Record<string, unknown>) => ({
    type: 'Microsoft.Storage/storageAccounts',
    name: "[parameters('storageAccountName')]",
    properties,
  });
  const LOCKED = { allowSharedKeyAccess: false, networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [], virtualNetworkRules: [] } };
  const flowLogs = (networks: readonly string[], storage: Record<string, unknown> = LOCKED) => ({
    type: 'Microsoft.Resources/deployments',
    name: 'flow-logs',
    properties: {
      parameters: {
        virtualNetworks: {
          value: networks.map((name) => ({
            name: "[variables('names').x]",
            resourceId: `[reference(resourceId('Microsoft.Resources/deployments', '${name}'), '2025-04-01').outputs.resourceId.value]`,
          })),
        },
      },
      template: {
        resources: [
          store(storage),
          {
            type: 'Microsoft.Network/networkWatchers/flowLogs',
            name: 'fl',
            properties: { storageId: "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]" },
          },
        ],
      },
    },
  });

  it('passes when every VNet is given to the flow logs', () => {
    const template = {
      resources: [network('virtual-network'), network('hub-virtual-network'), flowLogs(['hub-virtual-network', 'virtual-network'])],
    };
    expect(flowLogFindings(template)).toEqual([]);
  });

  it("takes a looped VNet (API Management's further regions) as logged only where a flow-log module references its name expression", () => {
    const REGIONAL = "[format('apim-virtual-network-{0}', parameters('apiManagementRegions')[copyIndex()].location)]";
    const regionalFlowLogs = {
      type: 'Microsoft.Resources/deployments',
      name: "[format('flow-logs-{0}', parameters('apiManagementRegions')[copyIndex()].location)]",
      copy: { name: 'regions' },
      properties: {
        parameters: {
          virtualNetworks: {
            value: [
              { resourceId: `[reference(resourceId('Microsoft.Resources/deployments', ${REGIONAL.slice(1, -1)}), '2025-04-01').outputs.resourceId.value]` },
            ],
          },
        },
        template: { resources: [{ type: 'Microsoft.Network/networkWatchers/flowLogs', name: 'fl', properties: {} }] },
      },
    };
    const networks = [network('virtual-network'), network(REGIONAL, { copy: { name: 'regions' } }), flowLogs(['virtual-network'])];
    expect(flowLogFindings({ resources: [...networks, regionalFlowLogs] })).toEqual([]);
    expect(flowLogFindings({ resources: networks })).toEqual([expect.objectContaining({ code: 'vnet-without-flow-log', module: REGIONAL })]);
  });

  it('names the VNet the flow logs leave out', () => {
    const template = { resources: [network('virtual-network'), network('hub-virtual-network'), flowLogs(['virtual-network'])] };
    expect(flowLogFindings(template)).toEqual([expect.objectContaining({ code: 'vnet-without-flow-log', module: 'hub-virtual-network' })]);
  });

  it('finds every VNet unlogged without flow logs', () => {
    expect(flowLogFindings({ resources: [network('virtual-network')] }).map(({ code }) => code)).toEqual(['vnet-without-flow-log']);
  });

  it('passes a storage account that admits only trusted Azure services with Entra ID', () => {
    expect(flowLogStoreFindings({ resources: [flowLogs(['virtual-network'])] })).toEqual([]);
  });

  it.each([
    ['an account key', { ...LOCKED, allowSharedKeyAccess: true }],
    ['every network allowed', { ...LOCKED, networkAcls: { ...LOCKED.networkAcls, defaultAction: 'Allow' } }],
    ['no trusted-services exception', { ...LOCKED, networkAcls: { ...LOCKED.networkAcls, bypass: 'None' } }],
    ['an IP rule', { ...LOCKED, networkAcls: { ...LOCKED.networkAcls, ipRules: [{ value: '203.0.113.0/24' }] } }],
  ])('fails a flow log storage account with %s', (_, storage) => {
    expect(flowLogStoreFindings({ resources: [flowLogs(['virtual-network'], storage)] })).toEqual([
      expect.objectContaining({ code: 'flow-log-storage-open', module: 'flow-logs' }),
    ]);
  });
});

describe("SEC-11: the jumpbox's Azure Monitor agent", () => {
  const AGENT = { type: 'Microsoft.Compute/virtualMachines/extensions', name: 'vm/AzureMonitorWindowsAgent', properties: { type: 'AzureMonitorWindowsAgent' } };
  const RULE = { type: 'Microsoft.Insights/dataCollectionRuleAssociations', name: 'dcr', properties: { dataCollectionRuleId: '[x]' } };
  const ENDPOINT = {
    type: 'Microsoft.Insights/dataCollectionRuleAssociations',
    name: 'configurationAccessEndpoint',
    properties: { dataCollectionEndpointId: '[y]' },
  };
  const agentModule = (resources: ArmResource[]) => ({
    type: 'Microsoft.Resources/deployments',
    name: 'jumpbox-monitor-agent',
    properties: { template: { resources } },
  });
  const scope = (linked: readonly string[]) => ({
    type: 'Microsoft.Resources/deployments',
    name: 'monitor-private-link-scope',
    properties: {
      parameters: {
        scopedResourceIds: { value: linked.map((name) => `[reference(resourceId('Microsoft.Resources/deployments', '${name}')).outputs.x.value]`) },
      },
      template: { resources: [] },
    },
  });

  it('passes with the agent, its rule, its configuration endpoint and that endpoint in the scope', () => {
    const template = { resources: [agentModule([AGENT, RULE, ENDPOINT]), scope(['log-analytics', 'jumpbox-monitor-agent'])] };
    expect(jumpboxMonitorAgentFindings(template, { privateLink: true })).toEqual([]);
  });

  it('asks nothing of a scope where the landing zone has none (an existing hub)', () => {
    expect(jumpboxMonitorAgentFindings({ resources: [agentModule([AGENT, RULE, ENDPOINT])] }, { privateLink: false })).toEqual([]);
  });

  it('names what is missing: the extension, the rule, the endpoint, the link to the scope', () => {
    const findings = jumpboxMonitorAgentFindings({ resources: [agentModule([]), scope(['log-analytics'])] }, { privateLink: true });
    expect(findings).toEqual([expect.objectContaining({ code: 'jumpbox-monitor-agent-missing', module: 'jumpbox-monitor-agent' })]);
    for (const part of ['AzureMonitorWindowsAgent', 'data collection rule association', 'configuration access endpoint', 'Private Link Scope'])
      expect(findings[0]!.message).toContain(part);
  });
});

describe('NET-07: the subnets that cannot deploy without a way out', () => {
  const ROUTE_TABLE = "[reference(resourceId('Microsoft.Resources/deployments', 'route-table')).outputs.resourceId.value]";
  /** The workload VNet deployment, its subnets passed as main.bicep passes them: through variables. */
  const networkWith = (...subnets: object[]): ArmTemplate => ({
    variables: { apiManagementSubnet: subnets[0] },
    resources: [
      {
        type: 'Microsoft.Resources/deployments',
        name: 'virtual-network',
        properties: { parameters: { subnets: { value: ["[variables('apiManagementSubnet')]", ...subnets.slice(1)] } } },
      },
    ],
  });

  it('passes when API Management and the agents send their egress through a route table', () => {
    const template = networkWith(
      { name: 'snet-apim', addressPrefix: '10.60.2.0/24', routeTableResourceId: ROUTE_TABLE },
      { name: 'snet-agents', addressPrefix: '192.168.0.0/24', routeTableResourceId: ROUTE_TABLE },
      { name: 'snet-private-endpoints', addressPrefix: '10.60.0.0/24' },
    );
    expect(platformEgressFindings(template)).toEqual([]);
  });

  it('fails for each of them without one, naming the subnet and what runs there; a private-endpoint subnet may stay closed', () => {
    const template = networkWith(
      { name: 'snet-apim', addressPrefix: '10.60.2.0/24' },
      { name: 'snet-agents', addressPrefix: '192.168.0.0/24' },
      { name: 'snet-private-endpoints', addressPrefix: '10.60.0.0/24' },
    );
    expect(platformEgressFindings(template)).toEqual([
      expect.objectContaining({
        code: 'subnet-without-way-out',
        message: expect.stringMatching(/^virtual-network: snet-apim has no way out .* API Management must reach/),
      }),
      expect.objectContaining({
        code: 'subnet-without-way-out',
        message: expect.stringMatching(/^virtual-network: snet-agents has no way out .*Container Apps platform/),
      }),
    ]);
  });

  it('counts against NET-07', () => {
    expect(guidanceIdsOf({ code: 'subnet-without-way-out', message: '' })).toEqual(['NET-07']);
  });
});
