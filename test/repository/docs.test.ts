import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { GUIDANCE_CATALOGUE } from '../../src/docs/guidance-catalogue.js';
import { optionMatrix, platformMatrix, renderScenario, SCENARIOS } from '../scenarios.js';

/**
 * The generated documents: every Mermaid block of the README and docs/architecture.md parses with
 * Mermaid itself, and docs/guidance.md gives every guidance ID exactly one section.
 */
const CONFIGURATIONS = { ...SCENARIOS, ...optionMatrix(['none', 'apim', 'apim-appgw', 'apim-frontdoor']), ...platformMatrix() };
const NAMES = Object.keys(CONFIGURATIONS);
const IDS = GUIDANCE_CATALOGUE.map((entry) => entry.id as string);
let parseMermaid: (text: string) => Promise<{ diagramType: string }>;

beforeAll(async () => {
  // Mermaid needs a DOM even to parse; jsdom provides one (it ships no types, hence require).
  const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: { document: unknown } } };
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  parseMermaid = (text) => mermaid.parse(text) as Promise<{ diagramType: string }>;
});

const mermaidBlocks = (markdown: string) => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);

describe.each(NAMES)('%s: the generated documents', (name) => {
  let tree: ReadonlyMap<string, string>;
  beforeAll(async () => {
    tree = await renderScenario(CONFIGURATIONS[name]!);
  });

  it('README.md and docs/architecture.md each hold one diagram, the same, and Mermaid parses it', async () => {
    const [readme] = mermaidBlocks(tree.get('README.md')!);
    const blocks = mermaidBlocks(tree.get('docs/architecture.md')!);
    expect(blocks).toHaveLength(1);
    expect(readme).toBe(blocks[0]);
    expect((await parseMermaid(blocks[0]!)).diagramType).toBe('flowchart-v2');
  });

  it("docs/guidance.md gives every guidance ID exactly one section, in the catalogue's order", () => {
    const guidance = tree.get('docs/guidance.md')!;
    const headings = [...guidance.matchAll(/^## ([A-Z]{3}-\d{2}): /gm)].map((match) => match[1]);
    expect(headings).toEqual(IDS);
    const sections = guidance.split(/^## /m).slice(1);
    for (const section of sections)
      expect(section, section.slice(0, 40)).toMatch(/^\*\*(Satisfied|Not applicable|To do by a person)\*\* \((IaC|Pipeline|Doc|Generator)\)/m);
  });
});

it('a broken diagram fails to parse, so a pass means something', async () => {
  const tree = await renderScenario(SCENARIOS['hub-spoke-app-gateway']!);
  const [diagram] = mermaidBlocks(tree.get('docs/architecture.md')!);
  await expect(parseMermaid(`${diagram}  broken["unbalanced --> \n`)).rejects.toThrow();
});
