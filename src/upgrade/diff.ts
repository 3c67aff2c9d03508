import { diffComm } from 'node-diff3';

/** A unified diff of two texts (three lines of context), for `upgrade --dry-run`. */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string {
  const lines = (text: string | undefined) => (text === undefined ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
  const rows: { mark: ' ' | '-' | '+'; text: string }[] = [];
  for (const block of diffComm(lines(before), lines(after))) {
    if ('common' in block) rows.push(...block.common.map((text) => ({ mark: ' ' as const, text })));
    else rows.push(...block.buffer1.map((text) => ({ mark: '-' as const, text })), ...block.buffer2.map((text) => ({ mark: '+' as const, text })));
  }
  const changed = rows.map((row, index) => (row.mark === ' ' ? -1 : index)).filter((index) => index >= 0);
  const shown = new Set(changed.flatMap((index) => [index - 3, index - 2, index - 1, index, index + 1, index + 2, index + 3]));
  const out = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ ${after === undefined ? '/dev/null' : `b/${path}`}`];
  rows.forEach((row, index) => {
    if (!shown.has(index)) return;
    if (!shown.has(index - 1) && index > 0) out.push('@@');
    out.push(`${row.mark}${row.text}`);
  });
  return out.join('\n');
}
