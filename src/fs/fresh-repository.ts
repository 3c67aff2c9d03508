import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedTree } from '../render/render.js';
import { BESIDE_README, type Placement } from '../state.js';
import type { TargetState } from './target.js';

/**
 * A freshly created GitHub repository (README.md, LICENSE and .gitignore, see target.ts) takes the
 * landing zone without losing a file: the person's README.md stays and the generated one goes beside
 * it (README.landing-zone.md, recorded in the state so that upgrades keep it there), the LICENSE is not
 * the generator's and stays, and the .gitignore keeps every line of the person's with the generated lines
 * it lacks added below.
 */

/** Where the generated files go in this target. */
export function placementIn(state: TargetState): Placement {
  return state.kind === 'fresh-repository' && state.files.includes('README.md') ? { readme: BESIDE_README } : {};
}

/** The tree to write into this target, and the existing files it may replace (the merged .gitignore). */
export async function besideRepositoryFiles(
  target: string,
  state: TargetState,
  tree: RenderedTree,
): Promise<{ tree: RenderedTree; replaceable: ReadonlySet<string> }> {
  const generated = tree.get('.gitignore');
  if (state.kind !== 'fresh-repository' || !state.files.includes('.gitignore') || generated === undefined) return { tree, replaceable: new Set() };
  const merged = mergedGitignore(await readFile(join(target, '.gitignore'), 'utf8'), generated);
  return { tree: new Map(tree).set('.gitignore', merged), replaceable: new Set(['.gitignore']) };
}

/** The person's .gitignore unchanged, then each generated line it lacks (comments too, for their why). */
export function mergedGitignore(own: string, generated: string): string {
  const present = new Set(own.split(/\r?\n/).map((line) => line.trim()));
  const added = generated.split('\n').filter((line) => line.trim() !== '' && !present.has(line.trim()));
  if (added.length === 0) return own;
  const base = own === '' || own.endsWith('\n') ? own : `${own}\n`;
  return `${base}\n# Added by create-secure-ai-landing\n${added.join('\n')}\n`;
}
