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
import type { AnyRule, Report } from '../../../rules/types.js';
import type { Topology } from '../model/types.js';

const quoted = (names: readonly string[]) =>
  names.length === 1 ? `"${names[0]}"` : `${names.slice(0, -1).map((n) => `"${n}"`).join(', ')} and "${names[names.length - 1]}"`;

/** The data that name the pool, which differ between reports of one fact. */
const POOL_WORDS = new Set(['pool', 'Pool', 'poolRef', 'poolNames']);

/** A key of a report but for its pool: reports equal under it say the same of different pools. */
function factKey(r: Report): string {
  const data = Object.entries(r.data).filter(([k]) => !POOL_WORDS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([r.messageId, r.path, r.at ?? '', data]);
}

export function mergeDefaultPoolReports(reports: Iterable<Report>, topology: Topology): Report[] {
  const implied = new Set(topology.pools.filter((p) => p.implied).map((p) => p.name));
  const out: (Report | { group: Report[] })[] = [];
  const groups = new Map<string, { group: Report[] }>();
  for (const r of reports) {
    if (r.pool === undefined || !implied.has(r.pool)) {
      out.push(r);
      continue;
    }
    const key = factKey(r);
    const g = groups.get(key);
    if (g) g.group.push(r);
    else {
      const entry = { group: [r] };
      groups.set(key, entry);
      out.push(entry);
    }
  }
  return out.map((x) => {
    if (!('group' in x)) return x.pool === undefined ? x : withPoolWords(x, [x.pool]);
    if (x.group.length === 1) return withPoolWords(x.group[0]!, [x.group[0]!.pool!]);
    const first = x.group[0]!;
    const names = x.group.map((r) => r.pool!);
    const data = Object.assign({}, first.data, { pool: names.join(', ') });
    return withPoolWords({ messageId: first.messageId, data, path: first.path, ...(first.at ? { at: first.at } : {}) }, names);
  });
}

function withPoolWords(r: Report, names: readonly string[]): Report {
  const one = names.length === 1;
  const data = Object.assign({}, r.data, {
    Pool: one ? `Pool ${quoted(names)}` : `Each of the default pools ${quoted(names)}`,
    poolRef: one ? `pool ${quoted(names)}` : `the default pools ${quoted(names)}`,
    // For PowerShell: Get-SCOMResourcePool -DisplayName takes a list.
    poolNames: names.map((n) => `"${n}"`).join(', '),
  });
  return { messageId: r.messageId, data, path: r.path, ...(r.at ? { at: r.at } : {}), ...(r.pool !== undefined ? { pool: r.pool } : {}) };
}

/** The rule with its reports about the implied default pools merged. */
export function mergingDefaultPools<R extends AnyRule>(rule: R): R {
  const check = rule.check;
  if (!check) return rule;
  return Object.assign({}, rule, { check: (context: { readonly topology: Topology }) => mergeDefaultPoolReports(check(context), context.topology) });
}
