import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

/** Conflict markers committed by mistake (issue #17, item 10): validate points at them before compiling. */
describe('validate and unresolved conflict markers', () => {
  it('says "unresolved conflict marker" at each file and line, exit 1, and checks nothing else', async () => {
    const work = await tempDir();
    const created = await runCli(['lz', '--yes', '--no-git', '--location', 'swedencentral', '--topology', 'single-vnet', '--gateway', 'none', '--no-jumpbox'], {
      cwd: work,
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const target = join(work, 'lz');
    const main = (await readFile(join(target, 'infra/main.bicep'), 'utf8')).split('\n');
    const at = main.findIndex((line) => line.startsWith('param location'));
    main.splice(at, 1, '<<<<<<< your edits', main[at]!, '=======', `${main[at]!} // theirs`, '>>>>>>> create-secure-ai-landing 0.2.0');
    await writeFile(join(target, 'infra/main.bicep'), main.join('\n'));
    await writeFile(join(target, 'scripts/build.sh'), `${await readFile(join(target, 'scripts/build.sh'), 'utf8')}<<<<<<< HEAD\n=======\necho x\n>>>>>>> b\n`);

    const result = await runCli(['validate'], { cwd: target, env: { BICEP_PATH: '/nonexistent/bicep' } });
    expect(result.exitCode).toBe(1);
    const buildLines = (await readFile(join(target, 'scripts/build.sh'), 'utf8')).split('\n');
    expect(result.stderr).toBe(
      [
        'error: 2 file(s) hold unresolved conflict markers; nothing was checked',
        `  infra/main.bicep:${at + 1}: unresolved conflict marker`,
        `  scripts/build.sh:${buildLines.indexOf('<<<<<<< HEAD') + 1}: unresolved conflict marker`,
      ].join('\n'),
    );
    const json = await runCli(['validate', '--json'], { cwd: target });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, conflictMarkers: [{ path: 'infra/main.bicep', line: at + 1 }, { path: 'scripts/build.sh' }] });
  });
});
