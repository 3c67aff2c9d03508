import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderScenario, SCENARIOS } from './scenarios.js';

const SNAPSHOTS = fileURLToPath(new URL('./__snapshots__/', import.meta.url));

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Every generated file of every scenario, kept under __snapshots__/<scenario>/ as the real file
 * (.bicep, .bicepparam, .md), so that a change to the output is reviewed as a diff of the output.
 */
describe.each(Object.entries(SCENARIOS))('generated repository: %s', (name, answers) => {
  it('matches the reviewed snapshot, file by file', async () => {
    const tree = await renderScenario(answers);
    for (const [path, content] of tree) {
      await expect(content).toMatchFileSnapshot(join(SNAPSHOTS, name, path));
    }
  });

  it('has no snapshot of a file it no longer generates', async () => {
    const tree = await renderScenario(answers);
    const stored = await filesBelow(join(SNAPSHOTS, name));
    if (stored.length > 0) expect(stored).toEqual([...tree.keys()].sort());
  });
});
