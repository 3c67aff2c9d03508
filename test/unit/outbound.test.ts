import { describe, expect, it } from 'vitest';
import { outboundOf } from '../../src/catalogue/index.js';
import type { OutboundSource } from '../../src/catalogue/component.js';
import { OUTBOUND_SOURCE_LABELS, portsText } from '../../src/catalogue/outbound.js';
import { type ShapeAnswers, shapeOf } from '../../src/catalogue/shape.js';
import type { PartialAnswers } from '../../src/answers/schema.js';
import { bicepHost, firewallPolicyView } from '../../src/network/firewall-policy.js';
import { EDGE, renderScenario, SCENARIOS, scenarioAnswers, zoneIds } from '../scenarios.js';

const EVERYTHING: ShapeAnswers = {
  topology: 'hub-spoke',
  firewall: true,
  hubFirewallIp: undefined,
  jumpbox: true,
  vpn: 'none',
  gateway: 'apim',
  apimRegions: [],
  dnsZonesByPolicy: undefined,
  foundry: 'project',
  services: ['openai', 'ml', 'search'],
  agents: true,
};

/** The source addresses each source's rules must name: the policy module's parameters, written here independently. */
const SOURCE_ADDRESSES: Readonly<Record<OutboundSource, string>> = {
  workload: 'sourceAddressPrefixes',
  agents: '[agentSubnetPrefix]',
  jumpbox: '[jumpboxSubnetPrefix]',
  apiManagement: 'apiManagementSubnetPrefixes',
};

/** Back from how the policy writes a per-cloud name (environment() in Bicep) to the public cloud's name. */
function publicName(expression: string): string {
  const named: Record<string, string> = { loginHost: 'login.microsoftonline.com', resourceManagerHost: 'management.azure.com' };
  if (named[expression]) return named[expression];
  expect(expression).toMatch(/^'.*'$/);
  return expression.slice(1, -1).replace('${loginHost}', 'login.microsoftonline.com').replace('${environment().suffixes.storage}', 'core.windows.net');
}

interface RenderedRule {
  readonly collection: string;
  readonly name: string;
  readonly ruleType: string;
  readonly sourceAddresses: string;
  readonly destinations: readonly string[];
  readonly ports: string;
}

/**
 * The rules of a rendered firewall-policy.bicep, read from the text as bicep format lays it out: a collection's
 * properties at 8 spaces, a rule's at 12, list items at 14.
 */
function renderedRules(bicep: string): RenderedRule[] {
  const rules: RenderedRule[] = [];
  let collection = '';
  let rule: { -readonly [K in keyof RenderedRule]: RenderedRule[K] } | undefined;
  let list: string[] | undefined;
  let listName = '';
  let protocols: string[] = [];
  let ipProtocols: string[] = [];
  let ports: string[] = [];
  const finish = () => {
    if (!rule) return;
    const byProtocol = ipProtocols.length > 0 ? ipProtocols.map((protocol) => `${protocol} ${ports.join(', ')}`) : protocols;
    rules.push({ ...rule, ports: byProtocol.join(', ') });
    rule = undefined;
  };
  const take = (name: string, values: string[]) => {
    if (name === 'protocols')
      protocols = values.map((value) =>
        value.replace(/\{ protocolType: '(\w+)', port: (\d+) \}/, (_, type: string, port: string) => `${type.toUpperCase()} ${port}`),
      );
    else if (name === 'ipProtocols') ipProtocols = values.map((value) => value.slice(1, -1));
    else if (name === 'destinationPorts') ports = values.map((value) => value.slice(1, -1));
    else rule!.destinations = values.map((value) => (name === 'targetFqdns' || name === 'destinationFqdns' ? publicName(value) : value.slice(1, -1)));
  };
  for (const line of bicep.split('\n')) {
    if (list && line.startsWith('              ')) {
      list.push(line.trim());
      continue;
    }
    if (list) {
      take(listName, list);
      list = undefined;
    }
    const collectionName = /^ {8}name: '([^']+)'$/.exec(line);
    if (collectionName) collection = collectionName[1]!;
    if (line === '          {') {
      finish();
      rule = { collection, name: '', ruleType: '', sourceAddresses: '', destinations: [], ports: '' };
      protocols = [];
      ipProtocols = [];
      ports = [];
    }
    const property = /^ {12}(\w+): (.*)$/.exec(line);
    if (!rule || !property) continue;
    const [, key, value] = property as unknown as [string, string, string];
    if (key === 'name') rule.name = value.slice(1, -1);
    else if (key === 'ruleType') rule.ruleType = value.slice(1, -1);
    else if (key === 'sourceAddresses') rule.sourceAddresses = value;
    else if (value === '[') [list, listName] = [[], key];
    else take(key, [value.replace(/^\[(.*)\]$/, '$1')]);
  }
  finish();
  return rules;
}

const SHAPES: Readonly<Record<string, PartialAnswers>> = {
  'hub-spoke default (jumpbox, API Management)': { name: 'contoso', location: 'swedencentral', publisherEmail: 'a@example.com' },
  'agents, ML and search (studio on the jumpbox)': {
    name: 'contoso',
    location: 'swedencentral',
    services: ['openai', 'ml', 'search'],
    agents: true,
    publisherEmail: 'a@example.com',
  },
  'hub-based Foundry': {
    name: 'contoso',
    location: 'swedencentral',
    foundry: 'hub',
    gateway: 'none',
  },
  'single VNet, firewall alone': { name: 'contoso', location: 'swedencentral', topology: 'single-vnet', firewall: true, jumpbox: false, gateway: 'none' },
  'single VNet, Application Gateway in front of API Management': {
    name: 'contoso',
    location: 'swedencentral',
    topology: 'single-vnet',
    firewall: true,
    gateway: 'apim-appgw',
    publisherEmail: 'a@example.com',
    ...EDGE,
  },
};

describe('NET-07: the firewall policy is rendered from the catalogue', () => {
  for (const [label, partial] of Object.entries(SHAPES)) {
    it(`${label}: every rule traces to an entry, and every entry of the shape is a rule`, async () => {
      const answers = scenarioAnswers(partial);
      const files = await renderScenario(partial);
      const policy = files.get('infra/modules/network/firewall-policy.bicep')!;
      const rendered = renderedRules(policy);
      const expected = outboundOf(shapeOf(answers)).map((entry) => ({
        name: entry.rule,
        ruleType: entry.ports.some(({ protocol }) => protocol.startsWith('HTTP')) ? 'ApplicationRule' : 'NetworkRule',
        sourceAddresses: SOURCE_ADDRESSES[entry.from],
        destinations: entry.destinations,
        ports: portsText(entry.ports),
      }));
      expect(rendered.map(({ collection: _, ...rule }) => rule)).toEqual(expect.arrayContaining(expected));
      expect(rendered).toHaveLength(expected.length);
      // One kind of rule per collection, and each collection's rules from one source.
      for (const name of new Set(rendered.map(({ collection }) => collection))) {
        const inside = rendered.filter(({ collection }) => collection === name);
        expect(new Set(inside.map(({ ruleType }) => ruleType)).size).toBe(1);
        expect(new Set(inside.map(({ sourceAddresses }) => sourceAddresses)).size).toBe(1);
      }
      // The user's list is one rule more, from the whole workload VNet, when there is one (a parameter, not read here).
      expect(policy.match(/name: 'allow-approved-fqdns'\n.*\n\s*sourceAddresses: sourceAddressPrefixes\n\s*targetFqdns: allowedFqdns/g)).toHaveLength(1);
    });
  }

  it('keeps collection names and priorities per source, so that a new entry never renumbers a deployed policy', () => {
    const view = firewallPolicyView(outboundOf(shapeOf(EVERYTHING)));
    expect(view.collections.map(({ name, priority }) => `${priority} ${name}`)).toEqual([
      '100 allow-https-outbound',
      '190 allow-agents-outbound',
      '200 allow-jumpbox-outbound',
      '300 allow-jumpbox-activation',
      '400 allow-api-management-platform',
      '500 allow-api-management-web',
    ]);
    // A rule name is unique in its collection (Azure refuses duplicates).
    for (const collection of view.collections) expect(new Set(collection.rules.map(({ name }) => name)).size).toBe(collection.rules.length);
  });

  it("writes a cloud's own names from environment(), other names literally, each quoted and escaped", () => {
    expect(bicepHost('login.microsoftonline.com')).toBe('loginHost');
    expect(bicepHost('*.login.microsoftonline.com')).toBe("'*.${loginHost}'");
    expect(bicepHost('azkms.core.windows.net')).toBe("'azkms.${environment().suffixes.storage}'");
    expect(bicepHost('ai.azure.com')).toBe("'ai.azure.com'");
    expect(bicepHost("o'brien.login.microsoftonline.com")).toBe("'o\\'brien.${loginHost}'");
    // Only the variables a rule uses are declared (an unused variable is a linter warning).
    expect(
      firewallPolicyView(outboundOf(shapeOf({ ...EVERYTHING, jumpbox: false, agents: false, gateway: 'none' }))).hostVariables.map(({ name }) => name),
    ).toEqual(['loginHost', 'resourceManagerHost']);
  });

  it('refuses an entry that no single firewall rule can express', () => {
    const entry = outboundOf(shapeOf(EVERYTHING))[0]!;
    expect(() => firewallPolicyView([{ ...entry, ports: [...entry.ports, { protocol: 'TCP', port: 1688 }] }])).toThrow(/split the entry/);
    expect(() => firewallPolicyView([{ ...entry, kind: 'service-tag' }])).toThrow(/service tag needs TCP or UDP/);
  });
});

describe('NET-07: the outbound destinations of the catalogue', () => {
  it('follow the components: the agents need the Container Apps platform, the jumpbox ML studio only with a workspace', () => {
    const names = (answers: Partial<ShapeAnswers>) => outboundOf(shapeOf({ ...EVERYTHING, ...answers })).flatMap((rule) => rule.destinations);
    expect(names({})).toEqual(
      expect.arrayContaining(['mcr.microsoft.com', '*.data.mcr.microsoft.com', 'packages.aks.azure.com', 'acs-mirror.azureedge.net', 'ml.azure.com']),
    );
    expect(names({ services: ['openai'] })).not.toContain('ml.azure.com');
    expect(names({ agents: false })).not.toContain('mcr.microsoft.com');
    expect(names({ agents: false })).not.toContain('packages.aks.azure.com');
    expect(names({ jumpbox: false, gateway: 'none', agents: false })).toEqual(['login.microsoftonline.com', 'management.azure.com']);
    // Every entry cites Microsoft's page.
    expect(outboundOf(shapeOf(EVERYTHING)).every((rule) => /^https:\/\/learn\.microsoft\.com\//.test(rule.source))).toBe(true);
  });

  it("are the rows of the README's table for an existing hub's firewall, one row per entry", async () => {
    const partial: PartialAnswers = {
      ...SCENARIOS['existing-hub'],
      agents: true,
      jumpbox: true,
      services: ['openai', 'ml'],
      privateDnsZoneIds: zoneIds({ gateway: 'apim', agents: true, services: ['openai', 'ml'] }),
    };
    const readme = (await renderScenario(partial)).get('README.md')!;
    const rows = readme.split('\n').filter((line) => /^\| the [\w ]+ (VNet|subnet) \|/.test(line));
    const entries = outboundOf(shapeOf(scenarioAnswers(partial)));
    expect(entries.map(({ from }) => from)).toEqual(expect.arrayContaining(['workload', 'agents', 'jumpbox', 'apiManagement']));
    expect(rows).toHaveLength(entries.length);
    entries.forEach((entry, index) => {
      const row = rows[index]!;
      expect(row.startsWith(`| ${OUTBOUND_SOURCE_LABELS[entry.from]} |`), row).toBe(true);
      for (const destination of entry.destinations) expect(row).toContain(`\`${destination}\``);
      expect(row).toContain(`| ${portsText(entry.ports)} |`);
      expect(row).toContain(`[Learn](${entry.source})`);
    });
  });

  it('write their ports as the README table shows them', () => {
    expect(portsText([{ protocol: 'HTTPS', port: 443 }])).toBe('HTTPS 443');
    expect(
      portsText([
        { protocol: 'HTTP', port: 80 },
        { protocol: 'HTTPS', port: 443 },
      ]),
    ).toBe('HTTP 80, HTTPS 443');
    expect(
      portsText([
        { protocol: 'TCP', port: 443 },
        { protocol: 'TCP', port: 1886 },
      ]),
    ).toBe('TCP 443, 1886');
  });
});
