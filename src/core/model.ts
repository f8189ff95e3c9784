/** Vocabulary every kind's model shares: what normalising a document can find wrong, and name keys. */

/** The common rules a model issue belongs to (each kind gives the wording in its `issueMessages`). */
export type ModelIssueRule = 'unknown-reference' | 'duplicate-name' | 'schema';

/** Something a kind's normalisation found wrong that the schema cannot say: data, not wording. */
export interface ModelIssue {
  readonly rule: ModelIssueRule;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly path: string;
  readonly at?: 'key' | 'value';
}

/** Case-insensitive key of a name (Windows host names). */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

/** Names each once, as first spelt, compared case-insensitively (`a`, `A` is `a`). */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = nameKey(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The names of a comma-separated list (simulate's --down), each once as first spelt (`a,,A` is `a`). */
export function namesIn(list: string): string[] {
  return uniqueNames(
    list
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0),
  );
}

/** Key of an unordered pair of names, case-insensitively: the same for [a, b] and [B, a]. */
export function pairKey(a: string, b: string): string {
  const x = nameKey(a);
  const y = nameKey(b);
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}
