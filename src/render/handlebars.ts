import Handlebars from 'handlebars/runtime';
import { bicepString, markdownCode, markdownText, powerShellString, shellWord, yamlString } from './escape.js';
import { templateSpec } from './template-specs.js';

export type CompiledTemplate = (model: object) => string;

/** One isolated Handlebars environment with the escaping helpers, configured once. */
const environment = Handlebars.create();

environment.registerHelper('bicep', (value: unknown) => bicepString(String(value)));
environment.registerHelper('yaml', (value: unknown) => yamlString(String(value)));
environment.registerHelper('sh', (value: unknown) => shellWord(String(value)));
environment.registerHelper('ps', (value: unknown) => powerShellString(String(value)));
environment.registerHelper('md', (value: unknown) => markdownText(String(value)));
environment.registerHelper('code', (value: unknown) => markdownCode(String(value)));
environment.registerHelper('json', (value: unknown) => JSON.stringify(value));
environment.registerHelper('join', (values: unknown[], separator: unknown) => values.join(typeof separator === 'string' ? separator : ', '));
environment.registerHelper('eq', (a: unknown, b: unknown) => a === b);
/** `{{{{raw}}}}…{{{{/raw}}}}` keeps GitHub `${{ … }}` expressions literal. */
environment.registerHelper('raw', (options: Handlebars.HelperOptions) => options.fn(undefined));

export async function loadTemplate(name: string, source: () => Promise<string>): Promise<CompiledTemplate> {
  const template = environment.template(await templateSpec(name, source));
  return (model) => {
    try {
      return template(model);
    } catch (error) {
      throw new Error(`template ${name}: ${(error as Error).message}`);
    }
  };
}

/** Compiles a template given as text; for tests of the environment itself. */
export const compileTemplate = (source: string, name: string) => loadTemplate(name, async () => source);
