import Handlebars from 'handlebars';
import { bicepString, markdownText, yamlString } from './escape.js';

export type CompiledTemplate = (model: object) => string;

/**
 * One isolated Handlebars environment, configured once. `noEscape` because the output is Bicep,
 * YAML and Markdown, not HTML (HTML escaping would turn o'brien into o&#x27;brien); `strict` so that
 * a misspelt field or a stray `${{ … }}` fails the render instead of silently printing nothing.
 */
const environment = Handlebars.create();

environment.registerHelper('bicep', (value: unknown) => bicepString(String(value)));
environment.registerHelper('yaml', (value: unknown) => yamlString(String(value)));
environment.registerHelper('md', (value: unknown) => markdownText(String(value)));
environment.registerHelper('json', (value: unknown) => JSON.stringify(value));
environment.registerHelper('join', (values: unknown[], separator: unknown) => values.join(typeof separator === 'string' ? separator : ', '));
environment.registerHelper('eq', (a: unknown, b: unknown) => a === b);
/** `{{{{raw}}}}…{{{{/raw}}}}` keeps GitHub `${{ … }}` expressions literal. */
environment.registerHelper('raw', (options: Handlebars.HelperOptions) => options.fn(undefined));

export function compileTemplate(source: string, name: string): CompiledTemplate {
  const template = environment.compile(source, { noEscape: true, strict: true });
  return (model) => {
    try {
      return template(model);
    } catch (error) {
      throw new Error(`template ${name}: ${(error as Error).message}`);
    }
  };
}
