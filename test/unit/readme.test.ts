import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { allFields } from '../../src/answers/fields.js';
import { RUN_OPTIONS } from '../../src/cli/args.js';
import { flagName } from '../../src/cli/flags.js';

const read = (path: string) => readFile(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('README.md stays true to the CLI', () => {
  it('documents every answer flag and every one of its values', async () => {
    const readme = await read('README.md');
    for (const field of allFields()) {
      const flag = `--${flagName(field.key)}`;
      expect(readme, flag).toContain(field.kind === 'boolean' ? `\`${flag}\`, \`--no-${flagName(field.key)}\`` : `\`${flag} `);
      for (const choice of field.choices) expect(readme, `${flag} ${choice}`).toContain(`\`${choice}\``);
    }
  });

  it('documents every run option', async () => {
    const readme = await read('README.md');
    for (const [name, option] of Object.entries(RUN_OPTIONS)) {
      expect(readme, name).toContain(name === 'git' ? '`--no-git`' : `\`--${name}`);
      if ('short' in option) expect(readme, name).toContain(`\`-${option.short}\``);
    }
  });

  it('names the test command that CI runs', async () => {
    const [readme, ci] = await Promise.all([read('README.md'), read('.ci/run')]);
    expect(readme).toMatch(/^npm test$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('names the pinned compiler version', async () => {
    const [readme, project] = await Promise.all([read('README.md'), read('test/compiler/BicepCompiler.csproj')]);
    // The project pins more than one package: take the compiler's version, not the first one.
    const version = /Azure\.Bicep\.CommandLine\.linux-x64" Version="\[([^\]]+)\]"/.exec(project)?.[1];
    expect(readme).toContain(`version **${version}**`);
  });
});
