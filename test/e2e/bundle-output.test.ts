import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planOf } from '../../src/generate.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';

const SNAPSHOTS = fileURLToPath(new URL('../__snapshots__/', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Every file under templates/ that is copied as it is (not rendered), by its path below templates/. */
async function staticTemplates(): Promise<string[]> {
  const entries = await readdir(TEMPLATES, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.hbs'))
    .map((entry) => relative(TEMPLATES, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/**
 * The bundle renders the templates build.mjs built into it (the .hbs files precompiled, the others as their
 * text), the source compiles and reads them from templates/: the two must write the same files, byte for byte.
 */
describe('the built CLI writes what the source renders', () => {
  it('the scenarios below use every static template, so that each one is compared', async () => {
    const used = new Set(
      Object.values(SCENARIOS).flatMap((answers) =>
        planOf(scenarioAnswers(answers)).files.flatMap((file) => (file.source.kind === 'template' ? [file.source.template] : [])),
      ),
    );
    expect((await staticTemplates()).filter((template) => !used.has(template))).toEqual([]);
  });

  it.each(Object.entries(SCENARIOS))('%s', async (_name, answers) => {
    const work = await tempDir();
    await writeFile(join(work, 'answers.json'), JSON.stringify(answers));
    const result = await runCli(['lz', '--config', 'answers.json', '--yes', '--no-git'], { cwd: work });
    expect(result.exitCode, result.stderr).toBe(0);
    const fromSource = await renderScenario(answers);
    for (const [path, content] of fromSource) expect(await readFile(join(work, 'lz', path), 'utf8'), path).toBe(content);
  });

  it('and both equal the reviewed snapshot files', async () => {
    for (const [path, content] of await renderScenario(SCENARIOS['slice-default']!)) {
      expect(content, path).toBe(await readFile(join(SNAPSHOTS, 'slice-default', path), 'utf8'));
    }
  });
});
