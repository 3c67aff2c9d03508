import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { finalize, mergeLayers, type Resolved } from '../../src/answers/resolve.js';
import type { PartialAnswers } from '../../src/answers/schema.js';
import { writeTree } from '../../src/fs/write.js';
import { generateLandingZone } from '../../src/generate.js';
import { BASE_PATH, STATE_PATH } from '../../src/state.js';
import { applyAll } from '../../src/upgrade/apply.js';
import { GENERATOR_VERSION } from '../../src/version.js';
import { runBicep } from '../compiler/bicep.js';
import { ISOLATED_GIT_ENV, runCli, snapshotTree, tempDir } from '../helpers/cli.js';

/**
 * Upgrade with real git repositories: a landing zone generated with an older template set ("A", the
 * shipped templates with a few lines changed), edited by its user, upgraded by the built CLI with the
 * shipped templates ("B").
 */
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const bicep = inject('bicepPath');
const ANSWERS: PartialAnswers = { name: 'contoso', location: 'swedencentral', topology: 'single-vnet', gateway: 'none', jumpbox: false };
let templatesA: string;

/** What template set A has where B (the shipped templates) has something else: [file, B's text, A's text]. */
const A_DIFFERS: readonly [string, string, string][] = [
  ['infra/main-parts/storage.bicep.hbs', "@description('Name of the storage account.')", "@description('The storage account.')"],
  ['infra/modules/data/key-vault.bicep', "@description('Azure region of the key vault.')", "@description('Region of the key vault.')"],
  ['README.md.hbs', "Defender for Cloud's AI services plan is subscription-wide", 'The AI services plan of Defender for Cloud is subscription-wide'],
  ['docs/architecture.md.hbs', '## How traffic flows', '## Traffic'],
];

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, env: ISOLATED_GIT_ENV });
const read = (dir: string, path: string) => readFile(join(dir, path), 'utf8');
async function edit(dir: string, path: string, change: (text: string) => string) {
  await writeFile(join(dir, path), change(await read(dir, path)));
}

function resolved(partial: PartialAnswers): Resolved {
  const { merged, sources } = mergeLayers({ flags: partial, file: {} }, 'unused');
  const result = finalize(merged, sources);
  if ('issues' in result) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** A repository generated with template set A and committed, as `create` would leave it. */
async function generatedWithA(partial: PartialAnswers = ANSWERS): Promise<string> {
  const dir = await tempDir('sail-upgrade-');
  const { tree } = await generateLandingZone(resolved(partial), templatesA);
  await writeTree(dir, tree);
  await git(dir, 'init', '--quiet');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '-m', 'generated with template set A');
  return dir;
}

/** The user's edits: one line the templates also change, lines they do not, a deletion and a CRLF file. */
async function userEdits(dir: string) {
  await edit(dir, 'infra/main.bicep', (text) =>
    text.replace("@description('The storage account.')", "@description('The storage account, read by our backup job.')"),
  );
  await edit(dir, 'README.md', (text) => text.replace(/^# .*$/m, (title) => `${title}\n\nOwned by the platform team (#ai-platform).`));
  await edit(dir, 'infra/params/dev.bicepparam', (text) => `${text}// Reviewed by the network team.\n`);
  await edit(dir, 'infra/modules/data/key-vault.bicep', (text) => text.replace(/\n/g, '\r\n'));
  await rm(join(dir, 'docs/architecture.md'));
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '--quiet', '-m', 'our edits');
}

beforeAll(async () => {
  templatesA = await tempDir('sail-templates-a-');
  await cp(TEMPLATES, templatesA, { recursive: true });
  for (const [file, b, a] of A_DIFFERS) {
    const text = await read(templatesA, file);
    expect(text, `${file} must hold ${b}`).toContain(b);
    await writeFile(join(templatesA, file), text.replace(b, a));
  }
});

describe('upgrade from template set A to B', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = await generatedWithA();
    await userEdits(dir);
    run = await runCli(['upgrade', '--json'], { cwd: dir });
  });

  it('reports the conflict with exit code 3, and lists what it did with every file', () => {
    expect(run.exitCode, run.stderr).toBe(3);
    const summary = JSON.parse(run.stdout);
    expect(summary.conflicts).toEqual(['infra/main.bicep']);
    const actions = Object.fromEntries(summary.files.map((file: { path: string; action: string }) => [file.path, file.action]));
    expect(actions).toEqual(
      expect.objectContaining({
        'infra/main.bicep': 'conflict',
        'README.md': 'merge',
        'infra/modules/data/key-vault.bicep': 'update',
        'docs/architecture.md': 'keep-deleted',
      }),
    );
    expect(actions['infra/params/dev.bicepparam']).toBe('keep-edits'); // unchanged by B: kept as the user left it
  });

  it('keeps every edit of the user', async () => {
    expect(await read(dir, 'README.md')).toContain('Owned by the platform team (#ai-platform).');
    expect(await read(dir, 'infra/params/dev.bicepparam')).toContain('// Reviewed by the network team.');
    expect(await read(dir, 'infra/main.bicep')).toContain("@description('The storage account, read by our backup job.')");
    await expect(read(dir, 'docs/architecture.md')).rejects.toThrow();
  });

  it('applies every change of B', async () => {
    expect(await read(dir, 'README.md')).toContain("Defender for Cloud's AI services plan is subscription-wide");
    expect(await read(dir, 'infra/modules/data/key-vault.bicep')).toContain("@description('Azure region of the key vault.')");
  });

  it("marks the overlapping edit with standard conflict markers, the user's side first", async () => {
    const main = await read(dir, 'infra/main.bicep');
    expect(main).toMatch(
      /<<<<<<< your edits\n@description\('The storage account, read by our backup job\.'\)\n=======\n@description\('Name of the storage account\.'\)\n>>>>>>> create-secure-ai-landing \d+\.\d+\.\d+/,
    );
  });

  it('keeps a CRLF file in CRLF without a spurious conflict', async () => {
    const keyVault = await read(dir, 'infra/modules/data/key-vault.bicep');
    expect(keyVault).toContain("@description('Azure region of the key vault.')\r\n");
    expect(keyVault.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('records B as the new merge base, so a second upgrade finds nothing to do', async () => {
    await edit(dir, 'infra/main.bicep', (text) => text.replace(/<<<<<<< your edits\n(.*)\n=======\n.*\n>>>>>>> .*\n/, '$1\n'));
    await git(dir, 'commit', '--quiet', '-am', 'resolved');
    const again = await runCli(['upgrade', '--check'], { cwd: dir });
    expect(again.stdout).toContain('Nothing to change: every file is up to date.');
    expect(again.exitCode).toBe(0);
  });
});

describe('upgrade --set', () => {
  it("adds the VPN: new modules wired into main.bicep, the user's edit of main.bicep kept, and it compiles", async () => {
    const dir = await generatedWithA();
    await edit(dir, 'infra/main.bicep', (text) => text.replace(/^param location/m, '// Keep the region in sync with the hub.\nparam location'));
    await git(dir, 'commit', '--quiet', '-am', 'note');
    const run = await runCli(['upgrade', '--set', 'vpn=p2s'], { cwd: dir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('answer vpn: "none" → "p2s"');
    const main = await read(dir, 'infra/main.bicep');
    expect(main).toContain('// Keep the region in sync with the hub.');
    expect(main).toMatch(/^module vpnGateway 'modules\/connectivity\/vpn-gateway\.bicep'/m);
    expect(await read(dir, 'infra/modules/connectivity/vpn-gateway.bicep')).toContain('VpnGw1AZ');
    expect(JSON.parse(await read(dir, STATE_PATH)).answers.vpn).toBe('p2s');
    if (bicep) {
      const build = await runBicep(bicep, ['build', 'infra/main.bicep', '--stdout'], dir);
      expect(build.exitCode, build.stderr).toBe(0);
    }
    // One start of the compiler for a cold 300 KB template: over vitest's 20 s default on a busy 2-core machine.
  }, 120_000);

  it('removes a module no longer generated if never edited, and keeps and reports an edited one', async () => {
    const dir = await generatedWithA({ ...ANSWERS, vpn: 'p2s', jumpbox: true });
    await edit(dir, 'infra/modules/access/jumpbox.bicep', (text) => `// Our hardening notes.\n${text}`);
    await git(dir, 'commit', '--quiet', '-am', 'notes');
    const run = await runCli(['upgrade', '--set', 'vpn=none', '--set', 'jumpbox=false', '--json'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    const actions = Object.fromEntries(JSON.parse(run.stdout).files.map((file: { path: string; action: string }) => [file.path, file.action]));
    expect(actions['infra/modules/connectivity/vpn-gateway.bicep']).toBe('remove');
    expect(actions['infra/modules/access/jumpbox.bicep']).toBe('keep-orphan');
    await expect(read(dir, 'infra/modules/connectivity/vpn-gateway.bicep')).rejects.toThrow();
    expect(await read(dir, 'infra/modules/access/jumpbox.bicep')).toContain('// Our hardening notes.');
  });

  it('refuses an invalid or unknown answer with exit 2, changing nothing', async () => {
    const dir = await generatedWithA();
    const before = await snapshotTree(dir);
    const invalid = await runCli(['upgrade', '--set', 'vpn=maybe'], { cwd: dir });
    expect(invalid.exitCode).toBe(2);
    expect(invalid.stderr).toMatch(/--vpn/);
    const unknown = await runCli(['upgrade', '--set', 'colour=blue'], { cwd: dir });
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('there is no answer called colour');
    expect(await snapshotTree(dir)).toEqual(before);
  });
});

describe('upgrade safety', () => {
  it('finds nothing to do right after create, and changes nothing then', async () => {
    const dir = await tempDir('sail-fresh-');
    const created = await runCli([dir, '--yes', '--name', 'contoso', '--location', 'swedencentral', '--gateway', 'none'], { cwd: dir });
    expect(created.exitCode, created.stderr).toBe(0);
    const before = await snapshotTree(dir);
    const check = await runCli(['upgrade', '--check'], { cwd: dir });
    expect(check.stdout).toContain('Nothing to change');
    expect(check.exitCode).toBe(0);
    const upgrade = await runCli(['upgrade'], { cwd: dir });
    expect(upgrade.exitCode).toBe(0);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  // gpt-4.1 2025-04-14 retired on 2026-10-14: whatever day this runs, it stays retired.
  it('reports a retired model version in the parameters, hand edits included, and keeps it; moving to a retired model is refused', async () => {
    const dir = await generatedWithA({ ...ANSWERS, model: 'gpt-4.1' });
    await edit(dir, 'infra/params/dev.bicepparam', (text) =>
      text.replace("model: 'gpt-4.1'", "model: 'gpt-4o'").replace("version: '2025-04-14'", "version: '2024-11-20'"),
    );
    await git(dir, 'commit', '--quiet', '-am', 'dev tries gpt-4o');
    const upgrade = await runCli(['upgrade', '--json'], { cwd: dir });
    expect(upgrade.exitCode, upgrade.stderr).toBe(0);
    expect(JSON.parse(upgrade.stdout).models).toEqual([
      expect.stringMatching(
        /^infra\/params\/dev\.bicepparam: gpt-4o 2024-11-20 was retired on 2026-10-01: .*use gpt-5\.5 .*upgrade kept the version; to move, run `upgrade --set model=gpt-5\.5`/,
      ),
      expect.stringMatching(/^infra\/params\/prod\.bicepparam: gpt-4\.1 2025-04-14 was retired on 2026-10-14: .*use gpt-5\.5/),
    ]);
    expect(await read(dir, 'infra/params/prod.bicepparam')).toContain("version: '2025-04-14'");
    expect(await read(dir, 'infra/params/dev.bicepparam')).toContain("version: '2024-11-20'");
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '--quiet', '-m', 'upgraded');

    const before = await snapshotTree(dir);
    const refused = await runCli(['upgrade', '--set', 'model=gpt-4.1-mini'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/--model gpt-4\.1-mini: version 2025-04-14 was retired on 2026-10-14/);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('keeps where each answer came from, so a derived answer still gives way after several upgrades', async () => {
    const dir = await generatedWithA({ ...ANSWERS, vpn: 'p2s' });
    const first = await runCli(['upgrade', '--set', 'firewall=true'], { cwd: dir });
    expect(first.exitCode, first.stderr).toBe(0);
    await git(dir, 'add', '-A');
    await git(dir, 'commit', '--quiet', '-m', 'firewall');
    expect(JSON.parse(await read(dir, STATE_PATH)).answerSources.vpnClientAddressPool).toBe('derived');
    const run = await runCli(['upgrade', '--set', 'vpn=none'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(await read(dir, STATE_PATH)).answers.vpnClientAddressPool).toBeUndefined();
  });

  it('refuses a dirty working tree unless --allow-dirty, changing nothing', async () => {
    const dir = await generatedWithA();
    await edit(dir, 'README.md', (text) => `${text}\nwork in progress\n`);
    const before = await snapshotTree(dir);
    const refused = await runCli(['upgrade'], { cwd: dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('has uncommitted changes; nothing was changed');
    expect(await snapshotTree(dir)).toEqual(before);
    const allowed = await runCli(['upgrade', '--allow-dirty'], { cwd: dir });
    expect(allowed.exitCode).toBe(0);
    expect(await read(dir, 'README.md')).toContain('work in progress');
  });

  it("--dry-run shows each file's fate and a diff, and --check exits 4; neither changes anything", async () => {
    const dir = await generatedWithA();
    const before = await snapshotTree(dir);
    const dryRun = await runCli(['upgrade', '--dry-run'], { cwd: dir });
    expect(dryRun.exitCode).toBe(0);
    expect(dryRun.stdout).toContain('infra/modules/data/key-vault.bicep: updated');
    expect(dryRun.stdout).toContain("-@description('Region of the key vault.')\n+@description('Azure region of the key vault.')");
    const check = await runCli(['upgrade', '--check'], { cwd: dir });
    expect(check.exitCode).toBe(4);
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('--dry-run prints a diff that git apply accepts, and applying it gives what the upgrade writes', async () => {
    const dir = await generatedWithA();
    await userEdits(dir);
    const dryRun = await runCli(['upgrade', '--dry-run'], { cwd: dir });
    expect(dryRun.exitCode, dryRun.stderr).toBe(0);
    const patch = join(await tempDir(), 'upgrade.patch');
    // The whole output, as `upgrade --dry-run > upgrade.patch` saves it: git skips the report above the diff.
    // (runCli strips the final newline the CLI prints.)
    await writeFile(patch, `${dryRun.stdout}\n`);
    const check = await git(dir, 'apply', '--check', patch);
    expect(check.exitCode, check.stderr).toBe(0);
    const clone = await tempDir('sail-clone-');
    await execa('git', ['clone', '--quiet', dir, clone], { env: ISOLATED_GIT_ENV });
    expect((await runCli(['upgrade'], { cwd: clone })).exitCode).toBe(3); // the README conflict
    await git(dir, 'apply', patch);
    const landingZone = async (root: string) =>
      Object.fromEntries(Object.entries(await snapshotTree(root)).filter(([path]) => !/^(\.git|\.secure-ai-landing)\//.test(path)));
    expect(await landingZone(dir)).toEqual(await landingZone(clone));
  });

  it('refuses conflict markers committed by mistake: upgrade, --check and --dry-run exit 2 naming the files and lines', async () => {
    const dir = await generatedWithA();
    await edit(dir, 'README.md', (text) => `<<<<<<< your edits\nours\n=======\ntheirs\n>>>>>>> create-secure-ai-landing\n${text}`);
    await edit(dir, 'infra/params/dev.bicepparam', (text) => `${text}<<<<<<< HEAD\n=======\n>>>>>>> b\n`);
    await git(dir, 'commit', '--quiet', '-am', 'oops: markers committed');
    const markerLine = (await read(dir, 'infra/params/dev.bicepparam')).split('\n').indexOf('<<<<<<< HEAD') + 1;
    const before = await snapshotTree(dir);
    for (const extra of [[], ['--check'], ['--dry-run']]) {
      const run = await runCli(['upgrade', ...extra], { cwd: dir });
      expect(run.exitCode, extra.join(' ')).toBe(2);
      expect(run.stderr).toContain('error: unresolved conflict markers in README.md, infra/params/dev.bicepparam; nothing was changed');
      expect(run.stderr).toContain('  README.md:1: unresolved conflict marker');
      expect(run.stderr).toContain(`  infra/params/dev.bicepparam:${markerLine}: unresolved conflict marker`);
    }
    expect(await snapshotTree(dir)).toEqual(before);
  });

  it('works in a fresh clone, and without git at all', async () => {
    const origin = await generatedWithA();
    const clone = await tempDir('sail-clone-');
    await execa('git', ['clone', '--quiet', origin, clone], { env: ISOLATED_GIT_ENV });
    const inClone = await runCli(['upgrade'], { cwd: clone });
    expect(inClone.exitCode, inClone.stderr).toBe(0);
    expect(await read(clone, 'infra/modules/data/key-vault.bicep')).toContain("@description('Azure region of the key vault.')");

    const noGit = await generatedWithA();
    await rm(join(noGit, '.git'), { recursive: true });
    const withoutGit = await runCli(['upgrade'], { cwd: noGit, env: { PATH: '/nonexistent' } });
    expect(withoutGit.exitCode, withoutGit.stderr).toBe(0);
    expect(await read(noGit, 'infra/modules/data/key-vault.bicep')).toContain("@description('Azure region of the key vault.')");
  });

  it("takes the merge base from git's objects when an older state has no base.json", async () => {
    const dir = await generatedWithA();
    await rm(join(dir, BASE_PATH));
    await edit(dir, STATE_PATH, (text) => text.replace('"schemaVersion": 2', '"schemaVersion": 1'));
    await edit(dir, 'README.md', (text) => `${text}\nOur note.\n`);
    await git(dir, 'commit', '--quiet', '-am', 'older state, and a note');
    const run = await runCli(['upgrade'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    const readme = await read(dir, 'README.md');
    expect(readme).toContain('Our note.');
    expect(readme).toContain("Defender for Cloud's AI services plan is subscription-wide");
  });

  it('refuses the state of a newer generator with a clear message', async () => {
    const dir = await generatedWithA();
    await edit(dir, STATE_PATH, (text) => text.replace('"schemaVersion": 2', '"schemaVersion": 99'));
    await git(dir, 'commit', '--quiet', '-am', 'from the future');
    const run = await runCli(['upgrade'], { cwd: dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('newer than this one');
    expect(run.stderr).toContain('npx create-secure-ai-landing@latest upgrade');
  });

  it('an interrupted upgrade leaves the tree exactly as it was', async () => {
    const dir = await generatedWithA();
    const before = await snapshotTree(dir);
    const changes = [
      { path: 'README.md', content: 'new readme\n' },
      { path: 'infra/modules/new.bicep', content: '// new\n' },
      { path: 'infra/modules/brand-new-folder/new.bicep', content: '// new\n' },
      { path: 'docs/guidance.md', content: undefined },
      { path: 'infra/main.bicep', content: 'new main\n' },
    ];
    let writes = 0;
    const failOnFifthWrite = async () => {
      writes += 1;
      if (writes === 5) throw new Error('disk full');
    };
    await expect(applyAll(dir, changes, failOnFifthWrite)).rejects.toThrow('disk full');
    expect(await snapshotTree(dir)).toEqual(before);
  });
});

describe('answers from older generators', () => {
  it('renames and drops answers with a message for each', async () => {
    const { readPreviousGeneration } = await import('../../src/upgrade/previous.js');
    const dir = await generatedWithA();
    await edit(dir, STATE_PATH, (text) => {
      const state = JSON.parse(text);
      state.schemaVersion = 1;
      state.answers.region = state.answers.location;
      delete state.answers.location;
      state.answers.legacyOption = true;
      return JSON.stringify(state);
    });
    const previous = await readPreviousGeneration(dir, async () => undefined, [{ from: 1, renamed: { region: 'location' } }]);
    expect(previous.answers.location).toBe('swedencentral');
    expect(previous.migrations).toEqual([
      'the answer region is now called location; its value was kept',
      'the answer legacyOption no longer exists in this version; it was dropped',
    ]);
  });

  it("keeps the agents' Cosmos DB zone-redundant where an older generator made it so, with a note", async () => {
    const { readPreviousGeneration } = await import('../../src/upgrade/previous.js');
    const dir = await generatedWithA({ ...ANSWERS, agents: true });
    await edit(dir, STATE_PATH, (text) => {
      const state = JSON.parse(text);
      delete state.answers.cosmosZoneRedundant; // written before the answer existed
      return JSON.stringify(state);
    });
    const previous = await readPreviousGeneration(dir, async () => undefined);
    expect(previous.answers.cosmosZoneRedundant).toBe(true); // swedencentral has zones
    expect(previous.migrations).toEqual([
      "the new answer cosmosZoneRedundant is true for this repository: the agents' Cosmos DB account was created that way and its zone redundancy cannot change",
    ]);
  });

  it('names each release since the repository was generated, with what it changed in the output', async () => {
    const dir = await generatedWithA();
    await edit(dir, STATE_PATH, (text) => {
      const state = JSON.parse(text);
      state.generator.version = '0.1.0';
      return `${JSON.stringify(state, null, 2)}\n`;
    });
    await git(dir, 'commit', '--quiet', '-am', 'as if generated by 0.1.0');
    const json = await runCli(['upgrade', '--check', '--json'], { cwd: dir });
    const releases = JSON.parse(json.stdout).releases as { version: string; changes: string }[];
    expect(releases.map((release) => release.version)).toContain(GENERATOR_VERSION);
    expect(releases.map((release) => release.version)).not.toContain('0.1.0');
    expect(releases.at(-1)!.changes).toMatch(/^Generated output changes in this release/);
    const text = await runCli(['upgrade', '--check'], { cwd: dir });
    expect(text.stdout).toContain(`create-secure-ai-landing 0.1.0 → ${GENERATOR_VERSION}`);
    expect(text.stdout).toMatch(new RegExp(`^  release ${GENERATOR_VERSION.replace(/\./g, '\\.')}: Generated output changes`, 'm'));
  });

  it("upgrade --config changes answers from a file, validated like create's", async () => {
    const dir = await generatedWithA();
    await writeFile(join(dir, '..', 'answers-firewall.json'), JSON.stringify({ firewall: true }));
    const run = await runCli(['upgrade', '--config', '../answers-firewall.json', '--json'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changedAnswers.firewall).toEqual({ from: false, to: true });
    expect(await read(dir, 'infra/main.bicep')).toMatch(/^module firewall /m);
  });
});
