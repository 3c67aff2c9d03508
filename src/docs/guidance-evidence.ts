/** Where the generated repository satisfies a guidance ID: its places, and the builders that name them. */

/** A place in the generated repository: a Bicep module, resource or output symbol, or a workflow's job id. */
export interface GuidanceEvidence {
  readonly file: string;
  readonly resource: string;
}

/** Evidence grouped by file, in order of first mention: how docs/guidance.md and validate print it. */
export function evidenceByFile(evidence: readonly GuidanceEvidence[]): { file: string; resources: string[] }[] {
  const files = new Map<string, string[]>();
  for (const { file, resource } of evidence) files.set(file, [...(files.get(file) ?? []), resource]);
  return [...files].map(([file, resources]) => ({ file, resources }));
}

// ---------------------------------------------------------------------------------------------------------
// Paths of the generated repository outside the module files (FILES).

export const MAIN = 'infra/main.bicep';

/** Written by the pipeline generator, with these job ids (OPS-01, SEC-01). */
export const PULL_REQUEST_WORKFLOW = '.github/workflows/pull-request.yml';
export const DEPLOY_WORKFLOW = '.github/workflows/deploy.yml';

// ---------------------------------------------------------------------------------------------------------
// Small builders, so that each rule reads as the recommendation it checks.

export const at = (file: string, ...resources: string[]): GuidanceEvidence[] => resources.map((resource) => ({ file, resource }));
export const inMain = (...symbols: string[]) => at(MAIN, ...symbols);
export const when = <T>(condition: boolean, ...items: T[]): T[] => (condition ? items : []);
