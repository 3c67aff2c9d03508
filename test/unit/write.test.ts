import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { UsageError } from '../../src/errors.js';
import { writeTree } from '../../src/fs/write.js';
import { InterruptedError, watchSignals } from '../../src/signals.js';
import { snapshotTree, tempDir } from '../helpers/cli.js';

/** `a` as a file and `a/b` inside it cannot both exist: the second write fails halfway through. */
const FAILS_HALFWAY = new Map([
  ['ok.txt', 'fine'],
  ['a', 'file'],
  ['a/b', 'cannot exist'],
]);

describe('writing the rendered tree', () => {
  it('creates a new folder with every file', async () => {
    const work = await tempDir();
    const result = await writeTree(
      join(work, 'deep/new'),
      new Map([
        ['x/y.txt', 'y'],
        ['z.txt', 'z'],
      ]),
    );
    expect(result.toWrite).toEqual(['x/y.txt', 'z.txt']);
    expect(await readFile(join(work, 'deep/new/x/y.txt'), 'utf8')).toBe('y');
  });

  it('creates the new folder with the permissions of any folder the user makes, not the private staging mode', async () => {
    const work = await tempDir();
    await writeTree(join(work, 'lz'), new Map([['a.txt', 'a']]));
    await mkdir(join(work, 'ordinary'));
    expect((await stat(join(work, 'lz'))).mode & 0o777).toBe((await stat(join(work, 'ordinary'))).mode & 0o777);
  });

  it('stages inside an existing target and leaves no staging folder behind', async () => {
    const work = await tempDir();
    await writeTree(work, new Map([['a/b.txt', 'b']]));
    expect(await readdir(work)).toEqual(['a']);
  });

  it('leaves no half-written folder when a write fails, and removes the parents it created', async () => {
    const work = await tempDir();
    await expect(writeTree(join(work, 'parent/lz'), FAILS_HALFWAY)).rejects.toThrow();
    expect(await readdir(work)).toEqual([]);
  });

  it('restores an existing folder exactly when a write fails halfway', async () => {
    const work = await tempDir();
    await mkdir(join(work, 'lz'));
    await writeFile(join(work, 'lz/keep.txt'), 'mine');
    const before = await snapshotTree(work);
    await expect(writeTree(join(work, 'lz'), FAILS_HALFWAY)).rejects.toThrow();
    expect(await snapshotTree(work)).toEqual(before);
  });

  it('skips files that already hold the same content and refuses to overwrite different ones', async () => {
    const work = await tempDir();
    await writeFile(join(work, 'same.txt'), 'same');
    await writeFile(join(work, 'other.txt'), 'user text');
    const before = await snapshotTree(work);
    await expect(
      writeTree(
        work,
        new Map([
          ['same.txt', 'same'],
          ['other.txt', 'ours'],
          ['new.txt', 'n'],
        ]),
      ),
    ).rejects.toThrow(UsageError);
    expect(await snapshotTree(work)).toEqual(before);
    const result = await writeTree(
      work,
      new Map([
        ['same.txt', 'same'],
        ['new.txt', 'n'],
      ]),
    );
    expect(result).toEqual({ toWrite: ['new.txt'], unchanged: ['same.txt'] });
  });

  it('writes executable exactly the files the plan marks so', async () => {
    const work = await tempDir();
    await writeTree(
      join(work, 'lz'),
      new Map([
        ['run.sh', '#!/bin/sh'],
        ['lib.sh', 'x=1'],
      ]),
      { executable: new Set(['run.sh']) },
    );
    expect((await stat(join(work, 'lz/run.sh'))).mode & 0o777).toBe(0o755);
    expect((await stat(join(work, 'lz/lib.sh'))).mode & 0o111).toBe(0);
  });

  it('treats a folder where a file would go as a failure to report, not as a missing file, and writes nothing', async () => {
    const work = await tempDir();
    await mkdir(join(work, 'a.txt'));
    const before = await snapshotTree(work);
    await expect(
      writeTree(
        work,
        new Map([
          ['a.txt', 'a'],
          ['b.txt', 'b'],
        ]),
      ),
    ).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await snapshotTree(work)).toEqual(before);
  });

  it('stops at every step when told to, and undoes everything: a new folder and an existing one', async () => {
    const tree = new Map([
      ['a/one.txt', '1'],
      ['a/b/two.txt', '2'],
      ['three.txt', '3'],
    ]);
    // Checkpoints: one per staged file, then one before the rename (new folder) or per moved file (existing).
    for (const existing of [false, true]) {
      for (let stopAt = 0; stopAt < (existing ? 6 : 4); stopAt++) {
        const work = await tempDir();
        if (existing) await writeFile(join(work, 'mine.txt'), 'mine');
        const before = await snapshotTree(work);
        let calls = 0;
        const checkpoint = () => {
          if (calls++ === stopAt) throw new InterruptedError('SIGINT', 'interrupted by SIGINT');
        };
        const target = existing ? work : join(work, 'new/lz');
        await expect(writeTree(target, tree, { checkpoint }), `stop at ${stopAt}`).rejects.toBeInstanceOf(InterruptedError);
        expect(await snapshotTree(work), `stop at ${stopAt}`).toEqual(before);
      }
    }
  });

  it('replaces a replaceable file, and on a stop at any step puts it back as it was', async () => {
    const tree = new Map([
      ['.gitignore', 'merged\n'],
      ['a.txt', 'a'],
    ]);
    for (let stopAt = 0; stopAt < 4; stopAt++) {
      const work = await tempDir();
      await writeFile(join(work, '.gitignore'), 'own\n');
      const before = await snapshotTree(work);
      let calls = 0;
      const checkpoint = () => {
        if (calls++ === stopAt) throw new InterruptedError('SIGTERM', 'interrupted by SIGTERM');
      };
      await expect(writeTree(work, tree, { checkpoint, replaceable: new Set(['.gitignore']) })).rejects.toBeInstanceOf(InterruptedError);
      expect(await snapshotTree(work), `stop at ${stopAt}`).toEqual(before);
    }
    const work = await tempDir();
    await writeFile(join(work, '.gitignore'), 'own\n');
    await writeTree(work, tree, { replaceable: new Set(['.gitignore']) });
    expect(await readFile(join(work, '.gitignore'), 'utf8')).toBe('merged\n');
    expect((await readdir(work)).sort()).toEqual(['.gitignore', 'a.txt']);
  });

  it('names the file a failure was about where it was going, not in the staging folder that is gone', async () => {
    const work = await tempDir();
    const target = join(work, 'lz');
    // Staging `a/b` fails: `a` is a file.
    const failure = (await writeTree(target, FAILS_HALFWAY).catch((error: unknown) => error)) as NodeJS.ErrnoException;
    expect(failure.path).toMatch(new RegExp(`^${target}/a`));
    expect(await readdir(work)).toEqual([]);
  });
});

describe('watching stop signals', () => {
  it('records the first signal, and a checkpoint then throws it; before any, checkpoints pass', () => {
    const source = new EventEmitter();
    const watch = watchSignals(source as never);
    expect(() => watch.checkpoint()).not.toThrow();
    source.emit('SIGTERM');
    source.emit('SIGINT');
    expect(watch.received).toBe('SIGTERM');
    expect(() => watch.checkpoint()).toThrow(expect.objectContaining({ signal: 'SIGTERM', exitCode: 130 }));
  });
});
