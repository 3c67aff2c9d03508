import type { GuidanceId } from '../docs/guidance-catalogue.js';
import { type GuidanceEvidence, guidanceStatusOf } from '../docs/guidance-status.js';
import type { ViewModel } from '../model.js';
import { type ArmTemplate, type CompiledLandingZone } from './arm.js';
import { endpointClientFindings } from './endpoint-clients.js';
import { firewallFindings, nsgFindings, peeringFindings, rangeFindings, routeTableFindings, subnetFindings, zoneLinkFindings } from './network-checks.js';
import {
  apiManagementFindings,
  bastionFindings,
  edgeFindings,
  jumpboxFindings,
  publicEndpointFindings,
  regionalNetworkFindings,
  vpnFindings,
} from './doors.js';
import { certificateAccessFindings, certificateVaultDnsFindings } from './certificate-access.js';
import {
  accountOutboundFindings,
  agentStorageFindings,
  flowLogFindings,
  flowLogStoreFindings,
  jumpboxMonitorAgentFindings,
  monitorPrivateLinkFindings,
  platformEgressFindings,
} from './control-checks.js';
import { securityRuleResourceFindings, subnetResourceFindings } from './child-resources.js';
import { guidanceIdsOf } from './finding-guidance.js';
import type { Finding } from './findings.js';
import {
  allowListFindings,
  contentFilterFindings,
  defenderFindings,
  dnsFindings,
  foundryAccountFindings,
  hubOutboundRuleFindings,
  identityFindings,
  missingHubFindings,
  monitoringFindings,
  policyFindings,
  roleFindings,
} from './guards.js';
import { modelLifecycleFindings } from './model-lifecycle-checks.js';
import { platformFindings } from './platform.js';

/**
 * Conformance: every IaC-kind GUIDANCE ID that applies to the stored answers, checked in the compiled ARM
 * JSON and the built parameters of each environment. Which IDs apply, and the evidence of a pass, come from
 * the same rules as docs/guidance.md, so the document and the check cannot disagree about what is expected.
 */

/** What `bicep build` and `bicep build-params` produced for one repository. */
export type ConformanceStatus = 'pass' | 'fail' | 'not-applicable';

export interface ConformanceResult {
  readonly id: GuidanceId;
  readonly title: string;
  readonly status: ConformanceStatus;
  /** Where the repository satisfies the ID (file and symbol); for a failure, where to look. */
  readonly evidence: readonly GuidanceEvidence[];
  /** What is wrong, each naming the module deployment and resource type where it can. */
  readonly problems: readonly string[];
  /** Why the ID does not apply: the answer that turned it off. */
  readonly because?: string;
}

interface CheckInput extends CompiledLandingZone {
  readonly model: ViewModel;
  /** The day the model versions are judged on (YYYY-MM-DD). */
  readonly today: string;
  /** Findings that several IDs take their share of, each worked out once per run. */
  readonly platform: () => readonly Finding[];
  readonly publicEndpoints: () => readonly Finding[];
  readonly apiManagement: () => readonly Finding[];
  readonly subnets: () => readonly Finding[];
  /** Nothing where the answers deploy no Azure Monitor Private Link Scope (an existing hub). */
  readonly monitorPrivateLink: () => readonly Finding[];
}

/** A function that computes its value on the first call and returns it from then on. */
function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

const certificateAccessOf = (template: ArmTemplate, model: CheckInput['model']) =>
  certificateAccessFindings(template, { edgeGateway: model.edgeGateway, accessPolicies: model.certificateVaultAccessPolicies });

/** Where each ID's findings are looked for; of those, the ID keeps the ones whose code counts against it (finding-guidance.ts). */
type Check = (input: CheckInput) => readonly Finding[];

const CHECKS = {
  'NET-01': ({ template, publicEndpoints, monitorPrivateLink }) => [...publicEndpoints(), ...monitorPrivateLink(), ...flowLogStoreFindings(template)],
  'NET-02': ({ platform, monitorPrivateLink }) => [...platform(), ...monitorPrivateLink()],
  'NET-03': ({ platform, template }) => [...platform(), ...zoneLinkFindings(template)],
  'NET-04': ({ template, model }) => dnsFindings(template, { hubSpoke: model.hubSpoke, existingHub: model.existingHub, resolver: model.dnsResolver }),
  'NET-05': ({ template, environments, model }) =>
    policyFindings(template, environments, { zoneGroupPolicies: model.policyGuards.privateDnsZoneGroups.length > 0 }),
  'NET-06': ({ template }) => [...jumpboxFindings(template), ...bastionFindings(template)],
  'NET-07': (input) => [
    ...routeTableFindings(input.template, input.model.egressThroughFirewall),
    // Read from the template alone: a subnet added or edited by hand is judged too, whatever the answers say.
    ...platformEgressFindings(input.template),
    ...(input.model.firewall
      ? [
          ...firewallFindings(input.template, { apiManagement: input.model.apiManagement, agents: input.model.platform.agents }),
          ...allowListFindings(input.template, input.environments),
        ]
      : []),
    ...input.subnets(),
    ...input.platform(),
    ...accountOutboundFindings(input.template, { agents: input.model.platform.agents }),
  ],
  'NET-08': ({ apiManagement }) => apiManagement(),
  'NET-09': ({ template, model }) => [
    ...edgeFindings(template, model.answers.gateway),
    ...certificateAccessOf(template, model),
    ...certificateVaultDnsFindings(template, { edgeGateway: model.edgeGateway }),
  ],
  'NET-10': ({ template, model }) => peeringFindings(template, { hub: model.hubSpoke ? 'own' : 'existing', gateway: model.vpn, forwarding: model.firewall }),
  'NET-11': ({ template }) => vpnFindings(template),
  'NET-12': ({ template, environments, model, subnets }) => [
    ...nsgFindings(template, { privateGateway: model.frontDoor }),
    ...securityRuleResourceFindings(template),
    ...subnets(),
    ...rangeFindings(environments),
    ...endpointClientFindings(environments),
  ],
  'NET-14': ({ template, model, apiManagement }) => [
    ...regionalNetworkFindings(template, { firewallInHub: model.hubSpoke && model.firewall }),
    ...apiManagement(),
  ],
  'FDY-02': ({ template, publicEndpoints, platform }) => [...missingHubFindings(template), ...publicEndpoints(), ...platform()],
  'FDY-03': ({ template, platform }) => [...missingHubFindings(template), ...platform()],
  'FDY-04': ({ template, model }) => hubOutboundRuleFindings(template, { search: model.platform.search }),
  'FDY-05': ({ publicEndpoints, platform }) => [...publicEndpoints(), ...platform()],
  'FDY-06': ({ template, model, publicEndpoints, platform }) => [
    ...foundryAccountFindings(template, { agents: model.platform.agents }),
    ...publicEndpoints(),
    ...platform(),
  ],
  'SEC-02': ({ template, environments }) => defenderFindings(template, environments),
  'SEC-03': ({ template, environments, today }) => [...contentFilterFindings(template), ...modelLifecycleFindings(environments, today)],
  'SEC-05': ({ apiManagement }) => apiManagement(),
  'SEC-06': ({ template, platform }) => [...platform(), ...flowLogStoreFindings(template)],
  'SEC-09': ({ template, environments, model }) => [
    ...roleFindings(template, environments),
    ...agentStorageFindings(template),
    ...certificateAccessOf(template, model),
  ],
  'SEC-10': ({ template }) => identityFindings(template),
  'SEC-11': ({ template, model, platform }) => [
    ...platform(),
    ...monitoringFindings(template),
    ...flowLogFindings(template),
    ...(model.jumpbox ? jumpboxMonitorAgentFindings(template, { privateLink: model.monitorPrivateLink }) : []),
  ],
} satisfies Partial<Record<GuidanceId, Check>>;

/** An ID that `validate` checks: the IaC kind of GUIDANCE.md. */
export type CheckedId = keyof typeof CHECKS;

/** The IDs `validate` checks, in the catalogue's order. */
export const CHECKED_IDS = Object.keys(CHECKS) as CheckedId[];

const isChecked = (id: GuidanceId): id is CheckedId => id in CHECKS;

/** The messages of the findings that count against `id`, each once, in the order found. */
export function problemsOf(id: CheckedId, findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((found) => guidanceIdsOf(found).includes(id)).map((found) => found.message))];
}

/** `today` (YYYY-MM-DD) is the day the model versions are judged on: deprecated or retired then, SEC-03 fails. */
export function checkConformance(compiled: CompiledLandingZone, model: ViewModel, today: string): ConformanceResult[] {
  const { template } = compiled;
  const input: CheckInput = {
    ...compiled,
    model,
    today,
    platform: once(() => platformFindings(template, { zonesByPolicy: !model.dnsZoneGroups })),
    publicEndpoints: once(() => publicEndpointFindings(template)),
    apiManagement: once(() => apiManagementFindings(template)),
    subnets: once(() => [...subnetFindings(template), ...subnetResourceFindings(template, { egressThroughFirewall: model.egressThroughFirewall })]),
    monitorPrivateLink: once(() => (model.monitorPrivateLink ? monitorPrivateLinkFindings(template, { privateQueries: model.privateLogQueries }) : [])),
  };
  const found = new Map<CheckedId, readonly Finding[]>();
  const results = guidanceStatusOf(model)
    .filter((entry) => entry.kind === 'IaC')
    .map((entry): ConformanceResult => {
      const base = { id: entry.id, title: entry.title };
      if (entry.status === 'not-applicable') return { ...base, status: 'not-applicable', evidence: [], problems: [], because: entry.because };
      const evidence = entry.status === 'satisfied' ? entry.evidence : [];
      if (!isChecked(entry.id)) throw new Error(`no conformance check for ${entry.id}`);
      const check: Check = CHECKS[entry.id];
      found.set(entry.id, check(input));
      const problems = problemsOf(entry.id, found.get(entry.id)!);
      return { ...base, status: problems.length === 0 ? 'pass' : 'fail', evidence, problems };
    });
  const lost = uncounted(found);
  if (lost.length > 0)
    throw new Error(`findings that no applicable ID counts (CHECKS and finding-guidance.ts disagree): ${lost.map((finding) => finding.code).join(', ')}`);
  return results;
}

/**
 * Findings a check came across that count neither against its own ID nor against any other applicable ID
 * that looked where they are: a finding would vanish without a word. Each ID's findings by the IDs checked.
 */
export function uncounted(found: ReadonlyMap<CheckedId, readonly Finding[]>): Finding[] {
  const countedBy = (id: CheckedId, finding: Finding) =>
    (found.get(id) ?? []).some((other) => other.code === finding.code && other.message === finding.message);
  return [...found.values()].flat().filter((finding) => {
    const applicable = guidanceIdsOf(finding).filter((id) => found.has(id));
    // A finding only of IDs that do not apply here (an answer turned them off) has nowhere to count.
    return applicable.length > 0 && !applicable.some((id) => countedBy(id, finding));
  });
}
