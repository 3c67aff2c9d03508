import { cp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeEach, describe, expect, it } from 'vitest';
import { ISOLATED_GIT_ENV, snapshotTree, tempDir } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CREATE = ['--yes', '--no-git', '--location', 'swedencentral', '--topology', 'single-vnet', '--gateway', 'none'];

/**
 * bin/load-bundle.cjs keeps V8's code cache of the bundle in code-cache/ beside the package. Each test runs a copy of
 * the package (bin, the built bundle, templates), so that the cache it makes and reads is its own.
 */
describe("the bundle's code cache", () => {
  let pkg: string;

  beforeEach(async () => {
    pkg = await tempDir('sail-cache-pkg-');
    await cp(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
    await cp(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
    await cp(join(ROOT, 'package.json'), join(pkg, 'package.json'));
    await symlink(join(ROOT, 'templates'), join(pkg, 'templates'));
  });

  // Each run in a folder of its own, under the same name: the name is part of what is generated.
  const create = async (env: Record<string, string> = {}) => {
    const work = await tempDir('sail-cache-work-');
    const run = await execa(process.execPath, [join(pkg, 'bin/create-secure-ai-landing.cjs'), 'lz', ...CREATE], {
      cwd: work,
      reject: false,
      env: { ...ISOLATED_GIT_ENV, CI: 'true', ...env },
      extendEnv: false,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    return snapshotTree(join(work, 'lz'));
  };
  const cacheFiles = async () => readdir(join(pkg, 'code-cache')).catch(() => [] as string[]);
  const bundleId = async () => /^\/\/ bundle ([0-9a-f]{16})\n/.exec(await readFile(join(pkg, 'dist/index.cjs'), 'utf8'))?.[1];

  it('is made by the first run for this bundle, Node version and machine, and taken as it is by the next', async () => {
    const first = await create();
    const files = await cacheFiles();
    expect(files).toEqual([`${await bundleId()}-create-${process.version}-${process.arch}.bin`]);
    const made = await stat(join(pkg, 'code-cache', files[0]!));
    expect(made.size).toBeGreaterThan(100_000);
    // V8 accepted it: a rejected cache would be written again.
    expect(await create()).toEqual(first);
    expect((await stat(join(pkg, 'code-cache', files[0]!))).mtimeMs).toBe(made.mtimeMs);
  });

  it('is replaced when V8 rejects it, and the run is the same', async () => {
    const expected = await create();
    const [file] = await cacheFiles();
    await writeFile(join(pkg, 'code-cache', file!), 'not a code cache');
    expect(await create()).toEqual(expected);
    expect((await stat(join(pkg, 'code-cache', file!))).size).toBeGreaterThan(100_000);
  });

  it('is never taken for another build of the bundle', async () => {
    await create();
    const original = await bundleId();
    const bundle = join(pkg, 'dist/index.cjs');
    // Same length, other content: V8's own check (the source's length) would let the old cache through.
    const source = await readFile(bundle, 'utf8');
    await writeFile(bundle, source.replace(/^\/\/ bundle [0-9a-f]{16}/, '// bundle 0000000000000000'));
    await create();
    expect((await cacheFiles()).sort()).toEqual([
      `0000000000000000-create-${process.version}-${process.arch}.bin`,
      `${original}-create-${process.version}-${process.arch}.bin`,
    ]);
  });

  it('is made by a successful run of its command: not by --version, --help or a refused run, and not shared with another command', async () => {
    const bin = join(pkg, 'bin/create-secure-ai-landing.cjs');
    const work = await tempDir('sail-cache-work-');
    for (const args of [['--version'], ['--help'], ['lz', '--yes', '--no-git'], ['schema']]) {
      await execa(process.execPath, [bin, ...args], { cwd: work, reject: false, env: { ...ISOLATED_GIT_ENV, CI: 'true' }, extendEnv: false });
    }
    // `lz --yes` without --location is refused (exit 2): only `schema` ran to the end.
    expect(await cacheFiles()).toEqual([`${await bundleId()}-schema-${process.version}-${process.arch}.bin`]);
    await create();
    expect((await cacheFiles()).sort()).toEqual(
      [`${await bundleId()}-create-${process.version}-${process.arch}.bin`, `${await bundleId()}-schema-${process.version}-${process.arch}.bin`].sort(),
    );
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE, as Node’s own is', async () => {
    await create({ NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(await cacheFiles()).toEqual([]);
  });

  it('costs only speed where it cannot be written', async () => {
    // A file where the folder should be stops even root, who writes through read-only modes.
    await writeFile(join(pkg, 'code-cache'), '');
    const expected = await create();
    expect(await create()).toEqual(expected);
    expect((await stat(join(pkg, 'code-cache'))).isFile()).toBe(true);
  });
});
