import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

describe('command line', () => {
  it('reads the target folder and typed answers; create is the default command', () => {
    const parsed = parseCommandLine([
      'my-lz',
      '--services',
      'openai, search',
      '--services',
      'ml',
      '--no-jumpbox',
      '--agents',
      '--address-space',
      '10.1.0.0/22',
      '-y',
    ]);
    expect(parsed).toMatchObject({
      command: 'create',
      target: 'my-lz',
      flags: { services: ['openai', 'search', 'ml'], jumpbox: false, agents: true, addressSpace: '10.1.0.0/22' },
      options: { yes: true, git: true, force: false, dryRun: false },
    });
  });

  it('knows subcommands and run options', () => {
    expect(parseCommandLine(['upgrade', 'lz', '--no-git', '--json'])).toMatchObject({ command: 'upgrade', target: 'lz', options: { git: false, json: true } });
    expect(parseCommandLine(['schema']).command).toBe('schema');
  });

  it('accepts a flag repeated with the same value, and list flags that add up', () => {
    expect(parseCommandLine(['--location', 'westeurope', '--location', 'westeurope', '--jumpbox', '--jumpbox']).flags).toEqual({
      location: 'westeurope',
      jumpbox: true,
    });
    expect(parseCommandLine(['--environments', 'dev', '--environments', 'prod']).flags.environments).toEqual(['dev', 'prod']);
  });

  it('turns --environments "" into an empty list for the schema to refuse', () => {
    expect(parseCommandLine(['x', '--environments', '']).flags.environments).toEqual([]);
  });

  it.each([
    [['--foundy', 'hub'], /unknown option --foundy; did you mean --foundry\?/],
    [['--frobnicate'], /unknown option --frobnicate; run with --help/],
    [['--jumpbox=false'], /--jumpbox is a switch and takes no value; write --jumpbox or --no-jumpbox/],
    [['--foundry'], /--foundry needs a value/],
    [['a', 'b'], /at most one target folder, got 2/],
    [['--yes=false'], /^-y\/--yes is a switch and takes no value; write --yes, or leave it out$/],
    [['-c'], /^-c\/--config needs a value: --config <file>$/],
    [
      ['--location', 'westeurope', '--location=swedencentral'],
      /^--location is given twice with different values: --location "westeurope" and --location "swedencentral"; give it once$/,
    ],
    [['--no-firewall', '--firewall'], /^--firewall is given twice with different values: --no-firewall and --firewall; give it once$/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
