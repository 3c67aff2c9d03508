import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTree } from '../../src/fs/write.js';
import { expect, inject, it } from 'vitest';
import { describeDiagnostics, runBicep } from '../compiler/bicep.js';
import { tempDir } from '../helpers/cli.js';
import { fullMatrix } from '../matrix.js';
import { renderScenario, scenarioAnswers } from '../scenarios.js';
import { buildModel } from '../../src/model.js';
import { checkConformance } from '../../src/validate/conformance.js';
import { readCompiled } from './compiled.js';
import { RELEASE_DATE } from '../../src/ai/model-lifecycle.js';

/**
 * `npm run test:matrix`: every valid combination of the option matrix renders and compiles — build,
 * build-params of every environment, lint — with zero errors and zero warnings, and passes validate's
 * conformance checks with the parameters of every environment. Batches keep the disk and
 * the compiler's memory bounded; MATRIX_LIMIT=n compiles only the first n (to try the run quickly).
 */
const bicep = inject('bicepPath');
const BATCH = 150;

it('every valid combination renders and compiles cleanly', async () => {
  expect(bicep, 'the Bicep compiler is needed for the matrix').not.toBe('');
  const matrix = fullMatrix();
  const names = Object.keys(matrix).slice(0, Number(process.env.MATRIX_LIMIT) || undefined);
  const failures: string[] = [];
  for (let start = 0; start < names.length; start += BATCH) {
    const batch = names.slice(start, start + BATCH);
    const root = await tempDir('sail-matrix-');
    for (const name of batch) {
      await writeTree(join(root, name), await renderScenario(matrix[name]!));
    }
    const env = { JUMPBOX_ADMIN_PASSWORD: 'not-a-real-Passw0rd' };
    const runs = [
      await runBicep(bicep, ['build', '--pattern', '*/infra/main.bicep'], root),
      await runBicep(bicep, ['build-params', '--pattern', '*/infra/params/*.bicepparam'], root, env),
      await runBicep(bicep, ['lint', '--pattern', '*/infra/**/*.bicep*'], root, env),
    ];
    const findings = runs.flatMap((run) => run.diagnostics.filter((diagnostic) => diagnostic.level !== 'Info'));
    const failed = batch.filter((name) => findings.some((finding) => finding.file.includes(`/${name}/`)));
    if (runs.some((run) => run.exitCode !== 0) && failed.length === 0) failed.push(...batch.map((name) => `${name} (compiler exit without diagnostics)`));
    failures.push(...failed.map((name) => `${name}: ${describeDiagnostics(findings.filter((finding) => finding.file.includes(`/${name.split(' ')[0]}/`)))}`));
    for (const name of batch.filter((candidate) => !failed.includes(candidate))) {
      const failing = await conformanceFailures(join(root, name), matrix[name]!);
      if (failing.length > 0) failures.push(`${name}: ${failing.join('; ')}`);
    }
    await rm(root, { recursive: true, force: true });
    console.log(`${Math.min(start + BATCH, names.length)} of ${names.length} combinations compiled, ${failures.length} failed so far`);
  }
  console.log(`\n${names.length - failures.length} of ${names.length} combinations passed\n`);
  expect(failures).toEqual([]);
});

/** What validate's checks find wrong in one compiled combination, with the parameters of every environment. */
async function conformanceFailures(dir: string, answers: Parameters<typeof renderScenario>[0]): Promise<string[]> {
  return checkConformance(await readCompiled(dir), buildModel(scenarioAnswers(answers)), RELEASE_DATE)
    .filter((result) => result.status === 'fail')
    .map((result) => `${result.id}: ${result.problems.join(', ')}`);
}
