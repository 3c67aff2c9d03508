/**
 * What each release between two generator versions changed, from the CHANGELOG the package ships: every
 * `## [x.y.z] - date` section opens with a paragraph naming the generated output it changes, which is what an
 * upgrade is about to merge.
 */
export interface ReleaseNote {
  readonly version: string;
  /** The section's opening paragraph, as one line; empty when the section has none. */
  readonly changes: string;
}

const HEADING = /^## \[(\d+\.\d+\.\d+)\][^\n]*$/gm;

/** -1, 0 or 1 as `a` is older than, the same as or newer than `b` (plain x.y.z versions). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  for (let index = 0; index < 3; index++) {
    const difference = (x![index] ?? 0) - (y![index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/** The releases after `from` up to and including `to`, oldest first. */
export function releasesBetween(changelog: string, from: string, to: string): ReleaseNote[] {
  const headings = [...changelog.matchAll(HEADING)];
  return headings
    .map((heading, index) => {
      const body = changelog.slice(heading.index + heading[0].length, headings[index + 1]?.index ?? changelog.length).trim();
      const opening = body.startsWith('#') ? '' : body.split(/\n\s*\n/)[0]!;
      return { version: heading[1]!, changes: opening.replace(/\s*\n\s*/g, ' ') };
    })
    .filter((note) => compareVersions(note.version, from) > 0 && compareVersions(note.version, to) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
}
