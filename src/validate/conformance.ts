import type { GuidanceId } from '../docs/guidance-catalogue.js';
import { type GuidanceEvidence, guidanceStatusOf } from '../docs/guidance-status.js';
import type { ViewModel } from '../model.js';
import { type ArmTemplate, allResources, firewallProblems, nsgProblems, peeringProblems, rangeProblems, routeTableProblems, subnetProblems, zoneLinkProblems } from './arm.js';
import { apiManagementProblems, edgeProblems, jumpboxProblems, publicEndpointProblems, regionalNetworkProblems, vpnProblems } from './doors.js';
import { allowListProblems, contentFilterProblems, defenderProblems, dnsProblems, foundryAccountProblems, hubOutboundRuleProblems, identityProblems, missingHubProblems, monitoringProblems, policyProblems, roleProblems } from './guards.js';
import { platformProblems } from './platform.js';

/**
 * Conformance: every IaC-kind GUIDANCE ID that applies to the stored answers, checked in the compiled ARM
 * JSON and the built parameters of each environment. Which IDs apply, and the evidence of a pass, come from
 * the same rules as docs/guidance.md, so the document and the check cannot disagree about what is expected.
 */

/** What `bicep build` and `bicep build-params` produced for one repository. */
export interface CompiledLandingZone {
  readonly template: ArmTemplate;
  /** The built parameters of each environment, by environment name. */
  readonly environments: Readonly<Record<string, Readonly<Record<string, { readonly value?: unknown }>>>>;
}

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
  /** Problem lists that several IDs take their share of, each worked out once per run. */
  readonly platform: () => readonly string[];
  readonly publicEndpoints: () => readonly string[];
  readonly apiManagement: () => readonly string[];
  readonly subnets: () => readonly string[];
}

/** A function that computes its value on the first call and returns it from then on. */
function once<T>(compute: () => T): () => T {
  let value: { readonly result: T } | undefined;
  return () => (value ??= { result: compute() }).result;
}

/** Only the problems a check tagged with this ID, e.g. `… (SEC-06)`; untagged ones belong to the check's own ID. */
const taggedWith = (id: GuidanceId, problems: readonly string[]) => problems.filter((problem) => problem.includes(id));

/** The problems that name one of these modules (`module: …`). */
const inModules = (modules: readonly string[], problems: readonly string[]) => problems.filter((problem) => modules.some((module) => problem.startsWith(`${module}: `)));

/** The modules of the services a Foundry hub brings along (FDY-05). */
const HUB_SERVICES = ['ai-services', 'storage', 'key-vault', 'container-registry', 'search'];

const CHECKS: Readonly<Partial<Record<GuidanceId, (input: CheckInput) => readonly string[]>>> = {
  'NET-01': ({ publicEndpoints }) => publicEndpoints(),
  'NET-02': ({ platform }) => taggedWith('NET-02', platform()),
  'NET-03': ({ platform, template }) => [...taggedWith('NET-03', platform()), ...zoneLinkProblems(template)],
  'NET-04': ({ template, model }) => dnsProblems(template, { hubSpoke: model.hubSpoke, existingHub: model.existingHub, resolver: model.dnsResolver }),
  'NET-05': ({ template, environments, model }) => policyProblems(template, environments, { zoneGroupPolicies: model.policyGuards.privateDnsZoneGroups.length > 0 }),
  'NET-06': ({ template }) => [...jumpboxProblems(template), ...bastionProblems(template)],
  'NET-07': (input) => [
    ...routeTableProblems(input.template, input.model.egressThroughFirewall),
    ...(input.model.firewall ? [...firewallProblems(input.template, { apiManagement: input.model.apiManagement }), ...allowListProblems(input.template, input.environments)] : []),
    ...input.subnets().filter(isDefaultOutbound),
    ...taggedWith('NET-07', input.platform()),
  ],
  'NET-08': ({ apiManagement }) => apiManagement().filter((problem) => !/\((SEC-05|NET-14)\)$/.test(problem)),
  'NET-09': ({ template, model }) => edgeProblems(template, model.answers.gateway),
  'NET-10': ({ template, model }) => peeringProblems(template, { hub: model.hubSpoke ? 'own' : 'existing', gateway: model.vpn, forwarding: model.firewall }),
  'NET-11': ({ template }) => vpnProblems(template),
  'NET-12': ({ template, environments, model, subnets }) => [
    ...nsgProblems(template, { privateGateway: model.frontDoor }),
    // Everything else subnetProblems finds is about the subnets' NSGs (or their absence).
    ...subnets().filter((problem) => !isDefaultOutbound(problem)),
    ...rangeProblems(environments),
  ],
  'NET-14': ({ template, apiManagement }) => [...regionalNetworkProblems(template), ...taggedWith('NET-14', apiManagement())],
  'FDY-02': ({ template, publicEndpoints, platform }) => [...missingHubProblems(template), ...inModules(['foundry-hub'], [...publicEndpoints(), ...taggedWith('NET-02', platform())])],
  // A Machine Learning workspace's managed network is NET-07's; FDY-03 is the hub's.
  'FDY-03': ({ template, platform }) => [...missingHubProblems(template), ...inModules(['foundry-hub'], taggedWith('FDY-03', platform()))],
  'FDY-04': ({ template, model }) => hubOutboundRuleProblems(template, { search: model.platform.search }),
  'FDY-05': ({ publicEndpoints, platform }) => inModules(HUB_SERVICES, [...publicEndpoints(), ...taggedWith('SEC-06', platform())]),
  'FDY-06': ({ template, model, publicEndpoints, platform }) => [
    ...foundryAccountProblems(template, { agents: model.platform.agents }),
    ...inModules(['foundry'], [...publicEndpoints(), ...taggedWith('NET-02', platform())]),
  ],
  'SEC-02': ({ template, environments }) => defenderProblems(template, environments),
  'SEC-03': ({ template }) => contentFilterProblems(template),
  'SEC-05': ({ apiManagement }) => taggedWith('SEC-05', apiManagement()),
  'SEC-06': ({ platform }) => taggedWith('SEC-06', platform()),
  'SEC-09': ({ template, environments }) => roleProblems(template, environments),
  'SEC-10': ({ template }) => identityProblems(template),
  'SEC-11': ({ template, platform }) => [...taggedWith('SEC-11', platform()), ...monitoringProblems(template)],
};

const isDefaultOutbound = (problem: string) => problem.endsWith('default outbound access');

/** NET-06: Bastion is the way to the jumpbox. */
function bastionProblems(template: ArmTemplate): string[] {
  return allResources(template).some((resource) => resource.type === 'Microsoft.Network/bastionHosts') ? [] : ['bastion: no Azure Bastion in front of the jumpbox'];
}

/** The IDs `validate` checks: the IaC kind of GUIDANCE.md. */
export const CHECKED_IDS = Object.keys(CHECKS) as GuidanceId[];

export function checkConformance(compiled: CompiledLandingZone, model: ViewModel): ConformanceResult[] {
  const { template } = compiled;
  const input: CheckInput = {
    ...compiled,
    model,
    platform: once(() => platformProblems(template, { zoneGroups: model.dnsZoneGroups })),
    publicEndpoints: once(() => publicEndpointProblems(template)),
    apiManagement: once(() => apiManagementProblems(template)),
    subnets: once(() => subnetProblems(template)),
  };
  return guidanceStatusOf(model)
    .filter((entry) => entry.kind === 'IaC')
    .map((entry): ConformanceResult => {
      const base = { id: entry.id, title: entry.title };
      if (entry.status === 'not-applicable') return { ...base, status: 'not-applicable', evidence: [], problems: [], because: entry.because };
      const evidence = entry.status === 'satisfied' ? entry.evidence : [];
      const check = CHECKS[entry.id];
      if (!check) throw new Error(`no conformance check for ${entry.id}`);
      const problems = [...new Set(check(input))];
      return { ...base, status: problems.length === 0 ? 'pass' : 'fail', evidence, problems };
    });
}
