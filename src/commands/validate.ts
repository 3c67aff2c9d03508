import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describeIssues } from '../answers/issues.js';
import { finalize } from '../answers/resolve.js';
import type { ParsedArgs } from '../cli/args.js';
import { flagOf } from '../cli/flags.js';
import { EXIT, UsageError } from '../errors.js';
import { conflictMarkerLinesText, findConflictMarkers } from '../fs/conflict-markers.js';
import { pathInRepository } from '../git.js';
import { buildModel } from '../model.js';
import { readStoredAnswers } from '../stored-state.js';
import { type Io, todayIn } from '../ui/io.js';
import type { BicepServer } from '../validate/bicep-server.js';
import { compileLandingZone, findBicep } from '../validate/compiler.js';
import { checkConformance } from '../validate/conformance.js';
import { templateFigures } from '../validate/figures.js';
import { locate, MAIN_BICEP, moduleDeclarations } from '../validate/locate.js';
import { reportText, type ValidationReport } from '../validate/report.js';
import { sarifOf } from '../validate/sarif.js';
import { GENERATOR_VERSION } from '../version.js';

/**
 * `validate`: compiles a landing zone this tool generated (also after hand edits) with the parameters of
 * each environment, checks every IaC recommendation that applies to its stored answers in the compiled
 * JSON, and reports the template's figures. Writes nothing into the repository; exit 1 on any failure.
 * `compiler`: a compiler the caller started and closes, shared between runs (the tests); by default each run
 * starts its own.
 */
export async function runValidate(args: ParsedArgs, io: Io, { compiler }: { readonly compiler?: BicepServer } = {}): Promise<number> {
  const target = resolve(io.cwd, args.target ?? '.');
  const stored = await readStoredAnswers(target);
  const resolved = finalize(stored.answers, {});
  if ('issues' in resolved)
    throw new UsageError(
      'the stored answers are not valid for this version; nothing was checked',
      describeIssues(resolved.issues, stored.answers, 'answers', flagOf),
    );
  const model = buildModel(resolved.answers, resolved.networks);

  // Markers committed by mistake: pointed at by line, before a compiler error about them (or none, in a script) hides them.
  const markers = await findConflictMarkers(target, stored.files);
  if (markers.length > 0) {
    if (args.options.json) io.stdout.write(`${JSON.stringify({ ok: false, target, conflictMarkers: markers }, null, 2)}\n`);
    const files = new Set(markers.map((marker) => marker.path)).size;
    io.stderr.write(
      [`error: ${files} file(s) hold unresolved conflict markers; nothing was checked`, ...conflictMarkerLinesText(markers).map((line) => `  ${line}`)].join(
        '\n',
      ) + '\n',
    );
    return EXIT.failure;
  }

  const bicep = await findBicep(io.env, io.cwd);
  const outcome = await compileLandingZone(target, bicep, io.env, compiler);
  if (!outcome.ok) {
    if (args.options.json) io.stdout.write(`${JSON.stringify({ ok: false, target, compiler: bicep.label, errors: outcome.errors }, null, 2)}\n`);
    io.stderr.write(
      [
        `error: ${relative(io.cwd, target) || '.'} does not compile with ${bicep.label}; nothing was checked`,
        ...outcome.errors.map((error) => `  ${error}`),
      ].join('\n') + '\n',
    );
    return EXIT.failure;
  }

  const sources = new Map<string, string | undefined>();
  const readSource = (path: string) => sources.get(path);
  const main = await readFile(join(target, MAIN_BICEP), 'utf8');
  const modules = moduleDeclarations(main);
  for (const module of modules) sources.set(module.path, await readFile(join(target, module.path), 'utf8').catch(() => undefined));

  const results = checkConformance(outcome.compiled, model, todayIn(io)).map((result) => ({
    ...result,
    locations: result.problems.map((problem) => locate(problem, modules, readSource)),
  }));
  const report: ValidationReport = {
    ok: results.every((result) => result.status !== 'fail'),
    target: relative(io.cwd, target) || '.',
    choices: model.choices,
    generatorVersion: GENERATOR_VERSION,
    generatedBy: stored.version,
    compiler: bicep.label,
    environments: Object.keys(outcome.compiled.environments),
    results,
    figures: templateFigures(outcome.templateText, outcome.compiled.template),
    warnings: outcome.warnings,
  };
  io.stdout.write(args.options.json ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  if (args.options.sarif) {
    const sarifPath = resolve(io.cwd, args.options.sarif);
    await mkdir(dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, `${JSON.stringify(sarifOf(report, { pathInRepository: await pathInRepository(target) }), null, 2)}\n`);
  }
  return report.ok ? EXIT.ok : EXIT.failure;
}
