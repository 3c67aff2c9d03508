import Handlebars from 'handlebars/runtime';
import { bicepString, markdownCode, markdownText, powerShellString, shellWord, yamlString } from './escape.js';
import { templateSpec } from './template-specs.js';

export type CompiledTemplate = (model: object) => string;

/** One isolated Handlebars environment with the escaping helpers, configured once. */
const environment = Handlebars.create();

/** The helpers every template may call; COMPILE_OPTIONS.knownHelpers names exactly these. */
export const HELPERS: Readonly<Record<string, Handlebars.HelperDelegate>> = {
  bicep: (value: unknown) => bicepString(String(value)),
  yaml: (value: unknown) => yamlString(String(value)),
  sh: (value: unknown) => shellWord(String(value)),
  ps: (value: unknown) => powerShellString(String(value)),
  md: (value: unknown) => markdownText(String(value)),
  code: (value: unknown) => markdownCode(String(value)),
  json: (value: unknown) => JSON.stringify(value),
  join: (values: unknown[], separator: unknown) => values.join(typeof separator === 'string' ? separator : ', '),
  eq: (a: unknown, b: unknown) => a === b,
  /**
   * `{{dependsOn list "  "}}`: a module's whole dependsOn at that indentation, on one line where it fits the
   * 120 columns `bicep format` keeps a line to, one item a line otherwise, as the formatter writes it.
   */
  dependsOn: (items: readonly string[], indent: unknown) => {
    const prefix = `${String(indent)}dependsOn: `;
    const inline = `${prefix}[${items.join(', ')}]`;
    return inline.length <= 120 ? inline : `${prefix}[\n${items.map((item) => `${String(indent)}  ${item}`).join('\n')}\n${String(indent)}]`;
  },
  /** `{{{{raw}}}}…{{{{/raw}}}}` keeps GitHub `${{ … }}` expressions literal. */
  raw: (options: Handlebars.HelperOptions) => options.fn(undefined),
};

environment.registerHelper(HELPERS);

/** A compiled template as Handlebars runs it; also how a partial is handed to another template. */
export type TemplateDelegate = Handlebars.TemplateDelegate;

export async function loadTemplate(name: string, source: () => Promise<string>): Promise<CompiledTemplate> {
  const template = await compileSpec(name, source);
  return (model) => runTemplate(name, template, model);
}

/** The template compiled (or, in the bundle, precompiled) into the environment, not yet run. */
export async function compileSpec(name: string, source: () => Promise<string>): Promise<TemplateDelegate> {
  return environment.template(await templateSpec(name, source));
}

/** Runs a template with the partials it calls; an error names the template. */
export function runTemplate(name: string, template: TemplateDelegate, model: object, partials: Readonly<Record<string, TemplateDelegate>> = {}): string {
  try {
    return template(model, { partials });
  } catch (error) {
    throw new Error(`template ${name}: ${(error as Error).message}`);
  }
}

/** Compiles a template given as text; for tests of the environment itself. */
export const compileTemplate = (source: string, name: string) => loadTemplate(name, async () => source);
