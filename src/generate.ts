import { GENERATORS } from '../generators/index.js';
import type { Answers } from './answers/schema.js';
import type { Resolved } from './answers/resolve.js';
import type { EnvironmentNetworks } from './network/landing-zone-networks.js';
import { TEMPLATES_DIR } from './paths.js';
import { type Plan, planLandingZone } from './plan.js';
import { type RenderedTree, renderPlan } from './render/render.js';
import { BASE_PATH, baseFile, type Placement, STATE_PATH, stateFile } from './state.js';

/**
 * The landing zone of these answers, rendered in memory, and the whole tree a repository holds: the
 * landing zone's files plus the state an upgrade needs (the answers, and the merge base).
 */
export async function generateLandingZone(
  { answers, sources, networks }: Resolved,
  templatesDir: string = TEMPLATES_DIR,
  placement: Placement = {},
): Promise<{ plan: Plan; landingZone: RenderedTree; tree: RenderedTree }> {
  const plan = planOf(answers, networks);
  const landingZone = placed(await renderPlan(plan, templatesDir), placement);
  const tree = new Map(landingZone);
  tree.set(BASE_PATH, baseFile(landingZone));
  tree.set(STATE_PATH, stateFile(landingZone, answers, sources, placement));
  return { plan, landingZone, tree };
}

/** The rendered tree with the README where the placement puts it (in the same order of paths). */
function placed(tree: RenderedTree, placement: Placement): RenderedTree {
  const { readme } = placement;
  if (!readme) return tree;
  return new Map([...tree].map(([path, content]) => [path === 'README.md' ? readme : path, content]));
}

/** The plan of these answers with every generator; `networks` is the address plan they were validated against. */
export const planOf = (answers: Answers, networks?: readonly EnvironmentNetworks[]): Plan => planLandingZone(answers, GENERATORS, networks);
