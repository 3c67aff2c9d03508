import { describe, expect, it } from 'vitest';
import { decide, mergeThreeWay } from '../../src/upgrade/merge.js';

const LABELS = { current: 'your edits', next: 'create-secure-ai-landing 9.9.9' };
const kindOf = (base: string | undefined, current: string | undefined, next: string | undefined) => decide({ base, current, next }, LABELS).kind;

describe('what upgrade does with one file', () => {
  it.each([
    ['unchanged by the user, changed by the generator', 'a\n', 'a\n', 'b\n', 'update'],
    ['changed by the user, not by the generator', 'a\n', 'x\n', 'a\n', 'keep-edits'],
    ['changed by both, apart', 'a\nb\nc\nd\ne\n', 'A\nb\nc\nd\ne\n', 'a\nb\nc\nd\nE\n', 'merge'],
    ['changed by both, the same lines', 'a\n', 'x\n', 'y\n', 'conflict'],
    ['changed by both, the same way', 'a\n', 'y\n', 'y\n', 'unchanged'],
    ['deleted by the user', 'a\n', undefined, 'b\n', 'keep-deleted'],
    ['no longer generated, never edited', 'a\n', 'a\n', undefined, 'remove'],
    ['no longer generated, edited', 'a\n', 'x\n', undefined, 'keep-orphan'],
    ['new', undefined, undefined, 'b\n', 'add'],
    ["the user's own file", undefined, 'x\n', undefined, 'unchanged'],
    ['only line endings differ', 'a\nb\n', 'a\r\nb\r\n', 'a\nb\n', 'unchanged'],
  ])('%s → %s', (_case, base, current, next, expected) => {
    expect(kindOf(base, current, next)).toBe(expected);
  });

  it('updates a CRLF file in CRLF', () => {
    expect(decide({ base: 'a\nb\n', current: 'a\r\nb\r\n', next: 'a\nc\n' }, LABELS)).toEqual({ kind: 'update', content: 'a\r\nc\r\n' });
  });

  it("merges separate edits cleanly and marks overlapping ones, the user's side first", () => {
    expect(mergeThreeWay('A\nb\nc\nd\ne\n', 'a\nb\nc\nd\ne\n', 'a\nb\nc\nd\nE\n', LABELS)).toEqual({ text: 'A\nb\nc\nd\nE\n', conflicts: 0 });
    expect(mergeThreeWay('a\nmine\nz\n', 'a\nbase\nz\n', 'a\ntheirs\nz\n', LABELS)).toEqual({
      text: 'a\n<<<<<<< your edits\nmine\n=======\ntheirs\n>>>>>>> create-secure-ai-landing 9.9.9\nz\n',
      conflicts: 1,
    });
  });
});
