import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Plan } from '../plan.js';
import { TEMPLATES_DIR } from '../paths.js';
import { compileSpec, runTemplate, type TemplateDelegate } from './handlebars.js';
import { staticTemplate } from './template-specs.js';

/** path → content, in the plan's order. Nothing touches the target folder here. */
export type RenderedTree = ReadonlyMap<string, string>;

/**
 * Compiled templates by path, so that rendering many landing zones in one process (the tests, the
 * option matrix) compiles each template once.
 */
const compiled = new Map<string, Promise<TemplateDelegate>>();

function compiledTemplate(templatesDir: string, template: string): Promise<TemplateDelegate> {
  const path = join(templatesDir, template);
  let result = compiled.get(path);
  if (!result) {
    result = compileSpec(template, () => readFile(path, 'utf8'));
    compiled.set(path, result);
  }
  return result;
}

/** A partial is called by its file's name up to the first dot: `jumpbox` for main-parts/jumpbox.bicep.hbs. */
const partialName = (template: string) => basename(template).split('.')[0]!;

export async function renderPlan(plan: Plan, templatesDir: string = TEMPLATES_DIR): Promise<RenderedTree> {
  const contents = await Promise.all(
    plan.files.map(async (file) => {
      if (file.source.kind === 'data') return file.source.render(plan.model);
      const { template, view, partials = [] } = file.source;
      if (!template.endsWith('.hbs')) return staticTemplate(template, () => readFile(join(templatesDir, template), 'utf8'));
      const compiledPartials = await Promise.all(
        partials.map(async (partial) => [partialName(partial), await compiledTemplate(templatesDir, partial)] as const),
      );
      return runTemplate(template, await compiledTemplate(templatesDir, template), view ? view(plan.model) : plan.model, Object.fromEntries(compiledPartials));
    }),
  );
  return new Map(plan.files.map((file, index) => [file.path, contents[index]!]));
}
