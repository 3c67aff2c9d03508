/** Plain-text layout for --help: words wrapped to a width, continuation lines aligned. */

/** Splits text into lines of at most `width` characters, between words; a single longer word keeps its own line. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  return line === '' ? [] : [...lines, line];
}

/**
 * `left` in the first columns and `right` wrapped beside it from `column` on; when `left` reaches the
 * column, the text starts on the next line, so that every description starts at the same place.
 */
export function twoColumns(left: string, right: string, column: number, width: number): string[] {
  const indent = ' '.repeat(column);
  const wrapped = wrapWords(right, width - column).map((line) => indent + line);
  if (wrapped.length === 0) return [left];
  if (left.length + 2 > column) return [left, ...wrapped];
  return [left.padEnd(column) + wrapped[0]!.slice(column), ...wrapped.slice(1)];
}
