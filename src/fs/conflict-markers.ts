import { join } from 'node:path';
import { readTextIfExists } from './target.js';

/** An unresolved conflict: where its `<<<<<<<` line is (1-based). */
export interface ConflictMarker {
  readonly path: string;
  readonly line: number;
}

/**
 * The lines where an unresolved conflict begins: a `<<<<<<<` line followed, in this order, by a
 * `=======` line and a `>>>>>>>` line, as git and `upgrade` write them. A lone `=======` (a Markdown
 * heading underline) or `<<<<<<<` in text is no conflict.
 */
export function conflictMarkerLines(text: string): number[] {
  const starts: number[] = [];
  let open: { line: number; separated: boolean } | undefined;
  text.split(/\r?\n/).forEach((line, index) => {
    if (/^<{7}( |$)/.test(line)) open = { line: index + 1, separated: false };
    else if (open && /^={7}$/.test(line)) open.separated = true;
    else if (open?.separated && /^>{7}( |$)/.test(line)) {
      starts.push(open.line);
      open = undefined;
    }
  });
  return starts;
}

/** The unresolved conflicts in these files of `dir` (a missing file has none), in path order. */
export async function findConflictMarkers(dir: string, paths: Iterable<string>): Promise<ConflictMarker[]> {
  const found: ConflictMarker[] = [];
  for (const path of [...paths].sort()) {
    const text = await readTextIfExists(join(dir, path));
    if (text !== undefined) found.push(...conflictMarkerLines(text).map((line) => ({ path, line })));
  }
  return found;
}

/** `infra/main.bicep:12: unresolved conflict marker`, one line each, as compilers point at a line. */
export const conflictMarkerLinesText = (markers: readonly ConflictMarker[]) =>
  markers.map((marker) => `${marker.path}:${marker.line}: unresolved conflict marker`);
