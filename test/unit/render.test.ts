import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bicepValue, EnvironmentVariable, serializeBicepParams } from '../../src/render/bicepparam.js';
import { execFileSync } from 'node:child_process';
import { bicepString, markdownCode, markdownText, shellWord, yamlString } from '../../src/render/escape.js';
import { compileTemplate, HELPERS } from '../../src/render/handlebars.js';
import { COMPILE_OPTIONS } from '../../src/render/template-specs.js';

const TRICKY = 'o\'brien ${x} \\ "quoted"\nline\ttab';

describe('escaping helpers', () => {
  it('writes a Bicep literal that Bicep reads back as the same text', () => {
    expect(bicepString("o'brien ${x}")).toBe("'o\\'brien \\${x}'");
    expect(bicepString('a\\b\nc\td\r')).toBe("'a\\\\b\\nc\\td\\r'");
    expect(bicepString('bell\u0007')).toBe("'bell\\u{7}'");
  });

  it('writes YAML scalars that parse back to the same string', () => {
    expect(parseYaml(`value: ${yamlString(TRICKY)}`)).toEqual({ value: TRICKY });
  });

  it('refuses to put a GitHub expression into a workflow value', () => {
    expect(() => yamlString('${{ secrets.TOKEN }}')).toThrow(/GitHub would evaluate/);
  });

  it('writes code spans that show the text as it is, even with backticks', () => {
    expect(markdownCode('*.example.com')).toBe('`*.example.com`');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x')).toBe('`` `x ``');
  });

  it('writes shell words that bash reads back as the same text, expanding nothing', () => {
    expect(execFileSync('bash', ['-c', `printf %s ${shellWord(TRICKY)}`], { encoding: 'utf8' })).toBe(TRICKY);
    expect(execFileSync('bash', ['-c', `printf %s ${shellWord("$(id) `x` 'q'")}`], { encoding: 'utf8' })).toBe("$(id) `x` 'q'");
  });

  it('escapes Markdown punctuation and folds newlines', () => {
    expect(markdownText('a *b* [c](d) <e>\nf')).toBe('a \\*b\\* \\[c\\]\\(d\\) \\<e\\> f');
  });
});

describe('handlebars environment', () => {
  it('does not HTML-escape values', async () => {
    expect((await compileTemplate('{{name}}', 't'))({ name: "o'brien & <co>" })).toBe("o'brien & <co>");
  });

  it('fails on a missing field instead of printing nothing', async () => {
    const template = await compileTemplate('{{nmae}}', 'typo.hbs');
    expect(() => template({ name: 'x' })).toThrow(/template typo.hbs: "nmae" not defined/);
  });

  it('keeps GitHub expressions inside a raw block', async () => {
    const template = await compileTemplate('{{{{raw}}}}ref: ${{ github.sha }}{{{{/raw}}}} {{bicep name}}', 't');
    expect(template({ name: "it's" })).toBe("ref: ${{ github.sha }} 'it\\'s'");
  });

  it('compiles every helper as known, so that the compiled code calls it directly, and no other', () => {
    expect(Object.keys(COMPILE_OPTIONS.knownHelpers ?? {}).sort()).toEqual(Object.keys(HELPERS).sort());
    expect(COMPILE_OPTIONS.knownHelpersOnly).toBe(true);
  });

  it('refuses a template that calls a helper the environment does not have', async () => {
    await expect(compileTemplate('{{bicpe name}}', 'misspelt.hbs')).rejects.toThrow(/template misspelt.hbs: .*unknown helper bicpe/s);
  });

  it('names the template whose syntax is broken', async () => {
    await expect(compileTemplate('{{#if open}}never closed', 'broken.hbs')).rejects.toThrow(/template broken.hbs: .*Parse error/s);
  });
});

describe('.bicepparam serializer', () => {
  it('reads a secret from the environment when the file is built, never writing it', () => {
    const text = serializeBicepParams('../main.bicep', [
      { name: 'adminPassword', value: new EnvironmentVariable('JUMPBOX_ADMIN_PASSWORD'), comment: 'A secret.' },
    ]);
    expect(text).toContain("param adminPassword = readEnvironmentVariable('JUMPBOX_ADMIN_PASSWORD')");
    expect(() => new EnvironmentVariable("X') + 'y")).toThrow(/not an environment variable name/);
  });

  it('writes every value kind in bicep format layout', () => {
    const text = serializeBicepParams('../main.bicep', [
      { name: 'label', value: TRICKY, comment: 'A string.' },
      { name: 'count', value: 3, comment: 'An int.' },
      { name: 'items', value: [{ name: 'gpt', 'odd-key': true }, []], comment: 'An array.' },
      { name: 'empty', value: {}, comment: 'An object.' },
    ]);
    expect(text).toBe(
      [
        "using '../main.bicep'",
        '',
        '// A string.',
        "param label = 'o\\'brien \\${x} \\\\ \"quoted\"\\nline\\ttab'",
        '',
        '// An int.',
        'param count = 3',
        '',
        '// An array.',
        'param items = [',
        '  {',
        "    name: 'gpt'",
        "    'odd-key': true",
        '  }',
        '  []',
        ']',
        '',
        '// An object.',
        'param empty = {}',
        '',
      ].join('\n'),
    );
  });

  it('refuses values Bicep parameters cannot hold', () => {
    expect(() => bicepValue(1.5, 0)).toThrow(/integers only/);
    expect(() => bicepValue(undefined, 0)).toThrow(/cannot write a undefined/);
  });
});
