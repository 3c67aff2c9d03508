import type { Outbound, OutboundSource } from '../catalogue/component.js';
import { wrapWords } from '../cli/wrap.js';
import { bicepString } from '../render/escape.js';

/**
 * NET-07: the rule collections of the firewall policy, built from the catalogue's outbound list (src/catalogue/outbound.ts),
 * one rule per entry, for templates/infra/modules/network/firewall-policy.bicep.hbs. Azure Firewall keeps application and
 * network rules in separate collections, so each source gets one collection of each kind it needs; names and priorities
 * are fixed per source so that a new entry never renumbers what a deployed policy already has.
 */

interface CollectionName {
  readonly name: string;
  readonly priority: number;
}

interface FirewallSource {
  /** The Bicep expression of the source addresses: a parameter of the policy module. */
  readonly addresses: string;
  readonly guidance: string;
  /** Why these rules exist, as the comment of the application rules' collection. */
  readonly comment: string;
  readonly application: CollectionName;
  readonly network: CollectionName;
}

const NETWORK_RULES_WHY = 'ports other than HTTP and HTTPS, and service tags, which only a network rule can allow; the DNS proxy resolves the names.';

// prettier-ignore
const SOURCES: Readonly<Record<OutboundSource, FirewallSource>> = {
  workload: {
    addresses: 'sourceAddressPrefixes',
    guidance: 'NET-07',
    comment: 'what every workload needs, from the whole workload VNet. The user\'s list (the generator\'s --allowed-fqdns) gets a rule of its own, left out when the list is empty: a rule needs at least one FQDN.',
    application: { name: 'allow-https-outbound', priority: 100 },
    network: { name: 'allow-workload-network', priority: 150 },
  },
  agents: {
    addresses: '[agentSubnetPrefix]',
    guidance: 'FDY-06',
    comment: 'the Agent Service runs on the Container Apps platform in the agents subnet, whose firewall requirements apply to it. The tools agents call are added to firewallAllowedFqdns.',
    application: { name: 'allow-agents-outbound', priority: 190 },
    network: { name: 'allow-agents-network', priority: 195 },
  },
  jumpbox: {
    addresses: '[jumpboxSubnetPrefix]',
    guidance: 'NET-06',
    comment: 'the jumpbox joins Microsoft Entra ID for sign-in, takes its updates and opens the portals in Edge. Other sites the portals load on demand are added to firewallAllowedFqdns.',
    application: { name: 'allow-jumpbox-outbound', priority: 200 },
    network: { name: 'allow-jumpbox-activation', priority: 300 },
  },
  apiManagement: {
    addresses: 'apiManagementSubnetPrefixes',
    guidance: 'NET-07, NET-08',
    comment: "API Management's own dependencies, which it checks and installs for itself; Azure's control plane reaches it directly, by a route of its own.",
    network: { name: 'allow-api-management-platform', priority: 400 },
    application: { name: 'allow-api-management-web', priority: 500 },
  },
};

/**
 * Public-cloud hosts that differ per cloud, and how Bicep names them in this cloud: a destination that is one of them,
 * or ends with one, is written from environment() so that the policy deploys unchanged to a sovereign cloud.
 */
const CLOUD_HOSTS: readonly { readonly host: string; readonly expression: string; readonly variable?: HostVariable }[] = [
  {
    host: 'login.microsoftonline.com',
    expression: 'loginHost',
    variable: {
      name: 'loginHost',
      value: "split(environment().authentication.loginEndpoint, '/')[2]",
      comment: "Microsoft Entra ID's host name in this cloud (login.microsoftonline.com in the public cloud).",
    },
  },
  {
    host: 'management.azure.com',
    expression: 'resourceManagerHost',
    variable: {
      name: 'resourceManagerHost',
      value: "split(environment().resourceManager, '/')[2]",
      comment: "Azure Resource Manager's host name in this cloud (management.azure.com in the public cloud).",
    },
  },
  { host: 'core.windows.net', expression: 'environment().suffixes.storage' },
];

export interface HostVariable {
  readonly name: string;
  readonly value: string;
  readonly comment: string;
}

export interface FirewallRule {
  readonly name: string;
  readonly ruleType: 'ApplicationRule' | 'NetworkRule';
  /** The entry's why and source, as comment lines. */
  readonly comment: readonly string[];
  readonly sourceAddresses: string;
  /** Application rules: `{ protocolType: 'Https', port: 443 }`, one a line. */
  readonly protocols: readonly string[];
  /** Network rules: `'TCP'`. */
  readonly ipProtocols: readonly string[];
  /** targetFqdns, fqdnTags, destinationFqdns or destinationAddresses. */
  readonly destinationProperty: string;
  /** Bicep expressions, one a line. */
  readonly destinations: readonly string[];
  /** Network rules: `'443'`. */
  readonly destinationPorts: readonly string[];
}

export interface RuleCollection {
  readonly name: string;
  readonly priority: number;
  readonly comment: readonly string[];
  readonly rules: readonly FirewallRule[];
  /** The workload's application collection ends with the user's --allowed-fqdns, when there are any. */
  readonly approvedFqdns: boolean;
}

export interface FirewallPolicyView {
  readonly collections: readonly RuleCollection[];
  /** The variables the destinations refer to, each once. */
  readonly hostVariables: readonly HostVariable[];
}

/** How the policy writes a public-cloud name: from environment() where it differs per cloud, literally otherwise. */
export function bicepHost(name: string): string {
  for (const { host, expression } of CLOUD_HOSTS) {
    if (name === host) return expression;
    if (name.endsWith(`.${host}`)) return `${bicepString(name.slice(0, -host.length)).slice(0, -1)}\${${expression}}'`;
  }
  return bicepString(name);
}

const COMMENT_WIDTH = 120;
const RULE_INDENT = '          // ';
const commentLines = (text: string, indent: string) => wrapWords(text, COMMENT_WIDTH - indent.length);

function ruleOf(entry: Outbound): FirewallRule {
  const web = entry.ports.every(({ protocol }) => protocol === 'HTTP' || protocol === 'HTTPS');
  if (!web && entry.ports.some(({ protocol }) => protocol === 'HTTP' || protocol === 'HTTPS'))
    throw new Error(`outbound ${entry.from} ${entry.rule}: HTTP(S) and TCP/UDP ports cannot share one firewall rule; split the entry`);
  if (web && entry.kind === 'service-tag') throw new Error(`outbound ${entry.from} ${entry.rule}: a service tag needs TCP or UDP ports (a network rule)`);
  if (!web && entry.kind === 'fqdn-tag') throw new Error(`outbound ${entry.from} ${entry.rule}: an FQDN tag needs HTTP or HTTPS ports (an application rule)`);
  const destinationProperty = web
    ? entry.kind === 'fqdn-tag'
      ? 'fqdnTags'
      : 'targetFqdns'
    : entry.kind === 'service-tag'
      ? 'destinationAddresses'
      : 'destinationFqdns';
  const protocolType = (protocol: string) => protocol.charAt(0) + protocol.slice(1).toLowerCase();
  return {
    name: entry.rule,
    ruleType: web ? 'ApplicationRule' : 'NetworkRule',
    comment: commentLines(`${capitalize(entry.why)} (${entry.source}).`, RULE_INDENT),
    sourceAddresses: SOURCES[entry.from].addresses,
    protocols: web ? entry.ports.map(({ protocol, port }) => `{ protocolType: '${protocolType(protocol)}', port: ${port} }`) : [],
    ipProtocols: web ? [] : [...new Set(entry.ports.map(({ protocol }) => `'${protocol}'`))],
    destinationProperty,
    destinations: entry.destinations.map((name) => (entry.kind === 'fqdn' ? bicepHost(name) : bicepString(name))),
    destinationPorts: web ? [] : [...new Set(entry.ports.map(({ port }) => `'${port}'`))],
  };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The firewall policy's rule collections for these outbound entries (outboundOf(shape)), ordered by priority. */
export function firewallPolicyView(outbound: readonly Outbound[]): FirewallPolicyView {
  const collections: RuleCollection[] = [];
  for (const [from, source] of Object.entries(SOURCES) as [OutboundSource, FirewallSource][]) {
    const rules = outbound.filter((entry) => entry.from === from).map(ruleOf);
    for (const kind of ['application', 'network'] as const) {
      const ofKind = rules.filter((rule) => (rule.ruleType === 'ApplicationRule') === (kind === 'application'));
      const approvedFqdns = from === 'workload' && kind === 'application';
      if (ofKind.length === 0 && !approvedFqdns) continue;
      const comment = `${source.guidance}: ${kind === 'application' ? source.comment : NETWORK_RULES_WHY}`;
      collections.push({ ...source[kind], comment: commentLines(comment, '      // '), rules: ofKind, approvedFqdns });
    }
  }
  const names = outbound.flatMap((entry) => (entry.kind === 'fqdn' ? entry.destinations : []));
  return {
    collections: collections.sort((a, b) => a.priority - b.priority),
    hostVariables: CLOUD_HOSTS.filter(({ host }) => names.some((name) => name === host || name.endsWith(`.${host}`))).flatMap(({ variable }) => variable ?? []),
  };
}
