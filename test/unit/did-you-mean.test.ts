import { describe, expect, it } from 'vitest';
import { closest } from '../../src/did-you-mean.js';

describe('did you mean', () => {
  it('suggests the name within two edits, or the only one a word starts', () => {
    expect(closest('swedencentrl', ['swedencentral', 'westeurope'])).toBe('swedencentral');
    expect(closest('swedenc', ['swedencentral', 'switzerlandnorth'])).toBe('swedencentral');
    expect(closest('HUBB', ['project', 'hub', 'none'])).toBe('hub');
  });

  it('suggests nothing when nothing is close, or when two are equally close', () => {
    expect(closest('mars', ['swedencentral', 'westeurope'])).toBeUndefined();
    expect(closest('westus4', ['westus2', 'westus3'])).toBeUndefined();
  });
});
