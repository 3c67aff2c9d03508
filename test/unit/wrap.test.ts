import { describe, expect, it } from 'vitest';
import { twoColumns, wrapWords } from '../../src/cli/wrap.js';

describe('help layout', () => {
  it('wraps between words and never splits one', () => {
    expect(wrapWords('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrapWords('a-very-long-word b', 5)).toEqual(['a-very-long-word', 'b']);
    expect(wrapWords('  ', 10)).toEqual([]);
  });

  it('aligns continuation lines under the description, and moves a long flag onto a line of its own', () => {
    expect(twoColumns('  --x', 'alpha beta gamma', 8, 18)).toEqual(['  --x   alpha beta', '        gamma']);
    expect(twoColumns('  --a-long-flag', 'alpha', 8, 18)).toEqual(['  --a-long-flag', '        alpha']);
  });
});
