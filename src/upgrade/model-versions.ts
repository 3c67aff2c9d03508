import { type IsoDate, lifecycleOf, lifecycleWarning } from '../ai/model-lifecycle.js';
import { MODELS } from '../ai/models.js';

/**
 * What `upgrade` says about the model versions the parameter files deploy. It never changes a version itself:
 * the version is pinned in the user's parameters (maybe by hand) and moving it changes what the application
 * talks to, so the note says how to move instead.
 */

export interface DeployedModel {
  readonly model: string;
  readonly version: string;
}

/** The model name and version of each entry of `param modelDeployments = [ … ]` in a .bicepparam file. */
export function modelDeploymentsIn(bicepparam: string): DeployedModel[] {
  const block = /^param\s+modelDeployments\s*=\s*\[([\s\S]*?)^\]/m.exec(bicepparam)?.[1];
  if (block === undefined) return [];
  return [...block.matchAll(/\{([^{}]*)\}/g)].flatMap(([, entry]) => {
    const model = /^\s*model:\s*'([^']*)'/m.exec(entry!)?.[1];
    const version = /^\s*version:\s*'([^']*)'/m.exec(entry!)?.[1];
    return model !== undefined && version !== undefined ? [{ model, version }] : [];
  });
}

/** One line per deployment that is deprecated, retired or retires within 90 days on `today`, naming the file. */
export function modelVersionNotes(parameterFiles: ReadonlyMap<string, string>, today: IsoDate): string[] {
  const notes: string[] = [];
  for (const [path, text] of [...parameterFiles].sort(([a], [b]) => a.localeCompare(b))) {
    for (const { model, version } of modelDeploymentsIn(text)) {
      const verdict = lifecycleOf(model, version, today);
      const warning = verdict && lifecycleWarning(verdict);
      if (!verdict || !warning) continue;
      const move =
        verdict.replacement && Object.hasOwn(MODELS, verdict.replacement)
          ? `upgrade kept the version; to move, run \`upgrade --set model=${verdict.replacement}\` or edit modelDeployments, and test the application with it first`
          : 'upgrade kept the version; edit modelDeployments to move, and test the application with the new model first';
      notes.push(`${path}: ${warning}. ${move}.`);
    }
  }
  return notes;
}
