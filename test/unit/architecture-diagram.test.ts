import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../src/docs/architecture-diagram.js';
import { buildModel, type ViewModel } from '../../src/model.js';
import { optionMatrix, platformMatrix, SCENARIOS, scenarioAnswers } from '../scenarios.js';

type Mermaid = (typeof import('mermaid'))['default'];
let mermaid: Mermaid;

/** jsdom ships no type declarations (and @types/jsdom is not installed): this is the little of it the test uses. */
interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: unknown } };
}

beforeAll(async () => {
  // Mermaid reads `window` and `document` when it loads, so the DOM must exist before the import.
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;
  const dom = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  ({ default: mermaid } = await import('mermaid'));
});

const CONFIGURATIONS: Readonly<Record<string, Parameters<typeof scenarioAnswers>[0]>> = {
  ...SCENARIOS,
  ...optionMatrix(['none', 'apim', 'apim-appgw', 'apim-frontdoor']),
  ...platformMatrix(),
};

const modelOf = (name: string): ViewModel => buildModel(scenarioAnswers(CONFIGURATIONS[name]!));

/** The statements of the diagram, read with the few forms it may use; anything else fails the test. */
function readDiagram(source: string) {
  const nodes = new Map<string, string>();
  const subgraphs = new Set<string>();
  const edges: { from: string; arrow: string; label?: string; to: string }[] = [];
  const [header, ...lines] = source.trimEnd().split('\n');
  expect(header).toBe('flowchart LR');
  for (const line of lines.map((candidate) => candidate.trim()).filter((candidate) => candidate !== '' && !candidate.startsWith('%%'))) {
    const subgraph = /^subgraph ([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(line);
    const node = /^([A-Za-z0-9_]+)\["([^"]*)"\]$/.exec(line);
    const edge = /^([A-Za-z0-9_]+) (-->|-\.->|-\.-|<-->)(?:\|"([^"]*)"\|)? ([A-Za-z0-9_]+)$/.exec(line);
    if (subgraph) subgraphs.add(subgraph[1]!);
    else if (node) {
      expect(nodes.has(node[1]!), `${node[1]} is declared twice`).toBe(false);
      nodes.set(node[1]!, node[2]!);
    } else if (edge) edges.push({ from: edge[1]!, arrow: edge[2]!, ...(edge[3] !== undefined && { label: edge[3] }), to: edge[4]! });
    else expect(line, 'a statement the diagram should not contain').toBe('end');
  }
  return { nodes, subgraphs, edges };
}

/** Exactly the deployed resources have nodes, and every flow joins declared nodes. */
function expectShowsWhatIsDeployed(model: ViewModel, source: string) {
  const { nodes, subgraphs, edges } = readDiagram(source);
  const declared = (id: string) => nodes.has(id) || subgraphs.has(id);

  for (const { from, to } of edges) {
    expect(declared(from), `edge from undeclared ${from}`).toBe(true);
    expect(declared(to), `edge to undeclared ${to}`).toBe(true);
  }
  const presence: Record<string, boolean> = {
    hub: model.hubSpoke,
    platform_hub: model.existingHub,
    firewall: model.firewall,
    internet_fqdns: model.egressThroughFirewall,
    vpn_gateway: model.vpn,
    vpn_clients: model.vpn,
    dns_resolver_inbound: model.dnsResolver,
    dns_resolver_outbound: model.dnsResolver,
    bastion: model.jumpbox,
    jumpbox: model.jumpbox,
    developers: model.jumpbox,
    apim: model.apiManagement,
    private_callers: model.apiManagement,
    app_gateway: model.edgeGateway,
    internet_callers: model.edgeGateway,
    front_door: model.frontDoor,
    app_gateway_private_link: model.frontDoor,
    agents: model.platform.agents,
    managed_network: model.platform.foundryHub || model.platform.machineLearning,
    svc_foundry: model.platform.foundryProject,
    svc_foundryHub: model.platform.foundryHub,
    svc_aiServices: model.platform.aiServicesAccount,
    svc_openAi: model.platform.openAiAccount,
    svc_machineLearning: model.platform.machineLearning,
    svc_search: model.platform.search,
    svc_containerRegistry: model.platform.containerRegistry,
    svc_cosmosDb: model.platform.cosmosDb,
    svc_keyVault: true,
    svc_storage: true,
    dns_zones: true,
    log_analytics: true,
  };
  for (const [id, deployed] of Object.entries(presence)) expect(declared(id), id).toBe(deployed);
  expect([...nodes.keys()].filter((id) => id.startsWith('apim_region_'))).toHaveLength(model.apiManagementRegions ? model.answers.apimRegions.length : 0);
  for (const region of model.apiManagementRegions ? model.answers.apimRegions : []) expect(source).toContain(`API Management in ${region}`);

  // One private endpoint node per service, each leading to that service's node.
  const services = [...new Set(model.wiring.privateEndpoints.map((endpoint) => endpoint.service))];
  expect([...nodes.keys()].filter((id) => id.startsWith('pe_')).sort()).toEqual(services.map((service) => `pe_${service}`).sort());
  for (const service of services) expect(edges).toContainEqual({ from: `pe_${service}`, arrow: '-->', to: `svc_${service}` });
  for (const endpoint of model.wiring.privateEndpoints) expect(nodes.get(`pe_${endpoint.service}`)).toContain(endpoint.groupId);

  // The gateway calls the account that holds the models, through its private endpoint.
  if (model.apiManagement && model.platform.account)
    expect(edges).toContainEqual(expect.objectContaining({ from: 'apim', to: `pe_${model.platform.account}` }));
  if (model.hubSpoke) expect(edges).toContainEqual(expect.objectContaining({ from: 'hub', arrow: '<-->', to: 'workload' }));
  if (model.existingHub) expect(edges).toContainEqual(expect.objectContaining({ from: 'workload', arrow: '<-->', to: 'platform_hub' }));
  if (model.egressThroughFirewall)
    expect(edges.some((edge) => edge.to === (model.firewall ? 'firewall' : 'platform_hub') && edge.label?.startsWith('egress'))).toBe(true);

  const environment = model.firstEnvironment;
  const addresses = [
    environment.network.vnetAddressPrefix,
    ...environment.network.subnets.map((subnet) => subnet.addressPrefix),
    ...(environment.hub ? [environment.hub.vnetAddressPrefix, ...environment.hub.subnets.map((subnet) => subnet.addressPrefix)] : []),
    ...(model.platform.agents && environment.agentSubnetPrefix ? [environment.agentSubnetPrefix] : []),
  ];
  for (const address of addresses) expect(source).toContain(address);
  expect(source.includes(`firewall ${model.answers.hubFirewallIp}`)).toBe(model.answers.hubFirewallIp !== undefined);
  for (const zone of model.privateDnsZones) expect(nodes.get('dns_zones')).toContain(zone.name);
  if (model.existingHub) expect(nodes.get('dns_zones')).toContain('platform team');

  // Taken in at a glance: a few dozen boxes at most.
  expect(nodes.size).toBeLessThanOrEqual(40);
}

describe('architectureDiagram', () => {
  it.each(Object.keys(CONFIGURATIONS))('%s: Mermaid parses it, and it shows exactly what is deployed', async (name) => {
    const model = modelOf(name);
    const source = architectureDiagram(model);
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    expectShowsWhatIsDeployed(model, source);
  });

  it('makes the parse check fail on a broken diagram, so the checks above mean something', async () => {
    const source = architectureDiagram(modelOf('hub-spoke-app-gateway'));
    await expect(mermaid.parse(`${source}  broken["unbalanced"\n`)).rejects.toThrow();
    await expect(mermaid.parse(`${source}  quoted["a "raw" quote"]\n`)).rejects.toThrow();
    await expect(mermaid.parse(source.replace(/^ {2}end$/m, ''))).rejects.toThrow();
  });

  it('keeps text from the answers inside its labels, whatever it contains', async () => {
    const model = modelOf('single-vnet-front-door');
    const hostile = { ...model, answers: { ...model.answers, name: 'x\n%%{init: {"theme": "forest"}}%%', gatewayHostName: 'a"b]<script>#c`d&e;(f)' } };
    const source = architectureDiagram(hostile);
    await expect(mermaid.parse(source)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    expect(source).not.toContain('%%{');
    expect(readDiagram(source).nodes.get('front_door')).toContain('a#quot;b]#lt;script#gt;#35;c#96;d#amp;e;(f)');
  });

  it('is deterministic', () => {
    expect(architectureDiagram(modelOf('project-agents'))).toBe(architectureDiagram(modelOf('project-agents')));
  });

  it('draws the flows of a hub and spoke with VPN, firewall and an internet door', () => {
    const { edges } = readDiagram(architectureDiagram(modelOf('hub-spoke-app-gateway')));
    const flows = edges.map(({ from, arrow, label, to }) => `${from} ${arrow} ${to}${label ? `: ${label}` : ''}`);
    expect(flows).toEqual(
      expect.arrayContaining([
        'hub <--> workload: peering, gateway transit',
        'internet_callers --> app_gateway: HTTPS 443',
        'app_gateway --> apim: HTTPS 443',
        'apim --> pe_foundry: HTTPS 443, managed identity',
        'developers --> bastion: HTTPS 443, Entra ID',
        'bastion --> jumpbox: RDP',
        'jumpbox --> workload_snet_private_endpoints: HTTPS 443, SMB 445',
        'vpn_clients --> vpn_gateway: OpenVPN, Entra ID',
        'vpn_gateway --> workload_snet_private_endpoints: HTTPS 443, SMB 445',
        'vpn_clients -.-> dns_resolver_inbound: DNS queries',
        'apim --> firewall: egress and DNS',
        'firewall --> internet_fqdns: HTTPS, allow-list',
        'apim_region_1 <--> workload: peering',
      ]),
    );
  });

  it('sends Front Door to the Application Gateway over Private Link', () => {
    const { edges } = readDiagram(architectureDiagram(modelOf('single-vnet-front-door')));
    expect(edges).toEqual(
      expect.arrayContaining([
        { from: 'internet_callers', arrow: '-->', label: 'HTTPS 443', to: 'front_door' },
        { from: 'front_door', arrow: '-->', label: 'HTTPS 443, Private Link', to: 'app_gateway_private_link' },
        { from: 'app_gateway_private_link', arrow: '-->', to: 'app_gateway' },
      ]),
    );
  });
});
