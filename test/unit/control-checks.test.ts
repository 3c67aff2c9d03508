import { describe, expect, it } from 'vitest';
import type { ArmTemplate } from '../../src/validate/arm.js';
import { guidanceIdsOf } from '../../src/validate/finding-guidance.js';
import { accountOutboundFindings, agentStorageFindings, monitorPrivateLinkFindings, platformEgressFindings } from '../../src/validate/control-checks.js';

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
