import type { ViewModel } from '../model.js';
import { GUIDANCE_CATALOGUE, type GuidanceEntry, type GuidanceId } from './guidance-catalogue.js';
import { FOUNDRY_RULES } from './guidance-rules-foundry.js';
import { NETWORK_RULES } from './guidance-rules-network.js';
import { OPERATIONS_RULES } from './guidance-rules-operations.js';
import { SECURITY_RULES } from './guidance-rules-security.js';
import type { GuidanceRule, GuidanceVerdict } from './guidance-verdict.js';

export { evidenceByFile, type GuidanceEvidence } from './guidance-evidence.js';
export { answerText, type GuidanceVerdict } from './guidance-verdict.js';

/**
 * The data behind the generated docs/guidance.md: for one set of answers, every GUIDANCE ID once, with
 * where the generated repository satisfies it (file and Bicep symbol, or workflow job), which answer
 * turned it off, or what a person must do because it lives outside infrastructure-as-code.
 */

export type GuidanceStatus = GuidanceEntry & GuidanceVerdict;

export function guidanceStatusOf(model: ViewModel): readonly GuidanceStatus[] {
  return GUIDANCE_CATALOGUE.map((entry) => ({ ...entry, ...RULES[entry.id](model) }));
}

/** One rule per ID, from the rules of each area: the Record makes a missing ID a compile error, each area's table an unknown one. */
const RULES: Readonly<Record<GuidanceId, GuidanceRule>> = { ...NETWORK_RULES, ...FOUNDRY_RULES, ...SECURITY_RULES, ...OPERATIONS_RULES };
