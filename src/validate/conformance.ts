import type { GuidanceId } from '../docs/guidance-catalogue.js';
import { type GuidanceEvidence, guidanceStatusOf } from '../docs/guidance-status.js';
import type { ViewModel } from '../model.js';
import { type ArmTemplate, firewallProblems, ownResources, nsgProblems, peeringProblems, rangeProblems, routeTableProblems, subnetProblems, zoneLinkProblems } from './arm.js';
import { apiManagementProblems, edgeProblems, jumpboxProblems, publicEndpointProblems, regionalNetworkProblems, vpnProblems } from './doors.js';
import { allowListProblems, contentFilterProblems, defenderProblems, dnsProblems, foundryAccountProblems, hubOutboundRuleProblems, identityProblems, monitoringProblems, policyProblems, roleProblems } from './guards.js';
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
}

/** Only the problems a check tagged with this ID, e.g. `… (SEC-06)`; untagged ones belong to the check's own ID. */
const taggedWith = (id: GuidanceId, problems: readonly string[]) => problems.filter((problem) => problem.includes(id));

/** The problems that name one of these modules (`module: …`). */
const inModules = (modules: readonly string[], problems: readonly string[]) => problems.filter((problem) => modules.some((module) => problem.startsWith(`${module}: `)));

const platform = ({ template, model }: CheckInput) => platformProblems(template, { zoneGroups: model.dnsZoneGroups });

/** The modules of the services a Foundry hub brings along (FDY-05). */
const HUB_SERVICES = ['ai-services', 'storage', 'key-vault', 'container-registry', 'search'];

const CHECKS: Readonly<Partial<Record<GuidanceId, (input: CheckInput) => readonly string[]>>> = {
  'NET-01': ({ template }) => publicEndpointProblems(template),
  'NET-02': (input) => taggedWith('NET-02', platform(input)),
  'NET-03': (input) => [...taggedWith('NET-03', platform(input)), ...zoneLinkProblems(input.template)],
  'NET-04': ({ template, model }) => dnsProblems(template, { hubSpoke: model.hubSpoke, existingHub: model.existingHub, resolver: model.dnsResolver }),
  'NET-05': ({ template, environments, model }) => policyProblems(template, environments, { zoneGroupPolicies: model.policyGuards.privateDnsZoneGroups.length > 0 }),
  'NET-06': ({ template }) => [...jumpboxProblems(template), ...bastionProblems(template)],
  'NET-07': (input) => [
    ...routeTableProblems(input.template, input.model.egressThroughFirewall),
    ...(input.model.firewall ? [...firewallProblems(input.template, { apiManagement: input.model.apiManagement }), ...allowListProblems(input.template, input.environments)] : []),
    ...subnetProblems(input.template).filter((problem) => problem.endsWith('default outbound access')),
    ...taggedWith('NET-07', platform(input)),
  ],
  'NET-08': ({ template }) => apiManagementProblems(template).filter((problem) => !/\((SEC-05|NET-14)\)$/.test(problem)),
  'NET-09': ({ template, model }) => edgeProblems(template, model.answers.gateway),
  'NET-10': ({ template, model }) => peeringProblems(template, { hub: model.hubSpoke ? 'own' : 'existing', gateway: model.vpn, forwarding: model.firewall }),
  'NET-11': ({ template }) => vpnProblems(template),
  'NET-12': ({ template, environments, model }) => [
    ...nsgProblems(template, { privateGateway: model.frontDoor }),
    ...subnetProblems(template).filter((problem) => problem.endsWith('has no network security group')),
    ...rangeProblems(environments as Record<string, Record<string, { value: unknown }>>),
  ],
  'NET-14': ({ template }) => [...regionalNetworkProblems(template), ...taggedWith('NET-14', apiManagementProblems(template))],
  'FDY-02': (input) => [...hubMissing(input.template), ...inModules(['foundry-hub'], [...publicEndpointProblems(input.template), ...taggedWith('NET-02', platform(input))])],
  // A Machine Learning workspace's managed network is NET-07's; FDY-03 is the hub's.
  'FDY-03': (input) => [...hubMissing(input.template), ...inModules(['foundry-hub'], taggedWith('FDY-03', platform(input)))],
  'FDY-04': ({ template, model }) => hubOutboundRuleProblems(template, { search: model.platform.search }),
  'FDY-05': (input) => inModules(HUB_SERVICES, [...publicEndpointProblems(input.template), ...taggedWith('SEC-06', platform(input))]),
  'FDY-06': (input) => [
    ...foundryAccountProblems(input.template, { agents: input.model.platform.agents }),
    ...inModules(['foundry'], [...publicEndpointProblems(input.template), ...taggedWith('NET-02', platform(input))]),
  ],
  'SEC-02': ({ template, environments }) => defenderProblems(template, environments),
  'SEC-03': ({ template }) => contentFilterProblems(template),
  'SEC-05': ({ template }) => taggedWith('SEC-05', apiManagementProblems(template)),
  'SEC-06': (input) => taggedWith('SEC-06', platform(input)),
  'SEC-09': ({ template, environments }) => roleProblems(template, environments),
  'SEC-10': ({ template }) => identityProblems(template),
  'SEC-11': (input) => [...taggedWith('SEC-11', platform(input)), ...monitoringProblems(input.template)],
};

/** FDY-02, FDY-03: the checks of the hub's workspace mean nothing without it. */
function hubMissing(template: ArmTemplate): string[] {
  return ownResources(template).some((resource) => resource.name === 'foundry-hub') ? [] : ['foundry-hub: no Foundry hub deployment'];
}

/** NET-06: Bastion is the way to the jumpbox. */
function bastionProblems(template: ArmTemplate): string[] {
  return JSON.stringify(template).includes('"Microsoft.Network/bastionHosts"') ? [] : ['bastion: no Azure Bastion in front of the jumpbox'];
}

/** The IDs `validate` checks: the IaC kind of GUIDANCE.md. */
export const CHECKED_IDS = Object.keys(CHECKS) as GuidanceId[];

export function checkConformance(compiled: CompiledLandingZone, model: ViewModel): ConformanceResult[] {
  return guidanceStatusOf(model)
    .filter((entry) => entry.kind === 'IaC')
    .map((entry): ConformanceResult => {
      const base = { id: entry.id, title: entry.title };
      if (entry.status === 'not-applicable') return { ...base, status: 'not-applicable', evidence: [], problems: [], because: entry.because };
      const evidence = entry.status === 'satisfied' ? entry.evidence : [];
      const check = CHECKS[entry.id];
      if (!check) throw new Error(`no conformance check for ${entry.id}`);
      const problems = [...new Set(check({ ...compiled, model }))];
      return { ...base, status: problems.length === 0 ? 'pass' : 'fail', evidence, problems };
    });
}
