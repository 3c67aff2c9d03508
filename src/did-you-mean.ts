/** Suggestions for near misses: a typo in a flag, a region, a model or a choice gets the name meant. */

/**
 * The candidate closest to `word`: within edit distance 2 (`swedencentrl` → `swedencentral`), or the
 * only one it starts (`swedenc` → `swedencentral`). Undefined when nothing is close, or when two are
 * equally close, so that the suggestion is never a guess between two.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const prefixed = lower.length >= 3 ? candidates.filter((name) => name.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: { names: string[]; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lower, name.toLowerCase());
    if (distance > 2 || (best && distance > best.distance)) continue;
    best = best && distance === best.distance ? { names: [...best.names, name], distance } : { names: [name], distance };
  }
  return best?.names.length === 1 ? best.names[0] : undefined;
}

/** ` (did you mean swedencentral?)`, or nothing when no candidate is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
