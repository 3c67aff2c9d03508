import type { Generator, PlannedFile } from '../generators/types.js';
import type { Answers } from './answers/schema.js';
import { buildModel, type ViewModel } from './model.js';
import type { EnvironmentNetworks } from './network/landing-zone-networks.js';

export interface Plan {
  readonly model: ViewModel;
  /** Sorted by path; no two generators write one path. */
  readonly files: readonly PlannedFile[];
  /** The paths written with the executable bit. */
  readonly executable: ReadonlySet<string>;
}

/**
 * Pure and deterministic: the same answers always give the same plan. The generators are given (the
 * composition root, generate.ts, passes every one), so planning depends on no concern in particular.
 */
export function planLandingZone(answers: Answers, generators: readonly Generator[], networks?: readonly EnvironmentNetworks[]): Plan {
  const model = buildModel(answers, networks);
  const owners = new Map<string, string>();
  const files: PlannedFile[] = [];
  for (const generator of generators.filter((candidate) => candidate.when(answers))) {
    for (const file of generator.files(model)) {
      const owner = owners.get(file.path);
      if (owner) throw new Error(`internal: generators ${owner} and ${generator.id} both write ${file.path}`);
      owners.set(file.path, generator.id);
      files.push(file);
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { model, files, executable: new Set(files.filter((file) => file.executable).map((file) => file.path)) };
}
