import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { shellQuoted } from '../../src/commands/create-text.js';

describe('paths in "Next steps"', () => {
  it('a real shell reads each quoted path back unchanged, whatever it holds', async () => {
    for (const path of ['lz', 'my landing zone', 'zone-été/ü', "it's", '$HOME `x` "q"', 'a\\b', '../up one']) {
      const echoed = await execa('sh', ['-c', `printf '%s' ${shellQuoted(path)}`]);
      expect(echoed.stdout, path).toBe(path);
    }
    expect(shellQuoted('-lz')).toBe('./-lz');
    expect(shellQuoted('infra/lz-1')).toBe('infra/lz-1');
    expect(shellQuoted('my landing zone')).toBe("'my landing zone'");
  });
});
