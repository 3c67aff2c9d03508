/** A compiled ARM template, or one nested in a `Microsoft.Resources/deployments` resource. */
export interface ArmTemplate {
  readonly parameters?: Record<string, { defaultValue?: unknown }>;
  readonly variables?: Record<string, unknown>;
  readonly resources?: ArmResource[] | Record<string, ArmResource>;
}

export interface ArmResource {
  readonly type: string;
  readonly name: string;
  readonly properties?: Record<string, unknown> & { template?: ArmTemplate; parameters?: Record<string, { value?: unknown }> };
}

/** The resources a template declares itself: an array, or (in the symbolic-name format) an object keyed by name. */
export function resourcesOf<T>(template: { readonly resources?: readonly T[] | Readonly<Record<string, T>> }): T[] {
  return Array.isArray(template.resources) ? [...(template.resources as readonly T[])] : Object.values(template.resources ?? {});
}

export const ownResources = (template: ArmTemplate): ArmResource[] => resourcesOf(template);

/** Top-level module deployments with every resource they (or their nested modules) declare. */
export function resourcesByModule(template: ArmTemplate): { module: string; resource: ArmResource; template: ArmTemplate }[] {
  return ownResources(template).flatMap((deployment) => {
    const inner = deployment.properties?.template;
    if (deployment.type !== 'Microsoft.Resources/deployments' || !inner) return [];
    const walk = (nested: ArmTemplate): { resource: ArmResource; template: ArmTemplate }[] =>
      ownResources(nested).flatMap((resource) => [
        { resource, template: nested },
        ...(resource.properties?.template ? walk(resource.properties.template) : []),
      ]);
    return walk(inner).map((entry) => ({ module: deployment.name, ...entry }));
  });
}

/** Every resource, with the top-level module deployment it is in (none for main.bicep's own resources). */
export function everyResourceByModule(template: ArmTemplate): { module?: string; resource: ArmResource; template: ArmTemplate }[] {
  return [...ownResources(template).map((resource) => ({ resource, template })), ...resourcesByModule(template)];
}

/** Every resource of a template and of the templates of its nested deployments, depth first. */
export function allResources(template: ArmTemplate): ArmResource[] {
  return ownResources(template).flatMap((resource) => [resource, ...(resource.properties?.template ? allResources(resource.properties.template) : [])]);
}

/** The module deployments (nested `Microsoft.Resources/deployments`) whose template declares `type`. */
export function deploymentsDeclaring(template: ArmTemplate, type: string): ArmResource[] {
  return allResources(template).filter(
    (resource) => resource.type === 'Microsoft.Resources/deployments' && ownResources(resource.properties?.template ?? {}).some((inner) => inner.type === type),
  );
}

/** Parameters holding VNet ranges, and parameters holding subnet ranges (each inside one of the VNets). */
// The agent subnet is the workload VNet's second address prefix, so it is a VNet range too.
/** `[variables('x')]` references replaced by the variables' values, recursively (Bicep emits one per `var` used). */
export function resolveVariables(value: unknown, template: ArmTemplate): unknown {
  if (typeof value === 'string') {
    const variable = /^\[variables\('(\w+)'\)\]$/.exec(value)?.[1];
    return variable === undefined ? value : resolveVariables(template.variables?.[variable], template);
  }
  if (Array.isArray(value)) return value.map((item) => resolveVariables(item, template));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveVariables(item, template)]));
  return value;
}

/** Expression text with each `variables('x')` whose value is itself an expression replaced by that expression. */
export function expandVariables(text: string, template: ArmTemplate): string {
  const expanded = text.replace(/variables\('(\w+)'\)/g, (whole, name: string) => {
    const value = template.variables?.[name];
    return typeof value === 'string' && value.startsWith('[') ? value.slice(1, -1) : whole;
  });
  return expanded === text ? text : expandVariables(expanded, template);
}

/** What the compiler made of a landing zone: the template, and the built parameters of each environment by name. */
export interface CompiledLandingZone {
  readonly template: ArmTemplate;
  /** The built parameters of each environment, by environment name. */
  readonly environments: Readonly<Record<string, Readonly<Record<string, { readonly value?: unknown }>>>>;
}
