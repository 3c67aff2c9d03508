import { lifecycleOf, lifecycleWarning, replacementAdvice, type IsoDate } from '../ai/model-lifecycle.js';
import { deployableModels, MODELS } from '../ai/models.js';
import { UsageError } from '../errors.js';

/**
 * `create` against the model lifecycle on the day it runs: a retired model is refused (its deployment would
 * fail on the first request), a deprecated one or one that retires within 90 days is generated with a warning.
 */

/** Throws for a retired model; otherwise the warning to show, if any. `model` is one the schema knows. */
export function checkModelChoice(model: string, today: IsoDate): string | undefined {
  const info = MODELS[model];
  if (!info) return undefined;
  const verdict = lifecycleOf(model, info.version, today);
  if (!verdict) return undefined;
  if (verdict.stage === 'retired') {
    throw new UsageError(`--model ${model}: version ${info.version} was retired on ${verdict.retiresOn}; nothing was written`, [
      `Its deployments return errors; ${replacementAdvice(verdict)}.`,
      `Models that can be deployed today: ${deployableModels(today).join(', ')}.`,
    ]);
  }
  return lifecycleWarning(verdict);
}
