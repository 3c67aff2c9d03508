/**
 * Where a problem lives in the Bicep sources: the compiled JSON has no source map, so the module a problem
 * names (`module-deployment: …`) is looked up among main.bicep's `module` declarations, and the resource type
 * it names among that module file's `resource` declarations. Pure: the caller reads the files.
 */

export interface SourceLocation {
  /** Relative to the repository root, with forward slashes. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

export interface ModuleDeclaration {
  /** The deployment name before any interpolation: `pe-foundry`, `peering-apim-`. */
  readonly name: string;
  readonly path: string;
  readonly line: number;
}

export const MAIN_BICEP = 'infra/main.bicep';

/** main.bicep's modules: each `module <symbol> '<path>' …` and the first `name: '…'` after it. */
export function moduleDeclarations(main: string): ModuleDeclaration[] {
  const lines = main.split('\n');
  const modules: ModuleDeclaration[] = [];
  lines.forEach((text, index) => {
    const declaration = /^module \w+ '([^']+)'/.exec(text);
    if (!declaration) return;
    const nameLine = lines.slice(index, index + 8).find((candidate) => /^\s+name: '/.test(candidate));
    const name = nameLine ? /name: '([^'$]*)/.exec(nameLine)![1]! : '';
    modules.push({ name, path: `infra/${declaration[1]!}`, line: index + 1 });
  });
  return modules;
}

/** The module a problem names: its text starts with the deployment's name (or a looped name's literal start). */
export function moduleOf(problem: string, modules: readonly ModuleDeclaration[]): ModuleDeclaration | undefined {
  // A looped deployment's name is an expression, with spaces: `[format('peering-apim-{0}', …)]: …`.
  const end = problem.startsWith('[') ? problem.indexOf(']: ') : -1;
  const prefix = end > 0 ? problem.slice(0, end + 1) : /^([^:\s]+): /.exec(problem)?.[1];
  if (!prefix) return undefined;
  const literal = prefix.replace(/^\[format\('([^{']*).*$/, '$1');
  return (
    modules.find((module) => module.name !== '' && module.name === literal) ?? modules.find((module) => module.name !== '' && literal.startsWith(module.name))
  );
}

/** The line declaring a resource of `type` in a Bicep file (`resource x 'Type@version'`), if any. */
export function resourceLine(source: string, type: string): number | undefined {
  const index = source.split('\n').findIndex((line) => line.includes(`'${type}@`));
  return index === -1 ? undefined : index + 1;
}

/** A problem's place: the resource in its module file, or the module in main.bicep, or main.bicep itself. */
export function locate(problem: string, modules: readonly ModuleDeclaration[], readSource: (path: string) => string | undefined): SourceLocation {
  const module = moduleOf(problem, modules);
  if (!module) return { file: MAIN_BICEP, line: 1 };
  const type = /\b(Microsoft\.[A-Za-z]+\/[A-Za-z/]+)/.exec(problem)?.[1];
  const source = readSource(module.path);
  const line = type && source ? resourceLine(source, type) : undefined;
  return line ? { file: module.path, line } : { file: MAIN_BICEP, line: module.line };
}
