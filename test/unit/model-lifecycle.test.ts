import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { daysBetween, lifecycleOf, lifecycleWarning, MODEL_LIFECYCLE, RELEASE_DATE, RETIREMENT_WARNING_DAYS } from '../../src/ai/model-lifecycle.js';
import { deployableModels, MODELS, OFFERED_MODEL_NAMES } from '../../src/ai/models.js';
import { DEFAULT_MODEL } from '../../src/answers/ai-fields.js';
import { checkModelChoice } from '../../src/commands/create-model.js';
import { UsageError } from '../../src/errors.js';
import { main } from '../../src/main.js';
import { modelDeploymentsIn, modelVersionNotes } from '../../src/upgrade/model-versions.js';
import { tempDir } from '../helpers/cli.js';

// Every date below is given, never the wall clock: the verdicts hold whatever day the tests run.
describe('model lifecycle catalogue', () => {
  it('the default is generally available on the release date: neither deprecated nor within 90 days of retirement', () => {
    const verdict = lifecycleOf(DEFAULT_MODEL, MODELS[DEFAULT_MODEL]!.version, RELEASE_DATE);
    expect(verdict?.stage).toBe('available');
    expect(verdict!.daysToRetirement).toBeGreaterThan(RETIREMENT_WARNING_DAYS);
    expect(lifecycleWarning(verdict!)).toBeUndefined();
  });

  it('offers in --help and the conversation only the models deployable on the release date', () => {
    expect(OFFERED_MODEL_NAMES).toContain(DEFAULT_MODEL);
    expect(OFFERED_MODEL_NAMES).not.toContain('gpt-4.1'); // retired 2026-10-14
    expect(OFFERED_MODEL_NAMES).not.toContain('gpt-5'); // deprecated 2026-08-07
    for (const name of OFFERED_MODEL_NAMES) expect(lifecycleOf(name, MODELS[name]!.version, RELEASE_DATE)?.stage ?? 'available').toBe('available');
  });

  it('names for every deprecated or retired version a replacement the generator offers', () => {
    for (const [key, entry] of Object.entries(MODEL_LIFECYCLE)) {
      if (entry.deprecatedFrom !== undefined && entry.deprecatedFrom >= entry.retiresOn) continue; // never deprecated before it retires
      if (daysBetween(RELEASE_DATE, entry.retiresOn) > RETIREMENT_WARNING_DAYS && (entry.deprecatedFrom ?? '9999') > RELEASE_DATE) continue;
      expect(entry.replacement, key).toBeDefined();
      expect(OFFERED_MODEL_NAMES, key).toContain(entry.replacement);
    }
  });

  it('judges a version by the day it is asked about', () => {
    expect(lifecycleOf('gpt-4.1', '2025-04-14', '2026-04-13')?.stage).toBe('available');
    expect(lifecycleOf('gpt-4.1', '2025-04-14', '2026-04-14')?.stage).toBe('deprecated');
    expect(lifecycleOf('gpt-4.1', '2025-04-14', '2026-10-13')?.stage).toBe('deprecated');
    expect(lifecycleOf('gpt-4.1', '2025-04-14', '2026-10-14')?.stage).toBe('retired');
    expect(lifecycleOf('gpt-4.1', '2024-01-01', RELEASE_DATE)).toBeUndefined(); // a version the catalogue does not know
    expect(deployableModels('2026-04-01')).toContain('gpt-4.1');
    expect(deployableModels(RELEASE_DATE)).not.toContain('gpt-4.1');
  });

  it('warns within 90 days of retirement, not before', () => {
    const retires = MODEL_LIFECYCLE['gpt-5.5@2026-04-24']!.retiresOn;
    const at = (days: number) => new Date(Date.parse(`${retires}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    expect(lifecycleWarning(lifecycleOf('gpt-5.5', '2026-04-24', at(91))!)).toBeUndefined();
    expect(lifecycleWarning(lifecycleOf('gpt-5.5', '2026-04-24', at(90))!)).toMatch(/^gpt-5\.5 2026-04-24 retires on 2027-04-23, in 90 days/);
  });
});

describe('create against the model lifecycle', () => {
  it('refuses a retired model naming --model, the retirement date and the replacement', () => {
    let refusal: unknown;
    try {
      checkModelChoice('gpt-4.1', RELEASE_DATE);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(UsageError);
    const { message, details } = refusal as UsageError;
    expect(message).toBe('--model gpt-4.1: version 2025-04-14 was retired on 2026-10-14; nothing was written');
    expect(details.join('\n')).toMatch(/use gpt-5\.5 \(Microsoft names gpt-5, itself deprecated since 2026-08-07\)/);
    expect(details.join('\n')).toContain(`Models that can be deployed today: ${deployableModels(RELEASE_DATE).join(', ')}.`);
  });

  it('warns about a deprecated model and one close to retirement, and says nothing about the default', () => {
    expect(checkModelChoice('gpt-5', RELEASE_DATE)).toMatch(/^gpt-5 2025-08-07 is deprecated since 2026-08-07 .* retires on 2027-02-06; use gpt-5\.5/);
    expect(checkModelChoice('gpt-5.4', '2027-01-01')).toMatch(/retires on 2027-03-05, in 63 days/);
    expect(checkModelChoice(DEFAULT_MODEL, RELEASE_DATE)).toBeUndefined();
  });
});

describe('upgrade: the model versions in the parameter files', () => {
  const PARAMS = [
    "param location = 'swedencentral'",
    'param modelDeployments = [',
    '  {',
    "    name: 'chat'",
    "    model: 'gpt-4.1'",
    "    version: '2025-04-14'",
    '  }',
    '  {',
    "    name: 'reasoning'",
    "    model: 'gpt-5.5'",
    "    version: '2026-04-24'",
    '  }',
    ']',
    "param tags = { model: 'not-a-deployment' }",
  ].join('\n');

  it('reads every deployment of modelDeployments and nothing outside it', () => {
    expect(modelDeploymentsIn(PARAMS)).toEqual([
      { model: 'gpt-4.1', version: '2025-04-14' },
      { model: 'gpt-5.5', version: '2026-04-24' },
    ]);
    expect(modelDeploymentsIn("param location = 'swedencentral'\n")).toEqual([]);
  });

  it('notes only the versions that need it, and says how to move since upgrade keeps them', () => {
    expect(modelVersionNotes(new Map([['infra/params/dev.bicepparam', PARAMS]]), RELEASE_DATE)).toEqual([
      'infra/params/dev.bicepparam: gpt-4.1 2025-04-14 was retired on 2026-10-14: its deployments return errors; use gpt-5.5 (Microsoft names gpt-5, itself deprecated since 2026-08-07). upgrade kept the version; to move, run `upgrade --set model=gpt-5.5` or edit modelDeployments, and test the application with it first.',
    ]);
  });
});

describe('create with the clock it is given', () => {
  async function create(model: string, today: string, json: boolean) {
    const work = await tempDir();
    const streams = { stdout: '', stderr: '' };
    const sink = (key: keyof typeof streams) =>
      new Writable({
        write(chunk, _encoding, done) {
          streams[key] += String(chunk);
          done();
        },
      });
    const io = { stdin: new PassThrough(), stdout: sink('stdout'), stderr: sink('stderr'), env: {}, cwd: work, now: () => new Date(`${today}T08:00:00Z`) };
    const args = ['lz', '--location', 'westeurope', '--topology', 'single-vnet', '--gateway', 'none', '--no-jumpbox', '--model', model, '--dry-run', '--yes'];
    const exitCode = await main(json ? [...args, '--json'] : args, io);
    return { exitCode, ...streams };
  }

  it('warns within 90 days of retirement, on stderr and in --json warnings, and generates', async () => {
    const plain = await create('gpt-5.4', '2027-01-01', false);
    expect(plain.exitCode).toBe(0);
    expect(plain.stderr).toMatch(/^warning: gpt-5\.4 2026-03-05 retires on 2027-03-05, in 63 days/);
    const json = await create('gpt-5.4', '2027-01-01', true);
    expect(JSON.parse(json.stdout).warnings).toEqual([expect.stringMatching(/^gpt-5\.4 2026-03-05 retires on 2027-03-05, in 63 days/)]);
    expect(JSON.parse((await create('gpt-5.4', RELEASE_DATE, true)).stdout).warnings).toEqual([]);
  });

  it('refuses the same model once its retirement date has come', async () => {
    const refused = await create('gpt-5.4', '2027-03-05', false);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^error: --model gpt-5\.4: version 2026-03-05 was retired on 2027-03-05; nothing was written/);
  });
});
