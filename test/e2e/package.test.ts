import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { describeDiagnostics, runBicep } from '../compiler/bicep.js';
import { ISOLATED_GIT_ENV, tempDir } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const bicep = inject('bicepPath');

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/** What `npm publish` would ship, installed and run the way `npm create secure-ai-landing` runs it. */
describe('the published package', () => {
  let pack: PackResult;
  let tarball: string;

  beforeAll(async () => {
    const destination = await tempDir('sail-pack-');
    // --ignore-scripts: `npm test` has already built dist/; rebuilding here would race the other tests.
    const result = await execa('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: ROOT });
    pack = (JSON.parse(String(result.stdout)) as PackResult[])[0]!;
    tarball = join(destination, pack.filename);
  });

  it('holds the bundle, README and CHANGELOG, and no sources, tests or templates', () => {
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining(['bin/create-secure-ai-landing.cjs', 'dist/index.cjs', 'bin/load-bundle.cjs', 'README.md', 'CHANGELOG.md', 'package.json']),
    );
    // The bundle carries every template built in (the .hbs files precompiled, the others as their text).
    expect(paths.filter((path) => /^(src|test|generators|bench|templates)\//.test(path))).toEqual([]);
  });

  it('has zero runtime dependencies', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('installs into an empty folder, creates a landing zone that compiles and finds nothing to upgrade in it', async () => {
    const user = await tempDir('sail-user-');
    await execa('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], { cwd: user });
    const run = await execa(
      'npm',
      [
        'exec',
        '--offline',
        '--',
        'create-secure-ai-landing',
        'lz',
        '--location',
        'westeurope',
        '--topology',
        'single-vnet',
        '--gateway',
        'none',
        '--no-jumpbox',
      ],
      {
        cwd: user,
        reject: false,
        env: { ...ISOLATED_GIT_ENV, CI: 'true' },
      },
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.exitCode).toBe(0);
    expect(String(run.stdout)).toMatch(/Wrote \d+ files to lz/);
    // upgrade regenerates the landing zone too: from the built-in templates, it finds nothing to change.
    const upgrade = await execa('npm', ['exec', '--offline', '--', 'create-secure-ai-landing', 'upgrade', '--check'], {
      cwd: join(user, 'lz'),
      reject: false,
      env: { ...ISOLATED_GIT_ENV, CI: 'true' },
    });
    expect(upgrade.exitCode, upgrade.stderr).toBe(0);
    if (!bicep) return;
    const build = await runBicep(bicep, ['build', 'infra/main.bicep', '--stdout'], join(user, 'lz'));
    expect(describeDiagnostics(build.diagnostics.filter((d) => d.level !== 'Info'))).toBe('');
    expect(build.exitCode).toBe(0);
  }, 120_000);
});
