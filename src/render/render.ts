import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan } from '../plan.js';
import { TEMPLATES_DIR } from '../paths.js';
import { loadTemplate } from './handlebars.js';

/** path → content, in the plan's order. Nothing touches the target folder here. */
export type RenderedTree = ReadonlyMap<string, string>;

export async function renderPlan(plan: Plan, templatesDir: string = TEMPLATES_DIR): Promise<RenderedTree> {
  const contents = await Promise.all(
    plan.files.map(async (file) => {
      if (file.source.kind === 'data') return file.source.render(plan.model);
      const { template, view } = file.source;
      const read = () => readFile(join(templatesDir, template), 'utf8');
      return template.endsWith('.hbs') ? (await loadTemplate(template, read))(view ? view(plan.model) : plan.model) : read();
    }),
  );
  return new Map(plan.files.map((file, index) => [file.path, contents[index]!]));
}
