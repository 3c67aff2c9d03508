import { readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { execa } from 'execa';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BICEP_VERSION as GENERATED_BICEP_VERSION } from '../../src/toolchain.js';
import { GENERATOR_VERSION } from '../../src/version.js';
import { BICEP_VERSION as TESTED_BICEP_VERSION } from '../compiler/bicep.js';
import { tempDir } from '../helpers/cli.js';
import { renderScenario, scenarioAnswers, SCENARIOS } from '../scenarios.js';

/**
 * The generated pipeline (OPS-01, SEC-01): valid workflows by GitHub's schema, pinned actions,
 * least-privilege permissions on every job, sign-in with OpenID Connect only, environments in order.
 */
const NAMES = Object.keys(SCENARIOS);
const rendered = new Map<string, ReadonlyMap<string, string>>();
const workflowsOf = (name: string) => [...rendered.get(name)!].filter(([path]) => path.startsWith('.github/workflows/'));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
  uses?: string;
  needs?: string;
  environment?: string;
  if?: string;
  with?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
}
interface Workflow {
  permissions?: unknown;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}
const parse = (text: string) => parseYaml(text) as Workflow;

beforeAll(async () => {
  for (const name of NAMES) rendered.set(name, await renderScenario(SCENARIOS[name]!));
  // The validator notes on every run that it does not check path globs (deploy.yml's are plain folder globs).
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe.each(NAMES)('%s: the generated workflows', (name) => {
  it('validate against the GitHub workflow schema', () => {
    for (const [path, text] of workflowsOf(name)) {
      expect(validateWorkflow(text).errors, path).toEqual([]);
    }
  });

  it('pin every action to a full commit SHA with its version in a comment', () => {
    for (const [path, text] of workflowsOf(name)) {
      const uses = [...text.matchAll(/^\s*(?:- )?uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, path).toBeGreaterThan(0);
      for (const [line, target, rest] of uses) {
        if (target!.startsWith('./')) continue; // this repository's own reusable workflow
        expect(target, `${path}: ${line}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
        expect(rest, `${path}: ${line}`).toMatch(/^\s+# v\d+\.\d+\.\d+$/);
      }
    }
  });

  it('grant nothing by default and least privilege per job', () => {
    for (const [path, text] of workflowsOf(name)) {
      const workflow = parse(text);
      expect(workflow.permissions, path).toEqual({});
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job.permissions, `${path} ${id}`).toBeDefined();
        // Code scanning takes validate's findings; no other job writes anything.
        const allowed = new Set(['contents:read', 'id-token:write', ...(id === 'validate' ? ['security-events:write'] : [])]);
        for (const [scope, level] of Object.entries(job.permissions!)) expect(allowed, `${path} ${id} ${scope}: ${level}`).toContain(`${scope}:${level}`);
        // Only jobs that sign in to Azure may ask for an OpenID Connect token.
        const signsIn = job.uses !== undefined || (job.steps ?? []).some((step) => step.uses?.startsWith('azure/login@'));
        expect(job.permissions!['id-token'] === 'write', `${path} ${id}`).toBe(signsIn);
      }
    }
  });

  it('sign in to Azure with OpenID Connect only: ids from variables, no secret, no credentials', () => {
    const logins = workflowsOf(name).flatMap(([, text]) =>
      Object.values(parse(text).jobs).flatMap((job) => (job.steps ?? []).filter((step) => step.uses?.startsWith('azure/login@'))),
    );
    expect(logins.length).toBe(2);
    for (const login of logins) {
      expect(Object.keys(login.with ?? {}).sort()).toEqual(['client-id', 'subscription-id', 'tenant-id']);
      for (const value of Object.values(login.with ?? {})) expect(value).toMatch(/^\$\{\{ vars\.AZURE_[A-Z_]+ \}\}$/);
    }
    for (const [path, text] of workflowsOf(name)) {
      expect(text, path).not.toMatch(/client-secret|creds:|AZURE_CREDENTIALS|AZURE_CLIENT_SECRET/);
    }
  });

  it('check pull requests: compile, validate, PSRule, what-if per environment with the read-only identity, never from forks', () => {
    const workflow = parse(rendered.get(name)!.get('.github/workflows/pull-request.yml')!);
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'validate', 'psrule', 'what-if']);
    // validate runs the generator release that made the repository, and its findings reach code scanning.
    expect((workflow as unknown as { env: Record<string, string> }).env.GENERATOR_VERSION).toBe(GENERATOR_VERSION);
    const validate = workflow.jobs.validate!.steps!;
    expect(validate.map((step) => step.run ?? '').join('\n')).toContain(
      'npx --yes "create-secure-ai-landing@$GENERATOR_VERSION" validate --sarif validate.sarif',
    );
    const upload = validate.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with).toEqual({ sarif_file: 'validate.sarif', category: 'secure-ai-landing-validate' });
    expect(workflow.jobs.psrule!.steps!.some((step) => step.uses?.startsWith('microsoft/ps-rule@'))).toBe(true);
    const whatIf = workflow.jobs['what-if']!;
    expect(whatIf.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect((whatIf as { strategy: { matrix: { environment: string[] } } }).strategy.matrix.environment).toEqual(scenarioAnswers(SCENARIOS[name]!).environments);
    expect(whatIf.environment).toBeUndefined();
    expect(JSON.stringify(whatIf.steps)).toContain('vars.AZURE_PLAN_CLIENT_ID');
    expect(whatIf.steps!.at(-1)!.run).toBe('bash scripts/what-if.sh "$ENVIRONMENT"');
  });

  it('deploy on main: every environment in order, each in its GitHub environment with a concurrency group', () => {
    const environments = scenarioAnswers(SCENARIOS[name]!).environments;
    const deploy = parse(rendered.get(name)!.get('.github/workflows/deploy.yml')!);
    expect(deploy.on.push).toEqual(expect.objectContaining({ branches: ['main'] }));
    expect(Object.keys(deploy.jobs)).toEqual(environments.map((environment) => `deploy-${environment}`));
    environments.forEach((environment, index) => {
      const job = deploy.jobs[`deploy-${environment}`]!;
      expect(job.uses).toBe('./.github/workflows/deploy-environment.yml');
      expect(job.with).toEqual({ environment });
      expect(job.needs).toBe(index === 0 ? undefined : `deploy-${environments[index - 1]}`);
    });
    const called = parse(rendered.get(name)!.get('.github/workflows/deploy-environment.yml')!);
    const job = called.jobs.deploy!;
    expect(job.environment).toBe('${{ inputs.environment }}');
    expect(job.concurrency).toEqual({ group: 'deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
    expect(JSON.stringify(job.steps)).toContain('vars.AZURE_DEPLOY_CLIENT_ID');
    expect(
      job
        .steps!.map((step) => step.run)
        .filter(Boolean)
        .slice(-2),
    ).toEqual(['bash scripts/what-if.sh "$ENVIRONMENT"', 'bash scripts/deploy.sh "$ENVIRONMENT"']);
  });

  it('install the Bicep release this generator verified its output with', () => {
    for (const [path, text] of workflowsOf(name).filter(([path]) => !path.endsWith('/deploy.yml'))) {
      expect((parseYaml(text) as { env: Record<string, string> }).env.BICEP_VERSION, path).toBe(GENERATED_BICEP_VERSION);
    }
  });

  it('pass the jumpbox password only where there is a jumpbox', () => {
    const jumpbox = scenarioAnswers(SCENARIOS[name]!).jumpbox;
    for (const [path, text] of workflowsOf(name).filter(([path]) => !path.endsWith('/deploy.yml'))) {
      expect(text.includes('JUMPBOX_ADMIN_PASSWORD'), path).toBe(jumpbox);
    }
  });

  it('keep the actions current with Dependabot', () => {
    const dependabot = parseYaml(rendered.get(name)!.get('.github/dependabot.yml')!) as { version: number; updates: { 'package-ecosystem': string }[] };
    expect(dependabot.version).toBe(2);
    expect(dependabot.updates.map((update) => update['package-ecosystem'])).toEqual(['github-actions']);
  });
});

describe("the validate job's check that the generator release is published", () => {
  const checkScript = () =>
    parse(rendered.get(NAMES[0]!)!.get('.github/workflows/pull-request.yml')!).jobs.validate!.steps!.find((candidate) => candidate.run?.includes('npm view'))!
      .run!;

  /** Runs the step as GitHub does (bash -e), with an `npm` on PATH that answers as the registry would. */
  async function runCheck(npm: string) {
    const dir = await tempDir('sail-npm-view-');
    await mkdir(join(dir, 'bin'));
    await writeFile(join(dir, 'bin', 'npm'), `#!/usr/bin/env bash\n${npm}\n`);
    await chmod(join(dir, 'bin', 'npm'), 0o755);
    return execa('bash', ['-e', '-c', checkScript()], {
      cwd: dir,
      reject: false,
      env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, GENERATOR_VERSION: '9.9.9' },
    });
  }

  const shellCheck = inject('shellCheck');
  it.skipIf(shellCheck.length === 0)('passes ShellCheck', async () => {
    const script = join(await tempDir('sail-npm-view-'), 'check.sh');
    await writeFile(script, `#!/usr/bin/env bash\n${checkScript()}`);
    const run = await execa(shellCheck[0]!, [...shellCheck.slice(1), '--severity=style', script], { reject: false });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('passes when npm resolves the release', async () => {
    const run = await runCheck('[ "$*" = "view create-secure-ai-landing@9.9.9 version" ] && echo 9.9.9');
    expect(run.stdout).toBe('');
    expect(run.exitCode).toBe(0);
  });

  it('fails with an error that says the release is not published yet and what to do, not a bare 404', async () => {
    const run = await runCheck("echo 'npm error code E404' >&2; exit 1");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error title=create-secure-ai-landing@9\.9\.9 is not published::.*not on the npm registry \(yet\).*set GENERATOR_VERSION/);
  });

  it('tells an unreachable registry apart from an unpublished release', async () => {
    const run = await runCheck("echo 'npm error code ECONNREFUSED' >&2; exit 1");
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^::error title=npm registry unreachable::.*ECONNREFUSED/);
  });
});

describe('the workflow checks', () => {
  it('reject a workflow the schema forbids, so a passing check means something', () => {
    const text = rendered.get(NAMES[0]!)!.get('.github/workflows/pull-request.yml')!;
    expect(validateWorkflow(text.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')).errors).not.toEqual([]);
    expect(validateWorkflow(text.replace('permissions: {}', 'permissions: everything-please')).errors).not.toEqual([]);
  });
});

it('the pipeline installs the same Bicep release the tests compile with', () => {
  expect(GENERATED_BICEP_VERSION).toBe(TESTED_BICEP_VERSION);
  expect(readFileSync(new URL('../compiler/BicepCompiler.csproj', import.meta.url), 'utf8')).toContain(`Version="[${GENERATED_BICEP_VERSION}]"`);
});
