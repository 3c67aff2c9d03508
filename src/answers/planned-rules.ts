import { aiPlatformOf } from '../ai/platform.js';
import { type Cidr, contains, parseCidr } from '../network/cidr.js';
import { type EnvironmentNetworks, planNetworks } from '../network/landing-zone-networks.js';
import { type PrivateDnsZone, zoneNameOf } from '../network/private-dns-zones.js';
import { existingHubZonesFor, privateEndpointZonesFor } from '../network/private-endpoints.js';
import type { AnswerKey, Answers } from './schema.js';

/** A problem with one answer, or with one entry of a list answer; the message follows the answer's flag. */
export interface AnswerIssue {
  readonly path: readonly [AnswerKey] | readonly [AnswerKey, number];
  readonly message: string;
}

export interface PlannedAnswers {
  /** The networks of every environment; absent when the answers give no address plan (an issue says why). */
  readonly networks?: readonly EnvironmentNetworks[];
  readonly issues: readonly AnswerIssue[];
}

/**
 * The rules that only the planners can decide: whether the address ranges make a plan, which private DNS
 * zones an existing hub must name, whether there is an AI account for the gateway to front. The network
 * plan made here is returned with the issues, so that the model is built from this plan, not a second one.
 * This is the one module of src/answers that imports the planners: ./schema.ts, whose types the network
 * and AI modules take, imports none of them, so those imports run one way.
 */
export function planAndCheck(answers: Answers): PlannedAnswers {
  const issues: AnswerIssue[] = [];
  if (answers.gateway !== 'none' && !aiPlatformOf(answers).account) {
    issues.push({
      path: ['gateway'],
      message: `cannot be ${answers.gateway} without a model endpoint to front: with --foundry none, add openai or aiservices to --services, or pass --gateway none`,
    });
  }
  const plan = planNetworks(answers);
  const networks = 'key' in plan ? undefined : plan;
  if (answers.topology === 'existing-hub') issues.push(...existingHubZoneRules(answers), ...hubAddressRules(answers, networks));
  if ('key' in plan) issues.push({ path: [plan.key], message: plan.message });
  return networks ? { networks, issues } : { issues };
}

/** The zones the private endpoints (and API Management) need must all be named, unless Azure Policy writes the records. */
function existingHubZoneRules(answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const needed = existingHubZonesFor(answers);
  const inUse = privateEndpointZonesFor(answers);
  const matched = new Set<PrivateDnsZone>();
  for (const [index, id] of (answers.privateDnsZoneIds ?? []).entries()) {
    const zone = inUse.find((candidate) => candidate.pattern.test(zoneNameOf(id)));
    if (!zone) {
      issues.push({
        path: ['privateDnsZoneIds', index],
        message: `names zone ${zoneNameOf(id)}, which this landing zone does not use; the zones it uses: ${inUse.map((candidate) => candidate.name).join(', ')}`,
      });
    } else if (matched.has(zone)) {
      issues.push({ path: ['privateDnsZoneIds', index], message: `names zone ${zoneNameOf(id)} a second time; give each zone once` });
    }
    if (zone) matched.add(zone);
  }
  const missing = needed.filter((zone) => !matched.has(zone));
  if (missing.length > 0) {
    const list = missing.map((zone) => `${zone.name} (${zone.purpose})`).join(', ');
    issues.push({
      path: ['privateDnsZoneIds'],
      message: answers.dnsZonesByPolicy
        ? `lacks the resource IDs of ${list}: no built-in Azure Policy definition registers an AI account's private endpoint in all of its zones, so this repository does`
        : `lacks the resource IDs of ${list}, or pass --dns-zones-by-policy if Azure Policy writes the private endpoints' records`,
    });
  }
  return issues;
}

/** A peered hub can never share the spoke's addresses: an IP in the spoke's range is a typo. */
function hubAddressRules(answers: Answers, networks: readonly EnvironmentNetworks[] | undefined): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const inSpoke = (ip: string) =>
    (networks ?? []).some(({ workload }) => contains(parseCidr(workload.vnetAddressPrefix) as Cidr, parseCidr(`${ip}/32`) as Cidr));
  if (answers.hubFirewallIp && inSpoke(answers.hubFirewallIp)) {
    issues.push({
      path: ['hubFirewallIp'],
      message: "lies in the spoke's own address space (--address-space), not in the hub; give the hub firewall's private IP",
    });
  }
  for (const [index, server] of (answers.hubDnsServers ?? []).entries()) {
    if (inSpoke(server))
      issues.push({
        path: ['hubDnsServers', index],
        message: "lies in the spoke's own address space (--address-space), not in the hub; give the hub's DNS server",
      });
  }
  return issues;
}
