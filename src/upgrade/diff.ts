import { diffComm } from 'node-diff3';

/** Lines of context around each change, as `diff -u` and git show them. */
const CONTEXT = 3;

/** A last line without a newline is a different line from the same text with one (git shows it so). */
const NO_NEWLINE = '\u0000no-newline';

interface Row {
  readonly mark: ' ' | '-' | '+';
  readonly text: string;
}

/**
 * A unified diff of one file (`upgrade --dry-run`) that `git apply` accepts: `a/` and `b/` prefixes,
 * `/dev/null` for a file added or removed, hunk headers with line ranges, and git's "\ No newline at end
 * of file". In LF, as `git diff` shows it: the generated .gitattributes (`* text=auto eol=lf`) has git
 * compare and apply a CRLF working file in LF, so CRLF context lines would not match.
 */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string {
  const rows: Row[] = [];
  for (const block of diffComm(linesOf(before), linesOf(after))) {
    if ('common' in block) rows.push(...block.common.map((text) => ({ mark: ' ' as const, text })));
    else rows.push(...block.buffer1.map((text) => ({ mark: '-' as const, text })), ...block.buffer2.map((text) => ({ mark: '+' as const, text })));
  }
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`];
  for (const [first, last] of hunkSpans(rows)) {
    const oldBefore = rows.slice(0, first).filter((row) => row.mark !== '+').length;
    const newBefore = rows.slice(0, first).filter((row) => row.mark !== '-').length;
    const hunk = rows.slice(first, last + 1);
    const oldCount = hunk.filter((row) => row.mark !== '+').length;
    const newCount = hunk.filter((row) => row.mark !== '-').length;
    out.push(`@@ -${range(oldBefore, oldCount)} +${range(newBefore, newCount)} @@`);
    for (const row of hunk) {
      if (row.text.endsWith(NO_NEWLINE)) out.push(`${row.mark}${row.text.slice(0, -NO_NEWLINE.length)}`, '\\ No newline at end of file');
      else out.push(`${row.mark}${row.text}`);
    }
  }
  return out.join('\n');
}

/** The lines of a text, the last one marked when it has no newline; nothing for an absent or empty file. */
function linesOf(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

/** First and last row of each hunk: the changes with their context, joined where the contexts touch. */
function hunkSpans(rows: readonly Row[]): [number, number][] {
  const spans: [number, number][] = [];
  rows.forEach((row, index) => {
    if (row.mark === ' ') return;
    const start = Math.max(0, index - CONTEXT);
    const end = Math.min(rows.length - 1, index + CONTEXT);
    const previous = spans.at(-1);
    if (previous && start <= previous[1] + 1) previous[1] = end;
    else spans.push([start, end]);
  });
  return spans;
}

/** `start,count` in a hunk header; an empty side is numbered by the line before it (0 at the top). */
function range(linesBefore: number, count: number): string {
  return `${count === 0 ? linesBefore : linesBefore + 1},${count}`;
}
