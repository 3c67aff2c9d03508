import { diff3Merge } from 'node-diff3';

/**
 * What an upgrade does with one file, from three versions of it: the base (as the generator wrote it
 * last time), the user's (as it is now) and the generator's new one. Absent means the file does not exist
 * in that version. Pure: the decision table of the upgrade, and the three-way merge.
 */
export type FileAction =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'add'; readonly content: string }
  | { readonly kind: 'update'; readonly content: string }
  | { readonly kind: 'keep-edits' }
  | { readonly kind: 'merge'; readonly content: string }
  | { readonly kind: 'conflict'; readonly content: string }
  | { readonly kind: 'remove' }
  | { readonly kind: 'keep-deleted' }
  | { readonly kind: 'keep-orphan' };

export interface FileVersions {
  readonly base?: string;
  readonly current?: string;
  readonly next?: string;
}

export interface MergeLabels {
  readonly current: string;
  readonly next: string;
}

export function decide({ base, current, next }: FileVersions, labels: MergeLabels): FileAction {
  if (current === undefined) {
    if (next === undefined) return { kind: 'unchanged' };
    // Deleted by the user (it was generated before): a deletion is an edit, and it stays.
    return base === undefined ? { kind: 'add', content: next } : { kind: 'keep-deleted' };
  }
  if (next === undefined) {
    if (base === undefined) return { kind: 'unchanged' }; // the user's own file, never the generator's
    return same(current, base) ? { kind: 'remove' } : { kind: 'keep-orphan' };
  }
  if (same(current, next)) return { kind: 'unchanged' };
  if (base !== undefined && same(current, base)) return { kind: 'update', content: inLineEndingsOf(current, next) };
  if (base !== undefined && same(next, base)) return { kind: 'keep-edits' };
  const merged = mergeThreeWay(current, base ?? '', next, labels);
  return merged.conflicts > 0 ? { kind: 'conflict', content: merged.text } : { kind: 'merge', content: merged.text };
}

/** Equal but for line endings: a CRLF working tree is not an edit. */
function same(a: string, b: string): boolean {
  return toLf(a) === toLf(b);
}

const toLf = (text: string) => text.replace(/\r\n/g, '\n');

/** The generator writes LF; a file the user keeps in CRLF stays CRLF. */
function inLineEndingsOf(current: string, text: string): string {
  return current.includes('\r\n') ? toLf(text).replace(/\n/g, '\r\n') : text;
}

/**
 * A line-based three-way merge (diff3): changes on one side only are taken; where both sides changed the
 * same lines differently, git's conflict markers hold both, the user's first.
 */
export function mergeThreeWay(current: string, base: string, next: string, labels: MergeLabels): { text: string; conflicts: number } {
  const lines = (text: string) => toLf(text).split('\n');
  const regions = diff3Merge(lines(current), lines(base), lines(next), { excludeFalseConflicts: true });
  let conflicts = 0;
  const out: string[] = [];
  for (const region of regions) {
    if ('ok' in region) {
      out.push(...region.ok);
    } else {
      conflicts += 1;
      out.push(`<<<<<<< ${labels.current}`, ...region.conflict.a, '=======', ...region.conflict.b, `>>>>>>> ${labels.next}`);
    }
  }
  return { text: inLineEndingsOf(current, out.join('\n')), conflicts };
}
