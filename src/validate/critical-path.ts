import { resourcesOf } from './arm.js';

/**
 * The deployment's critical path: the longest chain of dependencies through a compiled ARM template,
 * each resource weighted by how long Azure typically takes to create it. Pure: it reads the JSON that
 * `bicep build` writes, follows `dependsOn` at every level of nested deployments, and needs no Azure.
 */
import { PROVISIONING } from '../catalogue/index.js';

/** Typical creation minutes of the slow resource types, each with where the figure comes from: the components' own. */
export const PROVISIONING_MINUTES: Readonly<Record<string, { readonly minutes: number; readonly source: string }>> = PROVISIONING;

/** Every other resource type: ARM creates it in well under a minute. */
const DEFAULT_MINUTES = 0.5;

/** Typical creation minutes of a resource type. */
export const minutesOf = (type: string) => PROVISIONING_MINUTES[type.toLowerCase()]?.minutes ?? DEFAULT_MINUTES;

export interface ArmNode {
  readonly type: string;
  readonly name: string;
  readonly dependsOn?: readonly string[];
  readonly properties?: { readonly template?: ArmTemplateLike };
}

export interface ArmTemplateLike {
  readonly resources?: readonly ArmNode[] | Readonly<Record<string, ArmNode>>;
}

export interface CriticalPath {
  /** Minutes from the start until the last resource is created, along the longest chain. */
  readonly minutes: number;
  /** The chain, outermost names first: `module > resource type`. */
  readonly chain: readonly string[];
  /** The slowest single resource and its minutes. */
  readonly slowest: { readonly name: string; readonly minutes: number };
}

/** `[format('pip-{0}', parameters('name'))]` → `format('pip-{0}', parameters('name'))`; a literal name stays quoted. */
const reference = (name: string) => (name.startsWith('[') ? name.slice(1, -1) : `'${name}'`);

export function criticalPath(template: ArmTemplateLike, label = ''): CriticalPath {
  const resources = resourcesOf(template);
  const finish = new Map<ArmNode, { minutes: number; chain: string[] }>();
  let slowest = { name: '', minutes: 0 };
  const visit = (resource: ArmNode, stack: Set<ArmNode>): { minutes: number; chain: string[] } => {
    const known = finish.get(resource);
    if (known) return known;
    if (stack.has(resource)) throw new Error(`dependency cycle at ${resource.name}`);
    stack.add(resource);
    const own = resource.properties?.template
      ? criticalPath(resource.properties.template, resource.name)
      : { minutes: minutesOf(resource.type), chain: [resource.type], slowest: { name: resource.type, minutes: 0 } };
    if (!resource.properties?.template && own.minutes > slowest.minutes)
      slowest = { name: `${label}${label ? ' > ' : ''}${resource.type}`, minutes: own.minutes };
    if (resource.properties?.template && own.slowest.minutes > slowest.minutes)
      slowest = { name: `${label}${label ? ' > ' : ''}${own.slowest.name}`, minutes: own.slowest.minutes };
    // A dependency names its resource by the expression of that resource's name.
    const before = resources
      .filter((other) => other !== resource && (resource.dependsOn ?? []).some((dependency) => dependency.includes(reference(other.name))))
      .map((other) => visit(other, stack))
      .reduce((longest, candidate) => (candidate.minutes > longest.minutes ? candidate : longest), { minutes: 0, chain: [] as string[] });
    stack.delete(resource);
    const name = resource.properties?.template ? resource.name : '';
    const result = { minutes: before.minutes + own.minutes, chain: [...before.chain, ...own.chain.map((step) => (name ? `${name} > ${step}` : step))] };
    finish.set(resource, result);
    return result;
  };
  const longest = resources
    .map((resource) => visit(resource, new Set()))
    .reduce((a, b) => (b.minutes > a.minutes ? b : a), { minutes: 0, chain: [] as string[] });
  return { minutes: longest.minutes, chain: longest.chain, slowest };
}
