/** "Did you mean …?": the known names closest to a mistyped one. */

/** Names longer than this get no suggestion: no name of the format is, and the edit distance costs the product of the lengths. */
export const MAX_SUGGESTED_LENGTH = 256;

/**
 * Levenshtein distance between `a` and `b`; past `max` it stops early and gives `max + 1`, so that
 * a bounded question costs at most about `max` rows whatever the lengths.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
      if (prev[j]! < rowMin) rowMin = prev[j]!;
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length]!;
}

/** Up to `max` of `known` within a third of the name's length in edits, nearest first. */
export function closest(name: string, known: readonly string[], max = 2): string[] {
  if (name.length > MAX_SUGGESTED_LENGTH) return [];
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(lower.length / 3));
  // A known name that contains the mistyped one is its length's difference away.
  return known
    .map((k) => {
      const kl = k.toLowerCase();
      return { k, d: kl.includes(lower) ? kl.length - lower.length : editDistance(lower, kl, limit), contains: kl.includes(lower) };
    })
    .filter((x) => x.d <= limit || x.contains)
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, max)
    .map((x) => x.k);
}
