import { describe, expect, it } from 'vitest';
import type { PartialAnswers } from '../../src/answers/schema.js';
import { defaultMatrix } from '../matrix.js';
import { optionMatrix, renderScenario, SCENARIOS } from '../scenarios.js';

/**
 * The generated README, docs/architecture.md and docs/guidance.md say what the rendered Bicep does, for every
 * named scenario and every configuration of the option matrices. Each claim is read from the Bicep (which modules
 * main.bicep calls, the private endpoint subnet's NSG rule, the zones it creates, what the monitoring module leaves
 * public), never from the view model the docs are rendered from, so docs and Bicep cannot drift apart together.
 */
const CONFIGURATIONS: Readonly<Record<string, PartialAnswers>> = {
  ...SCENARIOS,
  ...optionMatrix(['none', 'apim', 'apim-appgw', 'apim-frontdoor']),
  ...defaultMatrix(),
};

interface Repository {
  readonly main: string;
  readonly readme: string;
  readonly architecture: string;
  readonly guidance: string;
  readonly file: (path: string) => string | undefined;
  /** main.bicep calls this module. */
  readonly calls: (module: string) => boolean;
}

async function render(answers: PartialAnswers): Promise<Repository> {
  const tree = await renderScenario(answers);
  const read = (path: string) => {
    const text = tree.get(path);
    if (text === undefined) throw new Error(`${path} was not generated`);
    return text;
  };
  const main = read('infra/main.bicep');
  return {
    main,
    readme: read('README.md'),
    architecture: read('docs/architecture.md'),
    guidance: read('docs/guidance.md'),
    file: (path) => tree.get(path),
    calls: (module) => main.includes(`'modules/${module}.bicep'`),
  };
}

/** The ports the private endpoint subnet's first rule opens, as main.bicep writes them. */
function endpointPorts(main: string): string[] {
  const rule = /var privateEndpointSubnet = \{[\s\S]*?destinationPortRanges: \[([\s\S]*?)\]/.exec(main)?.[1];
  if (rule === undefined) throw new Error('main.bicep has no port list for snet-private-endpoints');
  return [...rule.matchAll(/'(\d+)'/g)].map((match) => match[1]!);
}

/** The suffixes environment() gives in the Azure public cloud, the only one the generator targets. */
const PUBLIC_CLOUD: Readonly<Record<string, string>> = { storage: 'core.windows.net', acrLoginServer: '.azurecr.io' };

/** The zones main.bicep creates (private-dns-zones.bicep's zoneNames), with the storage suffix of the public cloud. */
function createdZones(main: string): string[] {
  const names = /module privateDnsZones [\s\S]*?zoneNames: \{\n([\s\S]*?)\n\s*\}\n/.exec(main)?.[1] ?? '';
  return [...names.matchAll(/: '([^']+)'/g)].map((match) =>
    match[1]!.replace(/\$\{environment\(\)\.suffixes\.(\w+)\}/, (_, suffix: string) => PUBLIC_CLOUD[suffix]!),
  );
}

/** The lines of a node of the Mermaid diagram, after its title. */
function nodeLines(document: string, id: string): string[] | undefined {
  const label = new RegExp(`^\\s+${id}\\["([^"]*)"\\]`, 'm').exec(document)?.[1];
  return label?.split('<br/>').slice(1);
}

/** The labels of the diagram's edges from one node to another. */
function edgeLabel(document: string, from: string, to: string): string | undefined {
  return new RegExp(`^\\s+${from} -->\\|"([^"]*)"\\| ${to}$`, 'm').exec(document)?.[1];
}

describe.each(Object.entries(CONFIGURATIONS))('%s: the docs say what the Bicep does', (_name, answers) => {
  let repository: Repository;
  const repo = async () => (repository ??= await render(answers));

  it("lists exactly the ports the private endpoint subnet's NSG opens, wherever it names them", async () => {
    const { main, readme, architecture } = await repo();
    const ports = endpointPorts(main).sort();
    // The rule is named for what it opens: allow-https-smb-… only where SMB is open too.
    const rule = /var privateEndpointSubnet = \{[\s\S]*?name: '(allow-[\w-]+-inbound)'/.exec(main)?.[1];
    const protocols: Record<string, string> = { '443': 'https', '445': 'smb' };
    expect(rule).toMatch(new RegExp(`^allow-${ports.map((port) => protocols[port]).join('-')}-from-(clients|virtual-network)-inbound$`));
    // Every sentence that says what the endpoint subnet admits names its ports: "HTTPS on port 443 and SMB on port 445 …".
    const sentences = [readme, architecture].flatMap((text) => text.replace(/\n\s*/g, ' ').match(/(endpoint subnet|NSG) admits [^.|]*/g) ?? []);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect([...sentence.matchAll(/port (\d+)/g)].map((match) => match[1]).sort(), sentence).toEqual(ports);
    // The diagram's flows into the endpoint subnet from the jumpbox and the VPN carry the same ports.
    for (const from of ['jumpbox', 'vpn_gateway']) {
      const label = edgeLabel(readme, from, 'workload_snet_private_endpoints');
      if (label !== undefined) expect([...label.matchAll(/\d+/g)].map((match) => match[0]).sort(), label).toEqual(ports);
    }
  });

  it('draws exactly the private DNS zones it creates', async () => {
    const { main, readme, architecture } = await repo();
    for (const document of [readme, architecture]) {
      const drawn = nodeLines(document, 'dns_zones')!;
      if (main.includes('module privateDnsZones ')) {
        const gatewayZones = drawn.filter((line) => line.includes('azure-api.net') || line.startsWith('and one per'));
        expect(
          drawn.filter((line) => !gatewayZones.includes(line)),
          'the private endpoints zones',
        ).toEqual(createdZones(main));
        // API Management's zone is its gateway's host name (api-management-dns.bicep), never the whole service domain.
        expect(gatewayZones.length > 0).toBe(main.includes("'modules/gateway/api-management-dns.bicep'"));
        for (const zone of gatewayZones.filter((line) => line.includes('azure-api.net'))) expect(zone).toMatch(/^apim-[\w-]+\.azure-api\.net$/);
      } else {
        // The platform team's zones: the repository creates none, and the diagram names none.
        expect(drawn.join(' ')).not.toMatch(/privatelink\.|azure-api\.net/);
      }
    }
  });

  it('says what answers on the internet exactly as the Bicep makes it, and never that nothing does', async () => {
    const { readme, architecture, file, calls } = await repo();
    const main = file('infra/main.bicep')!;
    const start = main.indexOf("module logAnalytics '");
    const logAnalytics = main.slice(start, main.indexOf('\n}\n', start));
    const ingestion = /publicNetworkAccessForIngestion: 'Enabled'/.test(logAnalytics);
    const query = /publicNetworkAccessForQuery: 'Enabled'/.test(logAnalytics);
    const appInsights =
      calls('gateway/api-management') && /publicNetworkAccessForIngestion: 'Enabled'/.test(file('infra/modules/gateway/api-management.bicep')!);
    const publicDoors: [string, boolean][] = [
      ["Log Analytics workspace's ingestion and query endpoints", ingestion && query],
      ["Log Analytics workspace's query endpoint", query && !ingestion],
      ["gateway's Application Insights ingestion", appInsights],
      ["Azure Bastion's public IP", calls('access/bastion')],
      ["VPN gateway's public IPs", calls('connectivity/vpn-gateway')],
      ["Application Gateway's public IP", calls('gateway/application-gateway') && !calls('gateway/front-door')],
      ["Front Door's endpoint", calls('gateway/front-door')],
    ];
    for (const document of [readme, architecture]) {
      const text = document.replace(/\n\s*/g, ' ');
      expect(text).not.toMatch(/nothing is reachable from the internet/i);
      for (const [door, open] of publicDoors) expect(text.includes(door), door).toBe(open);
    }
  });

  it("says where the workload's egress goes exactly as the route table and the firewall make it (NET-07)", async () => {
    const { readme, architecture, guidance, calls } = await repo();
    const firewall = calls('network/firewall');
    const routed = calls('network/route-table');
    const text = (document: string) => document.replace(/\n\s*/g, ' ');
    expect(text(architecture).includes('**Outbound** traffic of the workload subnets goes to Azure Firewall'), 'to Azure Firewall').toBe(firewall);
    expect(text(architecture).includes("**Outbound** traffic of the workload subnets goes to the hub's firewall"), "to the hub's firewall").toBe(
      routed && !firewall,
    );
    expect(text(architecture).includes("**Outbound**: no firewall inspects the workload's egress"), 'no firewall').toBe(!routed);
    // guidance.md cites the firewall policy exactly when there is one, and says there is none otherwise.
    const net07 = /## NET-07[^#]*/.exec(guidance)![0];
    expect(net07.includes('`infra/modules/network/firewall-policy.bicep`: `egressRules`'), 'NET-07 cites the policy').toBe(firewall);
    if (!routed) {
      for (const document of [readme, architecture, guidance]) {
        expect(text(document)).not.toMatch(/(goes to|passes|through|inspected by) (Azure Firewall|the firewall|the hub's firewall)/i);
        expect(text(document)).not.toMatch(/egress (passes|goes through) the firewall/i);
      }
      expect(net07).toMatch(/no Azure Firewall|no route sends the spoke's egress|passes no firewall/);
    }
  });

  it("gives API Management and the agents a way out, and says where it leads: their subnets are private, and the platform's dependencies are on the internet (NET-07)", async () => {
    const { architecture, calls } = await repo();
    const needsWayOut = calls('gateway/api-management') || calls('ai/foundry-agents');
    if (!needsWayOut) return;
    expect(calls('network/route-table'), 'a route table sends their egress to a firewall').toBe(true);
    expect(architecture.replace(/\n\s*/g, ' ')).toMatch(/\*\*Outbound\*\* traffic of the workload subnets goes to (Azure Firewall|the hub's firewall)/);
  });

  it('gives steps for the jumpbox and the VPN only where they are deployed', async () => {
    const { readme, architecture, guidance, calls } = await repo();
    const jumpbox = calls('access/jumpbox');
    const vpn = calls('connectivity/vpn-gateway');
    expect(readme.includes('### Through Bastion and the jumpbox'), 'jumpbox section').toBe(jumpbox);
    expect(/az vm start|az network bastion|From the jumpbox|a fresh jumpbox/.test(readme), 'jumpbox steps').toBe(jumpbox);
    expect(readme.includes('### Through the point-to-site VPN'), 'VPN section').toBe(vpn);
    expect(/vpn-client generate|Azure VPN Client|connected through the VPN/.test(readme), 'VPN steps').toBe(vpn);
    for (const document of [readme, architecture]) {
      expect(nodeLines(document, 'jumpbox') !== undefined, 'jumpbox in the diagram').toBe(jumpbox);
      expect(nodeLines(document, 'bastion') !== undefined, 'Bastion in the diagram').toBe(calls('access/bastion'));
      expect(nodeLines(document, 'vpn_gateway') !== undefined, 'VPN gateway in the diagram').toBe(vpn);
      expect(nodeLines(document, 'firewall') !== undefined, 'firewall in the diagram').toBe(calls('network/firewall'));
    }
    expect(architecture.includes('**People** sign in to Azure Bastion'), 'Bastion flow').toBe(jumpbox);
    expect(architecture.includes('**VPN clients**'), 'VPN flow').toBe(vpn);
    // guidance.md says NET-06 and NET-11 are satisfied exactly when their resources exist.
    expect(/## NET-06[^#]*\*\*Satisfied\*\*/.test(guidance), 'NET-06 satisfied').toBe(jumpbox);
    expect(/## NET-11[^#]*\*\*Satisfied\*\*/.test(guidance), 'NET-11 satisfied').toBe(vpn);
  });

  it('names the VNets the flow logs cover, their retention and interval, and the jumpbox agent, as the Bicep has them', async () => {
    const { main, readme, architecture, file, calls } = await repo();
    const flowLogs = file('infra/modules/monitoring/flow-logs.bicep')!;
    const logged = /module flowLogs [\s\S]*?virtualNetworks: \[([\s\S]*?)\]/.exec(main)?.[1] ?? '';
    const hub = logged.includes('hubVirtualNetwork.outputs.resourceId');
    expect(logged).toContain('virtualNetwork.outputs.resourceId');
    const row = readme.split('\n').find((line) => line.startsWith('| Flow logs |'))!;
    expect(row.includes('the hub and the spoke'), 'README: hub and spoke').toBe(hub);
    expect(architecture.includes('**Flow logs** of the hub and the spoke'), 'architecture: hub and spoke').toBe(hub);
    const regional = main.includes("module apiManagementRegionalFlowLogs 'modules/monitoring/flow-logs.bicep'");
    expect(regional, 'a flow log for every further region with one').toBe(main.includes('module apiManagementRegionalNetworks '));
    expect(row.includes("each further region's gateway network"), 'README: further regions').toBe(regional);
    expect(architecture.includes("(and of the gateway's further regions' networks)"), 'architecture: further regions').toBe(regional);
    const retention = /param retentionInDays int = (\d+)/.exec(flowLogs)?.[1];
    const interval = /trafficAnalyticsInterval: (\d+)/.exec(flowLogs)?.[1];
    expect(row).toContain(`stay ${retention} days`);
    expect(row).toContain(`every ${interval} minutes`);
    const agent = calls('monitoring/jumpbox-monitor-agent');
    expect(agent, 'the agent exactly with the jumpbox').toBe(calls('access/jumpbox'));
    expect(readme.includes('| Jumpbox monitoring |'), 'README row').toBe(agent);
    expect(architecture.includes('runs the Azure Monitor agent'), 'architecture').toBe(agent);
    const scoped = /module monitorPrivateLinkScope [\s\S]*?scopedResourceIds: \[([\s\S]*?)\]/.exec(main)?.[1] ?? '';
    expect(readme.includes('linked to the Azure Monitor Private Link Scope and closed to public networks'), 'endpoint in the scope').toBe(
      agent && scoped.includes('jumpboxMonitorAgent.outputs.dataCollectionEndpointResourceId'),
    );
  });
});
