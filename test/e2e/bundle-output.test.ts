import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { renderScenario, SCENARIOS } from '../scenarios.js';

const SNAPSHOTS = fileURLToPath(new URL('../__snapshots__/', import.meta.url));

/**
 * The bundle renders templates precompiled by build.mjs, the source compiles them on the fly: the
 * two must write the same files, byte for byte, and both must equal the reviewed snapshots.
 */
it('the built CLI writes exactly the reviewed snapshot files', async () => {
  const work = await tempDir();
  const result = await runCli(['contoso', '--location', 'swedencentral', '--topology', 'single-vnet', '--gateway', 'none', '--no-jumpbox', '--no-git'], {
    cwd: work,
  });
  expect(result.exitCode, result.stderr).toBe(0);
  const fromSource = await renderScenario(SCENARIOS['slice-default']!);
  for (const path of fromSource.keys()) {
    const written = await readFile(join(work, 'contoso', path), 'utf8');
    expect(written, path).toBe(await readFile(join(SNAPSHOTS, 'slice-default', path), 'utf8'));
  }
});
