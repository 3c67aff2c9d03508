import { describe, expect, it } from 'vitest';
import { conflictMarkerLines } from '../../src/fs/conflict-markers.js';

describe('unresolved conflict markers', () => {
  it('finds each conflict at its <<<<<<< line, in LF and CRLF, with or without a diff3 base section', () => {
    const text = ['a', '<<<<<<< your edits', 'x', '=======', 'y', '>>>>>>> create-secure-ai-landing 0.2.0', 'b'].join('\n');
    expect(conflictMarkerLines(text)).toEqual([2]);
    expect(conflictMarkerLines(text.replace(/\n/g, '\r\n'))).toEqual([2]);
    const diff3 = ['<<<<<<< HEAD', 'x', '||||||| base', 'o', '=======', 'y', '>>>>>>> theirs', '', '<<<<<<<', '=======', '>>>>>>>'].join('\n');
    expect(conflictMarkerLines(diff3)).toEqual([1, 9]);
  });

  it('is not fooled by a Markdown underline, a lone marker, markers out of order or indented ones', () => {
    expect(conflictMarkerLines('Title\n=======\n')).toEqual([]);
    expect(conflictMarkerLines('<<<<<<< alone\ntext\n')).toEqual([]);
    expect(conflictMarkerLines('>>>>>>> b\n=======\n<<<<<<< a\n')).toEqual([]);
    expect(conflictMarkerLines('  <<<<<<< a\n=======\n>>>>>>> b\n')).toEqual([]);
    expect(conflictMarkerLines('<<<<<<<< eight\n=======\n>>>>>>> b\n')).toEqual([]);
  });
});
