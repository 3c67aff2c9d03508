import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { API_VERSIONS } from '../../src/catalogue/api-versions.js';
import { writeTree } from '../../src/fs/write.js';
import { snapshotTree, tempDir } from '../helpers/cli.js';
import { renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';

/**
 * The generated scripts, judged by the real tools: ShellCheck for bash, the PowerShell parser for
 * PowerShell; and run where they can run without Azure (their arguments, the connectivity check's table).
 */
const shellCheck = inject('shellCheck');
const powerShellParser = inject('powerShellParser');
const NAMES = Object.keys(SCENARIOS);
let root: string;
const scriptsOf = async (name: string, extension: string) =>
  [...(await renderScenario(SCENARIOS[name]!)).keys()].filter((path) => path.startsWith('scripts/') && path.endsWith(extension));

beforeAll(async () => {
  root = await tempDir('sail-scripts-');
  for (const name of NAMES) {
    await writeTree(join(root, name), await renderScenario(SCENARIOS[name]!));
  }
});

describe.skipIf(shellCheck.length === 0)('ShellCheck', () => {
  it.each(NAMES)('%s: every shell script passes, sourced files followed', async (name) => {
    const scripts = await scriptsOf(name, '.sh');
    expect(scripts).toEqual(
      expect.arrayContaining(['scripts/bootstrap.sh', 'scripts/verify-private-endpoints.sh', 'scripts/what-if.sh', 'scripts/deploy.sh', 'scripts/build.sh']),
    );
    const run = await execa(shellCheck[0]!, [...shellCheck.slice(1), '--external-sources', '--severity=style', ...scripts], {
      cwd: join(root, name),
      reject: false,
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('finds a real defect, so a pass means something', async () => {
    const bad = join(root, 'bad.sh');
    await writeFile(bad, '#!/usr/bin/env bash\nrm -rf $1/*\n');
    const run = await execa(shellCheck[0]!, [...shellCheck.slice(1), bad], { reject: false });
    expect(run.stdout).toContain('SC2086');
    expect(run.exitCode).not.toBe(0);
  });
});

describe.skipIf(powerShellParser.length === 0)('the PowerShell parser', () => {
  it.each(NAMES)('%s: every PowerShell script parses', async (name) => {
    const scripts = await scriptsOf(name, '.ps1');
    expect(scripts).toEqual(['scripts/bootstrap.ps1', 'scripts/verify-private-endpoints.ps1']);
    const run = await execa(powerShellParser[0]!, [...powerShellParser.slice(1), ...scripts], { cwd: join(root, name), reject: false });
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('reports a syntax error, so a pass means something', async () => {
    const bad = join(root, 'bad.ps1');
    await writeFile(bad, 'function Test-It {\n  if ($x -eq 1) {\n');
    const run = await execa(powerShellParser[0]!, [...powerShellParser.slice(1), bad], { reject: false });
    expect(run.stdout).toMatch(/bad\.ps1:\d+:\d+: Missing closing '\}'/);
    expect(run.exitCode).toBe(1);
  });
});

describe('scripts/verify-private-endpoints.sh (NET-13)', () => {
  const repository = () => join(root, 'hub-spoke-access');

  /**
   * Runs the script in a network namespace of its own (`unshare -rn`, no privileges needed), where
   * 10.9.9.9 answers on 443 and 10.9.9.10 does not: this machine's own network accepts every outbound
   * connection, which would make any address look open.
   */
  async function verifyInIsolatedNetwork(names: string) {
    const file = join(root, 'names.txt');
    await writeFile(file, names);
    const harness = `
      const { createServer } = require('node:net');
      const { spawnSync } = require('node:child_process');
      const server = createServer((socket) => socket.end()).listen(443, '10.9.9.9', () => {
        // Run from a subfolder, as a user may: the names file is relative to where they are, not to the script.
        const run = spawnSync('bash', ['../scripts/verify-private-endpoints.sh', '--timeout', '1', '--fqdns-file', '../../names.txt'], { encoding: 'utf8', cwd: 'infra' });
        process.stdout.write(JSON.stringify({ exitCode: run.status, stdout: run.stdout, stderr: run.stderr }));
        server.close();
      });`;
    const setup = 'ip link set lo up && ip addr add 10.9.9.9/32 dev lo && ip addr add 10.9.9.10/32 dev lo';
    const run = await execa('unshare', ['-rn', 'bash', '-c', `${setup} && exec node -e "$0"`, harness], { cwd: repository(), reject: false });
    expect(run.exitCode, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { exitCode: number; stdout: string; stderr: string };
  }
  const rowsOf = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));

  it('passes a name that resolves to a private address answering on 443', async () => {
    const run = await verifyInIsolatedNetwork('10.9.9.9\n');
    expect(rowsOf(run.stdout)).toEqual([
      ['NAME', 'ADDRESS', 'PRIVATE', 'TCP-443', 'RESULT'],
      ['10.9.9.9', '10.9.9.9', 'yes', 'open', 'pass'],
      ['Every', 'private', 'endpoint', 'resolves', 'to', 'a', 'private', 'address', 'and', 'answers', 'on', '443.'],
    ]);
    expect(run.exitCode).toBe(0);
  });

  it('fails a public or loopback address and a closed port, skips wildcards, and exits 1', async () => {
    const run = await verifyInIsolatedNetwork('10.9.9.9\nlocalhost\n10.9.9.10\n*.inference.swedencentral.api.azureml.ms\n\n');
    const rows = rowsOf(run.stdout);
    expect(rows).toContainEqual(['10.9.9.9', '10.9.9.9', 'yes', 'open', 'pass']);
    expect(rows).toContainEqual(['localhost', '127.0.0.1', 'no', '-', 'FAIL']);
    expect(rows).toContainEqual(['10.9.9.10', '10.9.9.10', 'yes', 'closed', 'FAIL']);
    expect(rows).toContainEqual(['*.inference.swedencentral.api.azureml.ms', '-', '-', '-', 'skipped']);
    expect(run.stderr).toContain('2 name(s) failed');
    expect(run.exitCode).toBe(1);
  });

  it('refuses an unknown environment or a bad timeout with exit 2, naming what is valid', async () => {
    const verify = (args: string[]) => execa('bash', ['scripts/verify-private-endpoints.sh', ...args], { cwd: repository(), reject: false });
    const unknown = await verify(['staging']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("unknown environment 'staging'; valid: dev prod");
    const timeout = await verify(['--timeout', 'soon', 'dev']);
    expect(timeout.exitCode).toBe(2);
    expect(timeout.stderr).toContain('--timeout must be a whole number of seconds');
  });
});

describe('scripts/bootstrap.sh (OPS-01)', () => {
  /**
   * Stand-ins for the Azure and GitHub CLIs that record every call (with the body gh reads from stdin): there is no
   * Azure or GitHub here, and the point is which calls are made. The GitHub CLI is signed in as octocat.
   */
  let calls = 0;
  async function withRecordingAz(name: string, args: readonly string[] = [], { gh = true, rolesDeniedIn = '', networkWatcherGroup = false } = {}) {
    calls += 1;
    const bin = join(root, `${name}-bin-${calls}`);
    const log = join(root, `${name}-az-${calls}.log`);
    const ghLog = join(root, `${name}-gh-${calls}.log`);
    await mkdir(bin, { recursive: true });
    if (gh) {
      await writeFile(
        join(bin, 'gh'),
        `#!/usr/bin/env bash
{ printf '%s' "$*"; if [[ "$*" == *"--input -"* ]]; then printf ' BODY '; cat; fi; echo; } >> ${JSON.stringify(ghLog)}
case "$*" in
  "api user --jq .login") echo octocat ;;
  "api users/octocat --jq .id") echo 583231 ;;
  "api users/"*) echo 'gh: Not Found (HTTP 404)' >&2; exit 1 ;;
  "api orgs/contoso/teams/platform --jq .id") echo 77 ;;
esac
`,
      );
      await chmod(join(bin, 'gh'), 0o755);
    }
    await writeFile(
      join(bin, 'az'),
      `#!/usr/bin/env bash
{ printf '%s' "$*" | tr '\\n' ' '; echo; } >> ${JSON.stringify(log)}
case "$*" in
  "account show --query id"*) echo 00000000-0000-0000-0000-00000000000a ;;
  "account show --subscription"*) echo 00000000-0000-0000-0000-00000000000b ;;
  "identity create"*) echo 00000000-0000-0000-0000-00000000000c ;;
  "identity show"*) echo 00000000-0000-0000-0000-00000000000d ;;
  "role assignment list"*) echo 0 ;;${
    // Before the general case: the first pattern that matches wins.
    rolesDeniedIn ? `\n  "role definition create"*"/resourceGroups/${rolesDeniedIn}\\""*) echo 'AuthorizationFailed' >&2; exit 1 ;;` : ''
  }
  "role definition create"*) echo 11111111-0000-0000-0000-00000000000e ;;
  "group exists --subscription"*"--name NetworkWatcherRG"*) echo ${networkWatcherGroup} ;;
  # Whoever runs the bootstrap may not grant roles on the platform team's DNS zones.
  "role assignment create"*"/resourceGroups/rg-dns "*) echo 'AuthorizationFailed' >&2; exit 1 ;;
esac
`,
    );
    await chmod(join(bin, 'az'), 0o755);
    const run = await execa('bash', ['scripts/bootstrap.sh', '--repository', 'contoso/ai-platform', ...args], {
      cwd: join(root, name),
      reject: false,
      // Only the stand-ins and the basic tools: a GitHub CLI installed here must not answer.
      env: { PATH: `${bin}:/usr/bin:/bin` },
    });
    const lines = async (path: string) => (await readFile(path, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
    return { run, calls: await lines(log), ghCalls: await lines(ghLog) };
  }

  it("trusts exactly the repository's pull requests (read-only) and its environments (deploy)", async () => {
    const { run, calls } = await withRecordingAz('hub-spoke');
    expect(run.exitCode, run.stderr).toBe(0);
    const subjects = calls.filter((call) => call.includes('federated-credential create')).map((call) => /--subject (\S+)/.exec(call)?.[1]);
    expect(subjects).toEqual([
      'repo:contoso/ai-platform:pull_request',
      'repo:contoso/ai-platform:environment:dev',
      'repo:contoso/ai-platform:environment:test',
      'repo:contoso/ai-platform:environment:prod',
    ]);
    for (const call of calls.filter((line) => line.includes('federated-credential create'))) {
      expect(call).toContain('--issuer https://token.actions.githubusercontent.com');
      expect(call).toContain('--audiences api://AzureADTokenExchange');
    }
    expect(run.stdout).toContain('gh variable set AZURE_PLAN_CLIENT_ID --repo contoso/ai-platform');
  });

  it('gives least roles: a what-if role for pull requests; Contributor, policy and conditioned RBAC for deploying; never Owner', async () => {
    const { calls } = await withRecordingAz('hub-spoke');
    const roles = calls.filter((call) => call.startsWith('role assignment create')).map((call) => /--role (.+?) --scope/.exec(call)?.[1]);
    expect(roles).toEqual([
      '11111111-0000-0000-0000-00000000000e', // the what-if role, assigned by its GUID
      'b24988ac-6180-42a0-ab88-20f7382dd24c', // Contributor
      '36243c78-bf99-498c-9df9-86d9f8d28608', // Resource Policy Contributor
      'f58310d9-a9f6-439a-9e8d-f62e7b41a168', // Role Based Access Control Administrator, conditioned:
    ]);
    const rbac = calls.find((call) => call.startsWith('role assignment create') && call.includes('f58310d9-a9f6-439a-9e8d-f62e7b41a168'))!;
    for (const privileged of ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', 'f58310d9-a9f6-439a-9e8d-f62e7b41a168']) {
      expect(rbac.match(new RegExp(`GuidNotEquals \\{[^}]*${privileged}`, 'g'))).toHaveLength(2);
    }
    expect(rbac).toContain('--condition-version 2.0');
    const definition = calls.find((call) => call.startsWith('role definition create'))!.replace(/^.*--role-definition /, '');
    expect(JSON.parse(definition)).toEqual(
      expect.objectContaining({
        Actions: ['*/read', 'Microsoft.Resources/deployments/whatIf/action', 'Microsoft.Resources/deployments/validate/action'],
        AssignableScopes: ['/subscriptions/00000000-0000-0000-0000-00000000000a'],
      }),
    );
  });

  it('registers the resource providers the choices need, before anything is created', async () => {
    const { run, calls } = await withRecordingAz('project-agents');
    expect(run.exitCode, run.stderr).toBe(0);
    const registered = calls.filter((call) => call.startsWith('provider register')).map((call) => /--namespace (\S+)/.exec(call)?.[1]);
    expect(registered).toEqual(expect.arrayContaining(['Microsoft.App', 'Microsoft.CognitiveServices', 'Microsoft.DocumentDB', 'Microsoft.Network']));
    expect(registered).not.toContain('Microsoft.ApiManagement');
    expect(calls.findIndex((call) => call.startsWith('provider register'))).toBeLessThan(calls.findIndex((call) => call.startsWith('group create')));
  });

  it('creates NetworkWatcherRG for the flow logs (SEC-11) where the subscription has none, and leaves an existing one', async () => {
    const missing = await withRecordingAz('hub-spoke');
    expect(missing.run.exitCode, missing.run.stderr).toBe(0);
    expect(missing.calls.filter((call) => call.startsWith('group create') && call.includes('--name NetworkWatcherRG'))).toEqual([
      'group create --subscription 00000000-0000-0000-0000-00000000000a --name NetworkWatcherRG --location westeurope --output none',
    ]);
    const present = await withRecordingAz('hub-spoke', [], { networkWatcherGroup: true });
    expect(present.run.exitCode, present.run.stderr).toBe(0);
    expect(present.calls.filter((call) => call.includes('--name NetworkWatcherRG'))).toEqual([
      'group exists --subscription 00000000-0000-0000-0000-00000000000a --name NetworkWatcherRG',
    ]);
  });

  it('creates every GitHub environment deploying from main only, production waiting for its reviewers (you by default)', async () => {
    const { run, ghCalls } = await withRecordingAz('hub-spoke');
    expect(run.exitCode, run.stderr).toBe(0);
    const bodies = Object.fromEntries(
      ghCalls
        .filter((call) => call.startsWith('api --method PUT'))
        .map((call) => [/environments\/(\w+)/.exec(call)![1]!, JSON.parse(call.replace(/^.* BODY /, '')) as Record<string, unknown>]),
    );
    const mainOnly = { protected_branches: false, custom_branch_policies: true };
    expect(bodies).toEqual({
      dev: { deployment_branch_policy: mainOnly },
      test: { deployment_branch_policy: mainOnly },
      prod: { deployment_branch_policy: mainOnly, reviewers: [{ type: 'User', id: 583231 }], prevent_self_review: false },
    });
    const policies = ghCalls.filter((call) => call.includes('--method POST'));
    expect(policies).toEqual(
      ['dev', 'test', 'prod'].map(
        (environment) =>
          `api --method POST repos/contoso/ai-platform/environments/${environment}/deployment-branch-policies -f name=main -f type=branch --silent`,
      ),
    );
    expect(run.stdout).toContain('prod waits for approval by octocat.');
  });

  it('takes users and teams as reviewers, by ID', async () => {
    const { run, ghCalls } = await withRecordingAz('hub-spoke', ['--reviewers', 'octocat,contoso/platform']);
    expect(run.exitCode, run.stderr).toBe(0);
    const prod = ghCalls.find((call) => call.startsWith('api --method PUT repos/contoso/ai-platform/environments/prod'))!;
    expect(JSON.parse(prod.replace(/^.* BODY /, '')).reviewers).toEqual([
      { type: 'User', id: 583231 },
      { type: 'Team', id: 77 },
    ]);
  });

  it('refuses an unknown reviewer, or no GitHub CLI, before calling Azure, saying what would do', async () => {
    const unknown = await withRecordingAz('hub-spoke', ['--reviewers', 'nobody-here']);
    expect(unknown.run.exitCode).toBe(2);
    expect(unknown.run.stderr).toContain('--reviewers: no GitHub user nobody-here');
    expect(unknown.calls).toEqual([]);
    const malformed = await withRecordingAz('hub-spoke', ['--reviewers', 'two words']);
    expect(malformed.run.exitCode).toBe(2);
    expect(malformed.run.stderr).toContain("--reviewers must be GitHub user logins or ORG/TEAM team slugs, comma-separated (got 'two words')");
    const withoutGh = await withRecordingAz('hub-spoke', [], { gh: false });
    expect(withoutGh.run.exitCode).toBe(2);
    expect(withoutGh.run.stderr).toContain('or run with --no-github-environments');
    expect(withoutGh.calls).toEqual([]);
    const leftToYou = await withRecordingAz('hub-spoke', ['--no-github-environments'], { gh: false });
    expect(leftToYou.run.exitCode, leftToYou.run.stderr).toBe(0);
    expect(leftToYou.run.stdout).toContain('Give prod required reviewers as well.');
  });

  it('gives no environment reviewers where none is production', async () => {
    const { run, ghCalls } = await withRecordingAz('single-vnet-access');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(ghCalls.filter((call) => call.includes('reviewers') || call.startsWith('api user'))).toEqual([]);
  });

  it('gives the what-if identity Reader on the resource groups it reads outside the subscription, printing what it may not grant', async () => {
    const { run, calls } = await withRecordingAz('existing-hub');
    expect(run.exitCode, run.stderr).toBe(0);
    const readers = calls.filter((call) => call.startsWith('role assignment create') && call.includes('acdd72a7-3385-48ef-bd42-f606fba81ae7'));
    expect(readers.map((call) => /--scope (\S+)/.exec(call)?.[1])).toEqual([
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity',
      '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns',
    ]);
    for (const call of readers) expect(call).toContain('--assignee-object-id 00000000-0000-0000-0000-00000000000d --assignee-principal-type ServicePrincipal');
    expect(run.stdout).toContain(
      'az role assignment create --assignee-object-id 00000000-0000-0000-0000-00000000000d --assignee-principal-type ServicePrincipal --role Reader --scope /subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-dns',
    );
    expect(run.stdout).not.toContain('--role Reader --scope /subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-connectivity');
    // In the landing zone's own subscription, the what-if role on the subscription covers them already.
    const same = await withRecordingAz('existing-hub', ['--subscription', '11111111-2222-3333-4444-555555555555']);
    expect(same.run.exitCode, same.run.stderr).toBe(0);
    expect(same.calls.filter((call) => call.includes('acdd72a7-3385-48ef-bd42-f606fba81ae7'))).toEqual([]);
  });

  describe("the deploying identity's role where the gateway certificate's vault is (another subscription)", () => {
    const CERTIFICATE_GROUP = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-certs';
    // The what-if identity's Reader there is another test's.
    const certificateCalls = (calls: readonly string[]) =>
      calls.filter(
        (call) =>
          (call.includes('certificate access') || call.includes(`--scope ${CERTIFICATE_GROUP}`)) &&
          !call.includes('acdd72a7-3385-48ef-bd42-f606fba81ae7') &&
          !call.startsWith('role definition list'),
      );

    it('RBAC vault: a role assignable in that resource group alone, which may assign Key Vault Secrets User and nothing else', async () => {
      const { run, calls } = await withRecordingAz('hub-spoke-app-gateway');
      expect(run.exitCode, run.stderr).toBe(0);
      const [definition, assignment, ...rest] = certificateCalls(calls);
      expect(rest).toEqual([]);
      expect(definition).toMatch(/^role definition create/);
      expect(definition).toContain(`"AssignableScopes": ["${CERTIFICATE_GROUP}"]`);
      expect(definition).toContain('"Microsoft.Resources/deployments/*"');
      expect(definition).toContain('"Microsoft.Authorization/roleAssignments/write"');
      expect(definition).not.toContain('accessPolicies');
      expect(assignment).toMatch(/^role assignment create --assignee-object-id 00000000-0000-0000-0000-00000000000d /);
      expect(assignment).toContain(`--role 11111111-0000-0000-0000-00000000000e --scope ${CERTIFICATE_GROUP} --condition`);
      // Key Vault Secrets User, in both halves of the condition (writing and deleting assignments).
      expect(assignment!.match(/GuidEquals \{4633458b-17de-408a-b874-0445c86b69e6\}/g)).toHaveLength(2);
      expect(run.stdout).not.toContain('You may not create or assign');
    });

    it('access-policy vault: the role adds access policies and assigns no role', async () => {
      const { run, calls } = await withRecordingAz('single-vnet-front-door');
      expect(run.exitCode, run.stderr).toBe(0);
      const [definition, assignment] = certificateCalls(calls);
      expect(definition).toContain('"Microsoft.KeyVault/vaults/accessPolicies/write"');
      expect(definition).not.toContain('roleAssignments');
      expect(assignment).toContain(`--scope ${CERTIFICATE_GROUP}`);
      expect(assignment).not.toContain('--condition');
    });

    it('prints both commands when it may not create the role there, and grants nothing in its own subscription', async () => {
      const denied = await withRecordingAz('hub-spoke-app-gateway', [], { rolesDeniedIn: 'rg-certs' });
      expect(denied.run.exitCode, denied.run.stderr).toBe(0);
      expect(denied.run.stdout).toContain(
        "You may not create or assign the role 'contoso certificate access (GitHub deployments, 00000000-0000-0000-0000-00000000000a)' there: until someone who may runs these, the deployment cannot give the Application Gateway its certificate.",
      );
      expect(denied.run.stdout).toMatch(/ {2}az role definition create --role-definition '\{.*"AssignableScopes": \["\/subscriptions\/11111111/);
      expect(denied.run.stdout).toContain(
        `az role assignment create --assignee-object-id 00000000-0000-0000-0000-00000000000d --assignee-principal-type ServicePrincipal --role 'contoso certificate access (GitHub deployments, 00000000-0000-0000-0000-00000000000a)' --scope ${CERTIFICATE_GROUP} --condition`,
      );
      const same = await withRecordingAz('hub-spoke-app-gateway', ['--subscription', '11111111-2222-3333-4444-555555555555']);
      expect(same.run.exitCode, same.run.stderr).toBe(0);
      expect(certificateCalls(same.calls)).toEqual([]);
    });
  });

  describe("the deploying identity's roles where the existing hub and the central zones are (another subscription)", () => {
    const PLATFORM = '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups';
    /** The role definition created under this name (the JSON as the stand-in logged it), and where the role was assigned. */
    const roleOf = (calls: readonly string[], name: string) => {
      const created = calls.filter((call) => call.startsWith('role definition create') && call.includes(name));
      expect(created).toHaveLength(1);
      const definition = JSON.parse(created[0]!.replace(/^.*--role-definition /, '')) as { Actions: string[]; AssignableScopes: string[] };
      // The stand-in answers every definition with the same GUID: the assignments are told apart by their scopes.
      const scopes = calls
        .filter((call) => call.startsWith('role assignment create') && call.includes('--role 11111111-0000-0000-0000-00000000000e'))
        .map((call) => /--scope (\S+)/.exec(call)![1]!)
        .filter((scope) => definition.AssignableScopes.some((group) => scope.startsWith(group)));
      return { definition, scopes };
    };

    it("peering: deployments, the hub VNet's peerings and peer/action in the hub's resource group, and the VNet's join for API Management's zone link", async () => {
      const { run, calls } = await withRecordingAz('existing-hub');
      expect(run.exitCode, run.stderr).toBe(0);
      const hub = roleOf(calls, 'woodgrove hub peering (GitHub deployments, 00000000-0000-0000-0000-00000000000a)');
      expect(hub.definition.AssignableScopes).toEqual([`${PLATFORM}/rg-connectivity`]);
      expect(hub.definition.Actions).toEqual([
        'Microsoft.Resources/deployments/*',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
        'Microsoft.Network/virtualNetworks/read',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/read',
        'Microsoft.Network/virtualNetworks/virtualNetworkPeerings/write',
        'Microsoft.Network/virtualNetworks/peer/action',
        'Microsoft.Network/virtualNetworks/join/action',
      ]);
      expect(hub.scopes).toEqual([`${PLATFORM}/rg-connectivity`]);
      expect(run.stdout).not.toContain('You may not create or assign');
    });

    it('records: join/action alone on each central zone, not Private DNS Zone Contributor on the group', async () => {
      const { calls } = await withRecordingAz('existing-hub');
      const zones = roleOf(calls, 'woodgrove private DNS records');
      expect(zones.definition.Actions).toEqual(['Microsoft.Network/privateDnsZones/join/action']);
      expect(zones.definition.AssignableScopes).toEqual([`${PLATFORM}/rg-dns`]);
      expect(zones.scopes).toEqual(SCENARIOS['existing-hub']!.privateDnsZoneIds);
    });

    it("with the zones' records by Azure Policy: the AI account's zones alone, and no VNet join without API Management", async () => {
      const { run, calls } = await withRecordingAz('existing-hub-policy-dns');
      expect(run.exitCode, run.stderr).toBe(0);
      expect(roleOf(calls, 'woodgrove hub peering').definition.Actions).not.toContain('Microsoft.Network/virtualNetworks/join/action');
      const zones = roleOf(calls, 'woodgrove private DNS records');
      expect(zones.scopes.map((scope) => scope.replace(/^.*\//, ''))).toEqual([
        'privatelink.cognitiveservices.azure.com',
        'privatelink.openai.azure.com',
        'privatelink.services.ai.azure.com',
      ]);
    });

    it("prints the hub's role and assignment when it may not create the role there, still granting the zones' role", async () => {
      const { run, calls } = await withRecordingAz('existing-hub', [], { rolesDeniedIn: 'rg-connectivity' });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        "You may not create or assign the role 'woodgrove hub peering (GitHub deployments, 00000000-0000-0000-0000-00000000000a)' there: until someone who may runs these, the deployment cannot peer the spoke with the hub.",
      );
      const printed = run.stdout.split('\n').find((line) => line.startsWith('  az role definition create'))!;
      expect(JSON.parse(printed.replace(/^ {2}az role definition create --role-definition '(.*)'$/, '$1')).AssignableScopes).toEqual([
        `${PLATFORM}/rg-connectivity`,
      ]);
      // The whole line: no condition follows.
      expect(run.stdout.split('\n')).toContain(
        `  az role assignment create --assignee-object-id 00000000-0000-0000-0000-00000000000d --assignee-principal-type ServicePrincipal --role 'woodgrove hub peering (GitHub deployments, 00000000-0000-0000-0000-00000000000a)' --scope ${PLATFORM}/rg-connectivity`,
      );
      expect(run.stdout).not.toContain("the role 'woodgrove private DNS records");
      expect(roleOf(calls, 'woodgrove private DNS records').scopes).toHaveLength(SCENARIOS['existing-hub']!.privateDnsZoneIds!.length);
    });

    it("creates no role when the hub and the zones are in the landing zone's subscription: Contributor covers them", async () => {
      const { run, calls } = await withRecordingAz('existing-hub', ['--subscription', '11111111-2222-3333-4444-555555555555']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(calls.filter((call) => call.startsWith('role definition') && !call.includes('what-if'))).toEqual([]);
    });
  });

  it('refuses a malformed repository before calling Azure', async () => {
    const run = await execa('bash', ['scripts/bootstrap.sh', '--repository', 'not a repository'], {
      cwd: join(root, 'hub-spoke'),
      reject: false,
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("--repository must be OWNER/NAME of the GitHub repository (got 'not a repository')");
  });
});

describe('scripts/deploy.sh', () => {
  /** Deploys with a stand-in Azure CLI that records its calls and lists one hub and its project in the resource group. */
  async function deployWithRecordingAz(name: string) {
    const bin = join(root, `${name}-deploy-bin`);
    const log = join(root, `${name}-deploy-az.log`);
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'az'),
      `#!/usr/bin/env bash
{ printf '%s' "$*"; echo; } >> ${JSON.stringify(log)}
case "$*" in
  "resource list"*) echo /subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub-a ;;
esac
`,
    );
    await chmod(join(bin, 'az'), 0o755);
    const environment = scenarioAnswers(SCENARIOS[name]!).environments[0]!;
    const run = await execa('bash', ['scripts/deploy.sh', environment], { cwd: join(root, name), reject: false, env: { PATH: `${bin}:/usr/bin:/bin` } });
    return { run, calls: (await readFile(log, 'utf8')).trim().split('\n') };
  }

  it("provisions a hub's managed network after the deployment, so the private endpoints a first deployment left pending are created", async () => {
    const { run, calls } = await deployWithRecordingAz('hub-based');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(calls[0]).toMatch(/^deployment sub create /);
    expect(calls[1]).toContain("--resource-type Microsoft.MachineLearningServices/workspaces --query [?kind!='Project'].id");
    expect(calls[2]).toBe(
      'rest --method post --url /subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub-a/provisionManagedNetwork?api-version=2026-05-01 --body {"includeSpark": false} --output none',
    );
    // The API version the modules deploy the workspace with.
    expect(API_VERSIONS['Microsoft.MachineLearningServices/workspaces']).toBe('2026-05-01');
  });

  it('does nothing more where no workspace has a managed network', async () => {
    const { run, calls } = await deployWithRecordingAz('slice-default');
    expect(run.exitCode, run.stderr).toBe(0);
    expect(calls).toHaveLength(1);
  });
});

describe.skipIf(!inject('bicepPath'))('scripts/build.sh', () => {
  /** A `bicep` on PATH that records each start of the real compiler, then runs it. */
  async function countingBicep(): Promise<{ path: string; starts: () => Promise<string[]> }> {
    const bin = await tempDir('sail-bicep-bin-');
    const log = join(bin, 'starts.log');
    await writeFile(join(bin, 'bicep'), `#!/usr/bin/env bash\necho "$1" >> '${log}'\nexec '${inject('bicepPath')}' "$@"\n`);
    await chmod(join(bin, 'bicep'), 0o755);
    return { path: `${bin}:${process.env.PATH}`, starts: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean) };
  }
  const build = (cwd: string, path: string) =>
    execa('bash', ['scripts/build.sh'], { cwd, reject: false, env: { PATH: path, JUMPBOX_ADMIN_PASSWORD: 'Compile-0nly-Placeholder' } });

  it('compiles every environment in one start of the compiler and checks the formatting in one more', async () => {
    const repository = join(root, 'hub-spoke-access');
    const bicep = await countingBicep();
    const before = await snapshotTree(repository);
    const run = await build(repository, bicep.path);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await bicep.starts()).toEqual(['build-params', 'format']);
    // Nothing is written into the repository: the compiled files and the formatted copy live in a temporary folder.
    expect(await snapshotTree(repository)).toEqual(before);
  }, 120_000);

  it('fails on a linter finding in a module and on a file that is not formatted, naming it', async () => {
    const repository = await tempDir('sail-build-');
    await writeTree(repository, await renderScenario(SCENARIOS['slice-default']!), { executable: new Set(['scripts/build.sh']) });
    const bicep = await countingBicep();
    const module = join(repository, 'infra/modules/data/key-vault.bicep');
    const original = await readFile(module, 'utf8');
    await writeFile(module, `${original}\n@description('Never used.')\nparam unusedSetting string = 'x'\n`);
    const lint = await build(repository, bicep.path);
    expect(lint.exitCode).toBe(1);
    expect(lint.stdout + lint.stderr).toContain('no-unused-params');
    await writeFile(module, original.replace('param location string', 'param   location string'));
    const format = await build(repository, bicep.path);
    expect(format.exitCode).toBe(1);
    expect(format.stderr).toContain('not formatted');
    expect(format.stdout).toContain('infra/modules/data/key-vault.bicep');
  }, 180_000);
});
