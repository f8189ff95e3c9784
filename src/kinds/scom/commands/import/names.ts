/**
 * Server names as the import compares them: case-insensitively (Windows host names), and a name
 * without a domain matching a full name by its first label (`ms01` is `ms01.contoso.com`), since
 * SCOM shows full names and people write short ones.
 */

export type Found = { readonly kind: 'one'; readonly name: string } | { readonly kind: 'many'; readonly names: readonly string[] } | { readonly kind: 'none' };

export interface ServerIndex {
  /** The export's name for `name`, by full name first and then by first label. */
  find(name: string): Found;
  /** Every name, as the export gives it. */
  names(): readonly string[];
}

export function firstLabel(name: string): string {
  const dot = name.indexOf('.');
  return (dot < 0 ? name : name.slice(0, dot)).toLowerCase();
}

/** Whether two host names are one host: the same full name, or one has no domain and the first labels agree. */
export function sameHost(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x === y) return true;
  return (!x.includes('.') || !y.includes('.')) && firstLabel(x) === firstLabel(y) && !isAddress(x) && !isAddress(y);
}

function isAddress(name: string): boolean {
  return /^[0-9.]+$/.test(name) || name.includes(':');
}

export function serverIndex(all: readonly string[]): ServerIndex {
  const byName = new Map<string, string>();
  const byLabel = new Map<string, string[]>();
  for (const name of all) {
    byName.set(name.toLowerCase(), name);
    if (isAddress(name.toLowerCase())) continue;
    const label = firstLabel(name);
    const list = byLabel.get(label);
    if (list) list.push(name);
    else byLabel.set(label, [name]);
  }
  return {
    find(name: string): Found {
      const exact = byName.get(name.toLowerCase());
      if (exact !== undefined) return { kind: 'one', name: exact };
      if (isAddress(name.toLowerCase())) return { kind: 'none' };
      // A short name matches full names by their first label; a full name matches a short one.
      const candidates = name.includes('.') ? (byName.has(firstLabel(name)) ? [byName.get(firstLabel(name))!] : []) : (byLabel.get(firstLabel(name)) ?? []);
      if (candidates.length === 1) return { kind: 'one', name: candidates[0]! };
      return candidates.length > 1 ? { kind: 'many', names: candidates } : { kind: 'none' };
    },
    names: () => all,
  };
}
