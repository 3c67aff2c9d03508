import * as z from 'zod/mini';
import type { EnvironmentNetworks } from '../network/landing-zone-networks.js';
import { crossFieldRules } from './cross-field-rules.js';
import { type AnswerKey, type Answers, ANSWER_KEYS, CompleteAnswersSchema, type PartialAnswers } from './schema.js';
import { fieldInfo } from './fields.js';
import { type DerivedRangeKey, firstFreeRange } from './free-ranges.js';
import { workloadNameFromFolder } from './naming.js';
import { planAndCheck, type PlannedAnswers } from './planned-rules.js';

/** Where an answer came from; recorded in the state file so that a run can be reproduced. */
export type AnswerSource = 'flag' | 'file' | 'prompt' | 'default' | 'derived';

export interface AnswerLayers {
  readonly flags: PartialAnswers;
  readonly file: PartialAnswers;
  readonly prompted?: PartialAnswers;
}

export interface Resolved {
  readonly answers: Answers;
  /** The network plan the answers were validated against; the model is built from it rather than planned again. */
  readonly networks: readonly EnvironmentNetworks[];
  readonly sources: Readonly<Record<AnswerKey, AnswerSource>>;
}

/** Answers that have no default: without them nothing sensible can be generated. */
export const REQUIRED_KEYS: readonly AnswerKey[] = ['name', 'location'];

/**
 * Merges the layers (flag > answers file > prompt > derived default > schema default) without
 * validating: what is still missing afterwards is what a prompt or an error must ask for.
 */
export function mergeLayers(layers: AnswerLayers, folderName: string): { merged: PartialAnswers; sources: Partial<Record<AnswerKey, AnswerSource>> } {
  const merged: Record<string, unknown> = {};
  const sources: Partial<Record<AnswerKey, AnswerSource>> = {};
  const ordered: [AnswerSource, PartialAnswers | undefined][] = [
    ['flag', layers.flags],
    ['file', layers.file],
    ['prompt', layers.prompted],
  ];
  for (const key of ANSWER_KEYS) {
    for (const [source, layer] of ordered) {
      const value = layer?.[key];
      if (value !== undefined) {
        merged[key] = value;
        sources[key] = source;
        break;
      }
    }
  }
  const derived = deriveDefaults(merged as PartialAnswers, folderName);
  for (const [key, value] of Object.entries(derived) as [AnswerKey, unknown][]) {
    if (merged[key] === undefined && value !== undefined) {
      merged[key] = value;
      sources[key] = 'derived';
    }
  }
  return { merged: merged as PartialAnswers, sources };
}

/**
 * Defaults that depend on other answers or on the target folder, each valid with the answers so far:
 * the jumpbox follows the firewall rule, and a derived range skips what the given ranges already use.
 */
export function deriveDefaults(partial: PartialAnswers, folderName: string): PartialAnswers {
  const hubSpoke = (partial.topology ?? 'hub-spoke') === 'hub-spoke';
  // A jumpbox, API Management and the agents need a way out (sign-in, updates, platform dependencies), and the firewall
  // is the only one (./cross-field-rules.ts, wayOutRules).
  const needsWayOut = (partial.jumpbox ?? true) || (partial.gateway ?? fieldInfo('gateway').defaultValue) !== 'none' || partial.agents === true;
  const firewall = partial.firewall ?? (hubSpoke || (partial.topology === 'single-vnet' && needsWayOut));
  const derived: PartialAnswers = {
    name: workloadNameFromFolder(folderName),
    firewall,
    jumpbox: !firewall && partial.topology !== 'existing-hub' ? false : undefined,
    dnsZonesByPolicy: partial.topology === 'existing-hub' ? false : undefined,
    certificateKeyVaultPermissionModel: partial.gateway === 'apim-appgw' || partial.gateway === 'apim-frontdoor' ? 'rbac' : undefined,
  };
  // In the planner's order (hub, pool, agent subnet), each range seeing the ones derived before it.
  const ranges: [DerivedRangeKey, string | undefined][] = [
    ['hubAddressSpace', hubSpoke ? '10.50.0.0/23' : undefined],
    ['vpnClientAddressPool', partial.vpn === 'p2s' ? '172.16.200.0/24' : undefined],
    ['agentAddressSpace', partial.agents === true ? '192.168.0.0/24' : undefined],
  ];
  const withRanges: Record<string, unknown> = { ...partial };
  for (const [key, preferred] of ranges) {
    if (preferred === undefined) continue;
    derived[key] = firstFreeRange(key, preferred, withRanges as PartialAnswers);
    withRanges[key] ??= derived[key];
  }
  return derived;
}

/** Answers without a default that the other answers make necessary, with the answer that does. */
export function conditionallyRequired(merged: PartialAnswers): { key: AnswerKey; because: string }[] {
  const gateway = merged.gateway ?? fieldInfo('gateway').defaultValue;
  // A gateway nobody chose is named as the default, so nobody hunts for a flag they did not pass.
  const byGateway = merged.gateway === undefined ? `the default --gateway ${gateway}` : `--gateway ${gateway}`;
  return [
    ...(gateway !== 'none' ? [{ key: 'publisherEmail' as const, because: byGateway }] : []),
    ...(gateway === 'apim-appgw' || gateway === 'apim-frontdoor'
      ? (['gatewayHostName', 'certificateUri', 'certificateKeyVaultId'] as const).map((key) => ({ key, because: byGateway }))
      : []),
    ...(merged.topology === 'existing-hub' ? (['hubVnetId', 'hubDnsServers'] as const).map((key) => ({ key, because: '--topology existing-hub' })) : []),
  ];
}

/** Answers that have no default and were not given: always required ones first, then those other answers require. */
export function missingRequired(merged: PartialAnswers): AnswerKey[] {
  return [...REQUIRED_KEYS, ...conditionallyRequired(merged).map(({ key }) => key)].filter((key) => merged[key] === undefined);
}

/** Complete answers and the rules between them that the answers alone decide. */
const AnswersSchema = CompleteAnswersSchema.check(z.superRefine(crossFieldRules));

/**
 * Validates merged answers against the schema, the cross-field rules and the network plan; every key not
 * given is filled from the schema default. The valid answers come back with the plan they were checked against.
 */
export function finalize(merged: PartialAnswers, sources: Partial<Record<AnswerKey, AnswerSource>>): Resolved | { issues: z.core.$ZodIssue[] } {
  // The planned rules run as one more refinement rather than after the parse: zod runs refinements after
  // issues with single answers too (a range that is not private, a bad email), so one run reports every problem.
  const planned: { result?: PlannedAnswers } = {};
  const result = AnswersSchema.check(
    z.superRefine((answers: Answers, context) => {
      planned.result = planAndCheck(answers);
      // An answer already refused on its own (a range that does not parse) is not reported a second time by the planner.
      const refused = new Set(context.issues.map((issue) => issue.path?.[0]));
      for (const { path, message } of planned.result.issues) {
        if (!refused.has(path[0])) context.addIssue({ code: 'custom', path: [...path], message });
      }
    }),
  ).safeParse(merged);
  if (!result.success) return { issues: result.error.issues };
  // Without a plan there is an issue, so valid answers always have one.
  const networks = planned.result?.networks;
  if (!networks) throw new Error('internal: valid answers without an address plan');
  const complete = Object.fromEntries(ANSWER_KEYS.map((key) => [key, sources[key] ?? 'default'])) as Record<AnswerKey, AnswerSource>;
  return { answers: result.data, networks, sources: complete };
}

/**
 * What the rules say about one answer, given the answers so far; the answers not given yet count at
 * their defaults, so a question can refuse at once what the answers before it already rule out. The
 * messages are the flags' own: one source of truth for both.
 */
export function issuesWith(key: AnswerKey, soFar: PartialAnswers, folderName: string): string[] {
  const { merged, sources } = mergeLayers({ flags: soFar, file: {} }, folderName);
  const result = finalize(merged, sources);
  if (!('issues' in result)) return [];
  return [...new Set(result.issues.filter((issue) => issue.path[0] === key).map((issue) => issue.message))];
}

/** The answers still missing or refused once every question is answered, in question order: the ones to ask again. */
export function unsettledKeys(answers: PartialAnswers, folderName: string): AnswerKey[] {
  const { merged, sources } = mergeLayers({ flags: answers, file: {} }, folderName);
  const result = finalize(merged, sources);
  const keys = new Set<unknown>([...missingRequired(merged), ...('issues' in result ? result.issues.map((issue) => issue.path[0]) : [])]);
  return ANSWER_KEYS.filter((key) => keys.has(key));
}
