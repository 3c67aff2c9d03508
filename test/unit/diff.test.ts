import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/upgrade/diff.js';
import { ISOLATED_GIT_ENV, tempDir } from '../helpers/cli.js';

const lines = (count: number, prefix = 'line') => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}\n`).join('');

/** Each case: the file before (undefined: absent) and after. */
const CASES: Record<string, [string | undefined, string | undefined]> = {
  'changed.txt': [lines(20), lines(20).replace('line 2\n', 'line two\n').replace('line 18\n', 'line eighteen\n')],
  'near.txt': [lines(10), lines(10).replace('line 3\n', 'x\n').replace('line 8\n', 'y\n')],
  'added.txt': [undefined, 'new\nfile\n'],
  'removed.txt': ['old\n', undefined],
  'no-newline.txt': ['a\nb', 'a\nb\nc\n'],
  'loses-newline.txt': ['a\nb\n', 'a\nB'],
  'emptied.txt': ['a\n', ''],
};

describe('the diff of upgrade --dry-run', () => {
  it('is a patch that real git applies, with the result byte for byte as intended', async () => {
    const dir = await tempDir();
    const git = (...args: string[]) => execa('git', args, { cwd: dir, env: ISOLATED_GIT_ENV });
    await git('init', '--quiet');
    for (const [path, [before]] of Object.entries(CASES)) if (before !== undefined) await writeFile(join(dir, path), before);
    const patch = `${Object.entries(CASES)
      .map(([path, [before, after]]) => unifiedDiff(path, before, after))
      .join('\n')}\n`;
    const patchFile = join(await tempDir(), 'upgrade.patch');
    await writeFile(patchFile, patch);
    await git('apply', '--check', patchFile);
    await git('apply', patchFile);
    for (const [path, [, after]] of Object.entries(CASES)) {
      const result = await execa('cat', [path], { cwd: dir, reject: false, stripFinalNewline: false });
      if (after === undefined) expect(result.exitCode, path).not.toBe(0);
      else expect(result.stdout, path).toBe(after);
    }
  });

  it('has hunk headers with line ranges and joins changes whose context overlaps', () => {
    const diff = unifiedDiff('near.txt', ...CASES['near.txt']!);
    expect(diff.split('\n').filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,10 +1,10 @@']);
    expect(
      unifiedDiff('changed.txt', ...CASES['changed.txt']!)
        .split('\n')
        .filter((line) => line.startsWith('@@')),
    ).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(unifiedDiff('added.txt', ...CASES['added.txt']!)).toBe('--- /dev/null\n+++ b/added.txt\n@@ -0,0 +1,2 @@\n+new\n+file');
  });
});
