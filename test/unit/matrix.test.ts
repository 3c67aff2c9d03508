import { describe, expect, it } from 'vitest';
import { coveringCombinations, EXTREMES, fullMatrix, pairsCoveredBy, validPairs } from '../matrix.js';

describe('the option matrix (foundry × services × topology × vpn × gateway × firewall × jumpbox)', () => {
  it('the covering subset has every pair of option values that a valid combination has', () => {
    const chosen = coveringCombinations();
    const missing = [...validPairs()].filter((pair) => !pairsCoveredBy(chosen).has(pair));
    expect(missing).toEqual([]);
    // Pairwise coverage is what keeps the default run short: a few dozen, not thousands.
    expect(chosen.length).toBeLessThan(40);
    // Validating every one of the ~8,000 combinations takes 15-20 s on 2 cores, more while other test files run.
  }, 120_000);

  it('holds thousands of valid combinations, the extremes among them', () => {
    const full = fullMatrix();
    expect(Object.keys(full).length).toBeGreaterThan(2000);
    const { agents: _agents, apimRegions: _regions, ...largest } = EXTREMES['matrix-largest']!;
    expect(Object.values(full)).toContainEqual(EXTREMES['matrix-smallest']);
    expect(Object.values(full)).toContainEqual(largest);
  });
});
