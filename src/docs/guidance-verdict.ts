import type { AnswerKey } from '../answers/schema.js';
import type { ViewModel } from '../model.js';
import type { GuidanceId } from './guidance-catalogue.js';
import type { GuidanceEvidence } from './guidance-evidence.js';

/** What a rule decides for one ID. `note` says honestly where a satisfied ID is only partly satisfied. */
export type GuidanceVerdict = { readonly note?: string } & (
  | { readonly status: 'satisfied'; readonly evidence: readonly GuidanceEvidence[] }
  | { readonly status: 'not-applicable'; /** Names the answer that turned it off, e.g. "gateway=none: …". */ readonly because: string }
  | { readonly status: 'manual'; /** Concrete steps a person must do. */ readonly steps: readonly string[] }
);

/** The rule of one guidance ID: what it decides for one set of answers. */
export type GuidanceRule = (model: ViewModel) => GuidanceVerdict;

/** The rules of one area by ID (`NET`: every NET-xx), so that a missing or unknown ID of the area is a compile error. */
export type AreaRules<Area extends string> = { readonly [Id in Extract<GuidanceId, `${Area}-${string}`>]: GuidanceRule };

// ---------------------------------------------------------------------------------------------------------
// Small builders, so that each rule reads as the recommendation it checks.

export function satisfied(evidence: readonly GuidanceEvidence[], note?: string): GuidanceVerdict {
  return { status: 'satisfied', evidence, ...(note && { note }) };
}

export function notApplicable(because: string, note?: string): GuidanceVerdict {
  return { status: 'not-applicable', because, ...(note && { note }) };
}

export function manual(steps: readonly string[], note?: string): GuidanceVerdict {
  return { status: 'manual', steps, ...(note && { note }) };
}

/** Joins the sentences that apply into one note, or none. */
export function notes(...sentences: (string | false | undefined)[]): string | undefined {
  const kept = sentences.filter((sentence): sentence is string => typeof sentence === 'string' && sentence.length > 0);
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/** An answer as `key=value`, the way the summary line (`choices`) writes it, so a reason names what was chosen. */
export function answerText(model: ViewModel, key: AnswerKey): string {
  const value: unknown = model.answers[key];
  const text = Array.isArray(value) ? value.join(',') || 'none' : value === undefined ? 'none' : String(value);
  return `${key}=${text}`;
}
