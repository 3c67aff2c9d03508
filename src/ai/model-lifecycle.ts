/**
 * When each model version stops taking new deployments and when it stops answering, so that `create` never
 * generates a deployment that will fail and `validate`/`upgrade` name the versions a repository must move off.
 *
 * Sources, consulted on 2026-12-03 (RELEASE_DATE):
 * - Azure OpenAI in Microsoft Foundry model deprecations and retirements,
 *   https://learn.microsoft.com/azure/foundry/openai/concepts/model-retirements (its "Current models" table,
 *   MicrosoftDocs/azure-ai-docs articles/foundry/openai/includes/retirement/models.md, the revision that lists
 *   gpt-5.5): deprecation date ("no new customers"), retirement date and replacement per version.
 * - Foundry Models retirement schedule (MicrosoftDocs/azure-ai-docs
 *   articles/foundry/openai/includes/concepts-model-retirement-schedule-content.md, ms.date 2026-07-07): the
 *   lifecycle stage and retirement date, including the Foundry Models sold by Azure such as DeepSeek.
 *
 * Deprecated means a subscription that never deployed the version can no longer deploy it (a new landing
 * zone's subscription usually has not); retired means every deployment of it returns errors.
 *
 * Where the two disagree the later date is kept only when the policy backs it: the page guarantees a GA
 * version to new customers for at least 12 months from its release. The table's six-month deprecation dates
 * for gpt-5.2 and later contradict that policy and the later schedule (which still listed gpt-5.2 as GA on
 * 2026-07-07, after its table date 2026-06-12), so for those the deprecation date is the version date plus
 * 12 months ("no earlier than"). Where Microsoft names no replacement, or names one that is itself
 * deprecated, `replacement` is the deployable model of the same tier this catalogue offers, and `note` says so.
 */

/** A calendar date, YYYY-MM-DD (UTC). */
export type IsoDate = string;

/** The date the catalogue was checked against Microsoft's pages: tests judge the default as of this day. */
export const RELEASE_DATE: IsoDate = '2026-12-03';

/** `create` warns this many days or fewer before a model's retirement. */
export const RETIREMENT_WARNING_DAYS = 90;

export interface VersionLifecycle {
  /** From this day, subscriptions that never deployed the version cannot deploy it; undefined when none is announced. */
  readonly deprecatedFrom?: IsoDate;
  /** From this day, deployments of the version return errors. */
  readonly retiresOn: IsoDate;
  /** The model to move to, one this generator offers. */
  readonly replacement?: string;
  /** Why the replacement is not Microsoft's, or what else the reader should know. */
  readonly note?: string;
}

/** Keyed `name@version`, as deployed (model.name and model.version of the deployment). */
export const MODEL_LIFECYCLE: Readonly<Record<string, VersionLifecycle>> = {
  'gpt-4o@2024-05-13': {
    deprecatedFrom: '2025-05-13',
    retiresOn: '2026-10-01',
    replacement: 'gpt-5.5',
    note: 'Microsoft names gpt-5.1, itself deprecated since 2026-11-13',
  },
  'gpt-4o@2024-08-06': {
    deprecatedFrom: '2025-08-06',
    retiresOn: '2026-10-01',
    replacement: 'gpt-5.5',
    note: 'Microsoft names gpt-5.1, itself deprecated since 2026-11-13',
  },
  'gpt-4o@2024-11-20': {
    deprecatedFrom: '2025-11-20',
    retiresOn: '2026-10-01',
    replacement: 'gpt-5.5',
    note: 'Microsoft names gpt-5.1, itself deprecated since 2026-11-13',
  },
  // Standard deployments retired on 2026-03-31; Global, Data Zone and provisioned ones on 2026-10-01.
  'gpt-4o-mini@2024-07-18': {
    deprecatedFrom: '2025-07-18',
    retiresOn: '2026-10-01',
    replacement: 'gpt-5.4-mini',
    note: 'Microsoft names gpt-4.1-mini, itself retired',
  },
  'gpt-4.1@2025-04-14': {
    deprecatedFrom: '2026-04-14',
    retiresOn: '2026-10-14',
    replacement: 'gpt-5.5',
    note: 'Microsoft names gpt-5, itself deprecated since 2026-08-07',
  },
  'gpt-4.1-mini@2025-04-14': {
    deprecatedFrom: '2026-04-14',
    retiresOn: '2026-10-14',
    replacement: 'gpt-5.4-mini',
    note: 'Microsoft names gpt-5-mini, itself deprecated since 2026-08-07',
  },
  'gpt-4.1-nano@2025-04-14': {
    deprecatedFrom: '2026-04-14',
    retiresOn: '2026-10-14',
    replacement: 'gpt-5.4-mini',
    note: 'Microsoft names gpt-5-nano, itself deprecated since 2026-08-07',
  },
  'o3@2025-04-16': { deprecatedFrom: '2026-04-16', retiresOn: '2026-10-16', replacement: 'gpt-5.5', note: 'Microsoft names no replacement' },
  'o4-mini@2025-04-16': { deprecatedFrom: '2026-04-16', retiresOn: '2026-10-16', replacement: 'gpt-5.4-mini', note: 'Microsoft names no replacement' },
  'gpt-5@2025-08-07': { deprecatedFrom: '2026-08-07', retiresOn: '2027-02-06', replacement: 'gpt-5.5', note: 'Microsoft names no replacement' },
  'gpt-5-mini@2025-08-07': { deprecatedFrom: '2026-08-07', retiresOn: '2027-02-06', replacement: 'gpt-5.4-mini', note: 'Microsoft names no replacement' },
  'gpt-5-nano@2025-08-07': { deprecatedFrom: '2026-08-07', retiresOn: '2027-02-06', replacement: 'gpt-5.4-mini', note: 'Microsoft names no replacement' },
  'gpt-5.1@2025-11-13': { deprecatedFrom: '2026-11-13', retiresOn: '2027-05-15', replacement: 'gpt-5.5', note: 'Microsoft names no replacement' },
  'gpt-5.2@2025-12-11': { deprecatedFrom: '2026-12-11', retiresOn: '2026-12-12', replacement: 'gpt-5.5', note: 'Microsoft names no replacement' },
  // No earlier than 12 months after release; the table's 2026-09-05 / 2026-09-18 / 2026-10-24 see above.
  'gpt-5.4@2026-03-05': { deprecatedFrom: '2027-03-05', retiresOn: '2027-03-05' },
  'gpt-5.4-mini@2026-03-17': { deprecatedFrom: '2027-03-17', retiresOn: '2027-03-18' },
  'gpt-5.5@2026-04-24': { deprecatedFrom: '2027-04-24', retiresOn: '2027-04-23' },
  // Foundry Models sold by Azure: DeepSeek-R1 went Legacy and retired on 2026-08-13. Microsoft names DeepSeek-V4-Pro,
  // a preview; DeepSeek-V3.2 is the generally available DeepSeek model with no retirement date.
  'DeepSeek-R1@1': { retiresOn: '2026-08-13', replacement: 'DeepSeek-V3.2', note: 'Microsoft names DeepSeek-V4-Pro, a preview' },
};

export type LifecycleStage = 'available' | 'deprecated' | 'retired';

export interface LifecycleVerdict {
  readonly model: string;
  readonly version: string;
  readonly stage: LifecycleStage;
  readonly retiresOn: IsoDate;
  readonly daysToRetirement: number;
  readonly deprecatedFrom?: IsoDate;
  readonly replacement?: string;
  readonly note?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Where a version stands on `today`; undefined for a version this catalogue does not know (it says nothing about it). */
export function lifecycleOf(model: string, version: string, today: IsoDate): LifecycleVerdict | undefined {
  const entry = MODEL_LIFECYCLE[`${model}@${version}`];
  if (!entry) return undefined;
  const daysToRetirement = daysBetween(today, entry.retiresOn);
  const stage: LifecycleStage =
    daysToRetirement <= 0 ? 'retired' : entry.deprecatedFrom !== undefined && daysBetween(entry.deprecatedFrom, today) >= 0 ? 'deprecated' : 'available';
  return { model, version, stage, daysToRetirement, ...entry };
}

/** Whether a new deployment of the version works on `today` in a subscription that never deployed it. */
export const isDeployable = (verdict: LifecycleVerdict | undefined): boolean => verdict === undefined || verdict.stage === 'available';

/** What to do instead, in a phrase: "use gpt-5.5 (Microsoft names gpt-5, itself deprecated since 2026-08-07)". */
export function replacementAdvice(verdict: LifecycleVerdict): string {
  if (!verdict.replacement) return 'choose another model';
  return `use ${verdict.replacement}${verdict.note ? ` (${verdict.note})` : ''}`;
}

/** One sentence on a version that is deprecated, retired or close to retirement; undefined when nothing needs saying. */
export function lifecycleWarning(verdict: LifecycleVerdict): string | undefined {
  const named = `${verdict.model} ${verdict.version}`;
  switch (verdict.stage) {
    case 'retired':
      return `${named} was retired on ${verdict.retiresOn}: its deployments return errors; ${replacementAdvice(verdict)}`;
    case 'deprecated':
      return `${named} is deprecated since ${verdict.deprecatedFrom} (a subscription that never deployed it cannot deploy it) and retires on ${verdict.retiresOn}; ${replacementAdvice(verdict)}`;
    case 'available':
      return verdict.daysToRetirement <= RETIREMENT_WARNING_DAYS
        ? `${named} retires on ${verdict.retiresOn}, in ${verdict.daysToRetirement} days; plan the move: ${replacementAdvice(verdict)}`
        : undefined;
  }
}
