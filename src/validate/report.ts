import type { GuidanceEvidence } from '../docs/guidance-status.js';
import type { ConformanceResult } from './conformance.js';
import type { TemplateFigures } from './figures.js';
import type { SourceLocation } from './locate.js';

/** One validate run, as printed, written as JSON (--json) and turned into SARIF (--sarif). */
export interface ValidationReport {
  readonly ok: boolean;
  readonly target: string;
  /** The choices of the stored answers, in one line. */
  readonly choices: string;
  readonly generatorVersion: string;
  readonly compiler: string;
  readonly environments: readonly string[];
  readonly results: readonly (ConformanceResult & { readonly locations: readonly SourceLocation[] })[];
  readonly figures: TemplateFigures;
  /** The compiler's warnings: the pipeline's lint fails on them, validate only reports them. */
  readonly warnings: readonly string[];
}

const STATUS_TEXT = { pass: 'pass', fail: 'FAIL', 'not-applicable': 'n/a' } as const;

/** `file (symbol, symbol)` per file, in order of first mention. */
export function evidenceText(evidence: readonly GuidanceEvidence[]): string {
  const byFile = new Map<string, string[]>();
  for (const { file, resource } of evidence) byFile.set(file, [...(byFile.get(file) ?? []), resource]);
  return [...byFile].map(([file, resources]) => `${file} (${resources.join(', ')})`).join('; ');
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

export function reportText(report: ValidationReport): string {
  const failed = report.results.filter((result) => result.status === 'fail');
  const lines = [
    `Conformance of ${report.target} with the guidance (${report.choices})`,
    `compiled with ${report.compiler}; environments ${report.environments.join(', ')}`,
    '',
  ];
  for (const result of report.results) {
    lines.push(`${result.id.padEnd(7)} ${STATUS_TEXT[result.status].padEnd(4)}  ${result.title}`);
    if (result.status === 'pass') lines.push(`                ${evidenceText(result.evidence)}`);
    if (result.status === 'not-applicable') lines.push(`                ${result.because}`);
    result.problems.forEach((problem, index) => {
      const where = result.locations[index];
      lines.push(`              ✗ ${problem}${where ? `  [${where.file}:${where.line}]` : ''}`);
    });
  }
  const { figures } = report;
  const path = figures.criticalPath;
  lines.push(
    '',
    'Figures',
    `  compiled template  ${kb(figures.bytes)} of the 4 MB limit (${percent(figures.bytes, figures.limitBytes)}); budget ${kb(figures.budgetBytes)}${figures.bytes > figures.budgetBytes ? ' EXCEEDED' : ''}`,
    ...(['parameters', 'variables', 'resources', 'outputs'] as const).map((key) => {
      const figure = figures[key];
      return `  ${key.padEnd(17)}  ${figure.count} of ${figure.limit} (${percent(figure.count, figure.limit)}, most in ${figure.template})`;
    }),
    `  critical path      ${path.minutes.toFixed(1)} min; slowest resource ${path.slowest.name} ${path.slowest.minutes} min; ${path.ratio.toFixed(2)}× (budget ${path.budget}×)`,
    ...path.waits.map((wait) => `                     ${wait}`),
  );
  if (report.warnings.length > 0) lines.push('', `Compiler warnings (${report.warnings.length}; the pipeline's lint fails on them)`, ...report.warnings.map((warning) => `  ${warning}`));
  const checked = report.results.filter((result) => result.status !== 'not-applicable').length;
  lines.push('', report.ok ? `All ${checked} applicable IaC recommendations pass.` : `${failed.length} of ${checked} applicable IaC recommendations fail: ${failed.map((result) => result.id).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
