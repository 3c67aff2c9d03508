import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compareVersions, releasesBetween } from '../../src/upgrade/release-notes.js';
import { GENERATOR_VERSION } from '../../src/version.js';

const CHANGELOG = `# Changelog

## [Unreleased]

## [0.10.0] - 2027-01-02

Generated output changes in this release: the firewall
rules.

### Added
- x

## [0.2.0] - 2026-12-01

### Fixed
- y

## [0.1.0] - 2026-11-01

The first release.
`;

describe('release notes for upgrade', () => {
  it('compares versions by number, not by text', () => {
    expect(compareVersions('0.10.0', '0.2.0')).toBe(1);
    expect(compareVersions('0.2.0', '0.2.0')).toBe(0);
    expect(compareVersions('1.0.0', '1.0.1')).toBe(-1);
  });

  it('lists the releases after the repository version up to the generator, oldest first, each with its opening paragraph', () => {
    expect(releasesBetween(CHANGELOG, '0.1.0', '0.10.0')).toEqual([
      { version: '0.2.0', changes: '' },
      { version: '0.10.0', changes: 'Generated output changes in this release: the firewall rules.' },
    ]);
    expect(releasesBetween(CHANGELOG, '0.10.0', '0.10.0')).toEqual([]);
  });

  it('the shipped CHANGELOG has a section for this version that says what generated output it changes', async () => {
    const changelog = await readFile(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');
    const [note] = releasesBetween(changelog, '0.0.0', GENERATOR_VERSION).slice(-1);
    expect(note?.version).toBe(GENERATOR_VERSION);
    expect(note?.changes).toMatch(/^Generated output changes in this release/);
  });
});
