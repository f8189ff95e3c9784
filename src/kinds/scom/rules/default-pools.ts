/**
 * One finding per design fact: the default pools that the file does not list share their members,
 * so a rule that finds something about one of them usually finds the same about the others. Those
 * reports (the same message, node and data but for the pool) become one report that names the
 * pools, so an administrator fixes the fact once (issue: "seven findings for one fact").
 *
 * Every report about a pool gets `Pool` (the start of a sentence, with a singular verb after it:
 * `Pool "X"`, `Each of the default pools "A", "B" and "C"`) and `poolRef` (inside a sentence:
 * `pool "X"`, `the default pools "A", "B" and "C"`) for its message, and `poolNames` (`"A", "B"`) for
 * the PowerShell it gives.
 */
import type { AnyRule, Problem } from '../../../core/rule.js';
import type { Topology } from '../model/types.js';
import { powerShellString } from '../../../util/powershell.js';

const quoted = (names: readonly string[]) =>
  names.length === 1
    ? `"${names[0]}"`
    : `${names
        .slice(0, -1)
        .map((n) => `"${n}"`)
        .join(', ')} and "${names[names.length - 1]}"`;

/** The data that name the pool, which differ between reports of one fact. */
const POOL_WORDS = new Set(['pool', 'Pool', 'poolRef', 'poolNames']);

/** A key of a report but for its pool: reports equal under it say the same of different pools. */
function factKey(r: Problem): string {
  // A rule builds its data in one order for one message, so the keys need no sorting.
  let key = `${r.messageId}\u0000${r.path}\u0000${r.at ?? ''}`;
  for (const k in r.data) if (!POOL_WORDS.has(k)) key += `\u0000${k}\u0001${String(r.data[k])}`;
  return key;
}

/** Each topology's implied pools, worked out once for all of its rules. */
const IMPLIED = new WeakMap<Topology, ReadonlySet<string>>();

export function mergeDefaultPoolReports(reports: Iterable<Problem>, topology: Topology): Problem[] {
  const out: (Problem | Problem[])[] = [];
  let groups: Map<string, Problem[]> | undefined;
  for (const r of reports) {
    if (r.pool === undefined || !impliedPools(topology).has(r.pool)) {
      out.push(r.pool === undefined ? r : withPoolWords(r, [r.pool]));
      continue;
    }
    groups ??= new Map();
    const key = factKey(r);
    const g = groups.get(key);
    if (g) g.push(r);
    else {
      const group = [r];
      groups.set(key, group);
      out.push(group);
    }
  }
  // Without a report about an implied pool, every entry is a report as it is.
  if (!groups) return out as Problem[];
  return out.map((x) => {
    if (!Array.isArray(x)) return x;
    const first = x[0]!;
    if (x.length === 1) return withPoolWords(first, [first.pool!]);
    const names = x.map((r) => r.pool!);
    const data = Object.assign({}, first.data, { pool: names.join(', ') });
    return withPoolWords({ messageId: first.messageId, data, path: first.path, ...(first.at ? { at: first.at } : {}) }, names);
  });
}

function impliedPools(topology: Topology): ReadonlySet<string> {
  let implied = IMPLIED.get(topology);
  if (!implied) {
    const names = new Set<string>();
    for (const p of topology.pools) if (p.implied) names.add(p.name);
    IMPLIED.set(topology, (implied = names));
  }
  return implied;
}

function withPoolWords(r: Problem, names: readonly string[]): Problem {
  const one = names.length === 1;
  const data = Object.assign({}, r.data, {
    Pool: one ? `Pool ${quoted(names)}` : `Each of the default pools ${quoted(names)}`,
    poolRef: one ? `pool ${quoted(names)}` : `the default pools ${quoted(names)}`,
    // For PowerShell: Get-SCOMResourcePool -DisplayName takes a list.
    poolNames: names.map(powerShellString).join(', '),
  });
  return { messageId: r.messageId, data, path: r.path, ...(r.at ? { at: r.at } : {}), ...(r.pool !== undefined ? { pool: r.pool } : {}) };
}

/** The rule with its reports about the implied default pools merged. */
export function mergingDefaultPools<R extends AnyRule>(rule: R): R {
  const check = rule.check;
  if (!check) return rule;
  return Object.assign({}, rule, { check: (context: { readonly topology: Topology }) => mergeDefaultPoolReports(check(context), context.topology) });
}
