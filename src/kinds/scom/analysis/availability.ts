/**
 * Availability (FORMAT.md "Availability"): the probability that the management group, or a pool,
 * works under the failure model, every server, database host and data centre failing
 * independently. Exact: the model is evaluated for each combination of the few shared states (the
 * database's hosts, the servers gateways report through, the data centres that hold one of them),
 * and for each the voters left free are counted by a dynamic program over interchangeable voters (a
 * binomial per group of equal voters, with three flags: a management server up, a member up, a
 * connected member up; a data centre of free voters alone as one block, up or down). Past 2^20
 * combinations the shared states are sampled with a fixed seed instead.
 */
import { evaluateInfrastructure, noFailure, type FailureModel, type Infrastructure } from './failure/index.js';
import { databaseHosts } from './what-if.js';

/**
 * A probability distribution over a count, stored only where it is non-zero: `values[i]` is
 * P(count = offset + i). Trimming the zero tails keeps large pools cheap: 20,000 servers at 99%
 * put all their mass within a few hundred counts of the mean.
 */
interface Dist {
  readonly offset: number;
  readonly values: Float64Array;
}

function trim(offset: number, values: Float64Array): Dist {
  let lo = 0;
  let hi = values.length;
  while (lo < hi && values[lo] === 0) lo++;
  while (hi > lo && values[hi - 1] === 0) hi--;
  return { offset: offset + lo, values: values.subarray(lo, hi) };
}

/** Binomial(n, p), computed from its mode outward so that no term underflows before its neighbours. */
function binomial(n: number, p: number): Dist {
  if (p >= 1) return { offset: n, values: Float64Array.of(1) };
  if (p <= 0) return { offset: 0, values: Float64Array.of(1) };
  const values = new Float64Array(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const ratio = p / (1 - p);
  values[mode] = 1;
  for (let k = mode; k < n; k++) values[k + 1] = values[k]! * ((n - k) / (k + 1)) * ratio;
  for (let k = mode; k > 0; k--) values[k - 1] = (values[k]! * (k / (n - k + 1))) / ratio;
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += values[k]!;
  for (let k = 0; k <= n; k++) values[k] = values[k]! / sum;
  return trim(0, values);
}

/** -log10(1 - probability), to full precision (FORMAT.md); null when the probability is 1. */
export function nines(probability: number): number | null {
  if (probability >= 1) return null;
  return -Math.log10(1 - probability);
}

/** Nines as people read them: three decimals at most ("4.602 nines", "2 nines"). */
export function ninesText(value: number): string {
  return `${Number(value.toFixed(3))} nines`;
}

export interface Availability {
  readonly probability: number;
  /** -log10(1 - probability); null when the probability is 1. */
  readonly nines: number | null;
  readonly method: 'exact' | 'sampled';
  /** With `sampled`: the estimate's standard error. */
  readonly standardError?: number;
}

/** What must hold: more than `votesNeeded` votes, a member up and a connected member (FORMAT.md rule 8). */
export interface AvailabilityQuestion {
  readonly members: Int32Array;
  readonly observers: Int32Array;
  /** The default observer votes (quorum model). */
  readonly participates: boolean;
  readonly votesNeeded: number;
}

/** The most shared-state combinations computed exactly; past it, sampling. */
export const EXACT_STATES = 2 ** 20;
const SAMPLES = 4_096;

/** Flags of the voters that are up: a management server (1), a member (2), a connected member (4). */
const MS = 1;
const MEMBER = 2;
const CONNECTED = 4;

interface Group {
  readonly count: number;
  readonly dc: number;
  readonly availability: number;
  readonly member: boolean;
  readonly ms: boolean;
  /** For a gateway member: the hosts it reports to. */
  readonly parents: readonly number[] | null;
}

/** The management group works while a management server is connected: a question with no quorum. */
export function managementGroupQuestion(model: FailureModel): AvailabilityQuestion {
  return { members: model.managementServers, observers: new Int32Array(0), participates: false, votesNeeded: 0 };
}

export function availability(model: FailureModel, question: AvailabilityQuestion, seed = 1): Availability {
  // The shared part: the database's hosts and every server a gateway member reports through.
  const infra = new Set<number>(databaseHosts(model));
  const stack: number[] = [];
  for (const h of question.members) for (const p of model.parents[h]!) stack.push(p);
  while (stack.length > 0) {
    const h = stack.pop()!;
    if (infra.has(h)) continue;
    infra.add(h);
    for (const p of model.parents[h]!) stack.push(p);
  }
  const scopeHosts = Int32Array.from([...infra].sort((a, b) => a - b));
  const scope = {
    hosts: scopeHosts,
    managementServers: model.managementServers.filter((h) => infra.has(h)),
    gatewayOrder: model.gatewayOrder.filter((h) => infra.has(h)),
  };
  const fixed: [number, boolean][] = [];
  // Free voters grouped by what makes them interchangeable: data centre, availability, member or
  // observer, role, and for a gateway member the servers it reports through. Keys are numbers but
  // for gateways, so that a pool of 20,000 builds no string per voter.
  const plain = new Map<number, Map<number, { count: number; group: Omit<Group, 'count'> }>>();
  const chained = new Map<string, { count: number; group: Omit<Group, 'count'> }>();
  const add = (h: number, member: boolean) => {
    if (infra.has(h)) {
      fixed.push([h, member]);
      return;
    }
    const host = model.hosts[h]!;
    const ms = host.role === 'management-server';
    const dc = model.hostDc[h]!;
    const parents = member && host.role === 'gateway' ? model.parents[h]! : null;
    const group = { dc, availability: host.availability, member, ms, parents };
    if (parents) {
      const key = `${dc}|${host.availability}|${parents.join(',')}`;
      const g = chained.get(key);
      if (g) g.count++;
      else chained.set(key, { count: 1, group });
      return;
    }
    let byCode = plain.get(host.availability);
    if (!byCode) plain.set(host.availability, (byCode = new Map()));
    const code = (dc + 1) * 4 + (member ? 2 : 0) + (ms ? 1 : 0);
    const g = byCode.get(code);
    if (g) g.count++;
    else byCode.set(code, { count: 1, group });
  };
  for (const h of question.members) add(h, true);
  for (const h of question.observers) add(h, false);
  const groupList: Group[] = [...[...plain.values()].flatMap((m) => [...m.values()]), ...chained.values()].map(({ count, group }) => ({ count, ...group }));
  const free = groupList.reduce((n, g) => n + g.count, 0);
  // The shared states: uncertain hosts of the shared part, and the uncertain data centres that hold
  // one of them. An uncertain data centre that holds only free voters is not a shared state: its
  // voters are up or down together with it, which the free voters' distribution takes in whole
  // (freeSites, convolved as one block by freeVoterTails), so many sites cost a convolution each
  // rather than doubling the states.
  const hostVars = scopeHosts.filter((h) => model.hosts[h]!.availability < 1);
  const uncertain = (d: number) => d >= 0 && (model.dataCenters[d]!.availability ?? 1) < 1;
  const dcShared = new Set<number>();
  for (const h of infra) dcShared.add(model.hostDc[h]!);
  const dcVars = [...dcShared].filter(uncertain).sort((a, b) => a - b);
  const freeSites = new Map<number, number>();
  for (const g of groupList) if (uncertain(g.dc) && !dcShared.has(g.dc)) freeSites.set(g.dc, model.dataCenters[g.dc]!.availability!);
  const vars = hostVars.length + dcVars.length;
  const failure = noFailure(model);
  const cache = new TailsCache<string>();
  const bySignature = new TailsCache<number>();
  const reuse = { up: new Uint8Array(model.hosts.length), connected: new Uint8Array(model.hosts.length), via: new Int32Array(model.hosts.length) };

  /** P(the question holds | the shared states set in `failure`). */
  const conditional = (): number => {
    const state = evaluateInfrastructure(model, failure, scope, reuse);
    return answer(question, state, fixed, groupList, free, failure.downDataCenters, freeSites, cache, bySignature, model);
  };
  const setVar = (i: number, down: boolean) => {
    if (i < hostVars.length) failure.downHosts[hostVars[i]!] = down ? 1 : 0;
    else failure.downDataCenters[dcVars[i - hostVars.length]!] = down ? 1 : 0;
  };
  const pUp = (i: number) =>
    i < hostVars.length ? model.hosts[hostVars[i]!]!.availability : (model.dataCenters[dcVars[i - hostVars.length]!]!.availability ?? 1);

  if (2 ** vars <= EXACT_STATES) {
    // A host in a data centre that is down is down whatever its own state: the states that differ
    // only there give the same conditional probability, worked out once (the sum is unchanged).
    const dcBitOf = Array.from(hostVars, (h) => {
      const d = dcVars.indexOf(model.hostDc[h]!);
      return d < 0 ? -1 : hostVars.length + d;
    });
    const same = dcBitOf.some((b) => b >= 0) ? new Float64Array(2 ** vars).fill(NaN) : undefined;
    let total = 0;
    for (let mask = 0; mask < 2 ** vars; mask++) {
      let weight = 1;
      for (let i = 0; i < vars; i++) {
        const down = (mask >> i) & 1;
        weight *= down ? 1 - pUp(i) : pUp(i);
      }
      if (weight === 0) continue;
      let key = mask;
      if (same) for (let i = 0; i < dcBitOf.length; i++) if (dcBitOf[i]! >= 0 && (mask >> dcBitOf[i]!) & 1) key |= 1 << i;
      let p = same ? same[key]! : NaN;
      if (Number.isNaN(p)) {
        for (let i = 0; i < vars; i++) setVar(i, ((mask >> i) & 1) === 1);
        p = conditional();
        if (same) same[key] = p;
      }
      total += weight * p;
    }
    const probability = clamp(total);
    return { probability, nines: nines(probability), method: 'exact' };
  }
  const random = mulberry32(seed);
  let sum = 0;
  let sumSq = 0;
  for (let k = 0; k < SAMPLES; k++) {
    for (let i = 0; i < vars; i++) setVar(i, random() >= pUp(i));
    const p = conditional();
    sum += p;
    sumSq += p * p;
  }
  const mean = sum / SAMPLES;
  const variance = Math.max(0, sumSq / SAMPLES - mean * mean);
  const probability = clamp(mean);
  return { probability, nines: nines(probability), method: 'sampled', standardError: Math.sqrt(variance / SAMPLES) };
}

function clamp(p: number): number {
  return Math.min(1, Math.max(0, p));
}

/** P(enough votes, a member up, a connected member) given the shared states, over the free voters. */
function answer(
  question: AvailabilityQuestion,
  state: Infrastructure,
  fixed: readonly [number, boolean][],
  groups: readonly Group[],
  free: number,
  downDataCenters: Uint8Array,
  freeSites: ReadonlyMap<number, number>,
  cache: TailsCache<string>,
  bySignature: TailsCache<number>,
  model: FailureModel,
): number {
  const databaseAvailable = state.databaseSide >= 0;
  let fixedUp = 0;
  let fixedFlags = 0;
  for (const [h, member] of fixed) {
    if (!state.up[h]) continue;
    fixedUp++;
    if (model.hosts[h]!.role === 'management-server') fixedFlags |= MS;
    if (member) {
      fixedFlags |= MEMBER;
      if (state.connected[h]) fixedFlags |= CONNECTED;
    }
  }
  // What the free voters bring depends, for each group, only on whether its data centre is up and
  // whether it reaches the management group: with few groups that is a number, and the states that
  // agree on it share one distribution without building its key.
  let signature = -1;
  if (groups.length <= SIGNATURE_GROUPS) {
    signature = 0;
    for (const g of groups) signature = signature * 4 + (g.dc >= 0 && downDataCenters[g.dc] ? 0 : 2) + (reaches(g, state, databaseAvailable) ? 1 : 0);
  }
  let tails = signature >= 0 ? bySignature.get(signature) : undefined;
  if (!tails) {
    tails = freeVoterTails(groups, state, databaseAvailable, downDataCenters, freeSites, cache);
    if (signature >= 0) bySignature.set(signature, tails);
  }
  let p = 0;
  for (let mask = 0; mask < 8; mask++) {
    const flags = mask | fixedFlags;
    if (!(flags & MEMBER) || !(flags & CONNECTED)) continue;
    const observerVote = question.participates && databaseAvailable && flags & MS ? 1 : 0;
    const need = Math.max(0, question.votesNeeded - fixedUp - observerVote);
    p += tailAt(tails, mask, need);
  }
  return p;
}

/** Groups past this many are told apart by a text key alone (4^15 still fits a double exactly). */
const SIGNATURE_GROUPS = 15;

/** Whether a group's voters reach the management group: a management server while the database is available, a gateway through a connected server it reports to. */
function reaches(g: Group, state: Infrastructure, databaseAvailable: boolean): boolean {
  return g.ms ? databaseAvailable : g.parents !== null && g.parents.some((p) => state.connected[p] === 1);
}

/** A group's voters as the free voters' distribution takes them: how many, their chance to be up, what they bring. */
interface Shaped {
  readonly count: number;
  readonly q: number;
  readonly flags: number;
}

/**
 * The free voters' tails given the shared states: one binomial per kind of group, convolved (and
 * kept by their text key). The groups in a data centre that is not a shared state are convolved
 * apart and taken only while it is up (its availability), as one block.
 */
function freeVoterTails(
  groups: readonly Group[],
  state: Infrastructure,
  databaseAvailable: boolean,
  downDataCenters: Uint8Array,
  freeSites: ReadonlyMap<number, number>,
  cache: TailsCache<string>,
): Tails {
  // Groups that bring the same flags with the same chance (in the same free data centre, if in one:
  // -1 for none) are one binomial; a group that cannot be up brings nothing.
  const bySite = new Map<number, Map<string, Shaped & { count: number }>>();
  for (const g of groups) {
    const q = g.dc >= 0 && downDataCenters[g.dc] ? 0 : g.availability;
    if (q === 0) continue;
    const flags = (g.ms ? MS : 0) | (g.member ? MEMBER : 0) | (g.member && reaches(g, state, databaseAvailable) ? CONNECTED : 0);
    const site = freeSites.has(g.dc) ? g.dc : -1;
    let merged = bySite.get(site);
    if (!merged) bySite.set(site, (merged = new Map()));
    const k = `${q}:${flags}`;
    const m = merged.get(k);
    if (m) m.count += g.count;
    else merged.set(k, { count: g.count, q, flags });
  }
  const groupsOf = (site: number) => [...(bySite.get(site)?.values() ?? [])].sort((x, y) => x.q - y.q || x.flags - y.flags);
  const list = groupsOf(-1);
  let key = list.map((s) => `${s.q}:${s.flags}:${s.count}`).join(';');
  const sites: { readonly up: number; readonly groups: readonly Shaped[] }[] = [];
  if (freeSites.size > 0) {
    for (const [dc, up] of [...freeSites].sort((a, b) => a[0] - b[0])) {
      const inSite = groupsOf(dc);
      if (inSite.length === 0) continue;
      sites.push({ up, groups: inSite });
      key += `|${up}@${inSite.map((s) => `${s.q}:${s.flags}:${s.count}`).join(';')}`;
    }
  }
  let tails = cache.get(key);
  if (!tails) cache.set(key, (tails = upTails(list, sites)));
  return tails;
}

/** Per set of flags, P(exactly those flags and at least c voters up) for c from `lo` to `lo + length - 1`. */
interface Tails {
  readonly lo: number;
  readonly suffix: readonly Float64Array[];
}

/** Numbers of tails a cache keeps at most: past it a distribution is worked out again, so memory stays bounded. */
const TAILS_KEPT = 1 << 22;

/** Tails by key, up to TAILS_KEPT numbers in all. */
class TailsCache<K> {
  private readonly map = new Map<K, Tails>();
  private kept = 0;

  get(key: K): Tails | undefined {
    return this.map.get(key);
  }

  set(key: K, tails: Tails): void {
    let n = 0;
    for (const row of tails.suffix) n += row.length;
    if (this.kept + n > TAILS_KEPT) return;
    this.kept += n;
    this.map.set(key, tails);
  }
}

/** P(the free voters up bring exactly `mask`'s flags and at least `need` of them are up). */
function tailAt(t: Tails, mask: number, need: number): number {
  const s = t.suffix[mask]!;
  const i = Math.max(0, need - t.lo);
  return i < s.length ? s[i]! : 0;
}

/**
 * Per set of flags, P(those flags and lo + c voters up), for c over one range shared by all eight
 * rows; `reachable` marks the sets of flags that can occur.
 */
interface FlagDist {
  readonly lo: number;
  readonly rows: Float64Array[];
  readonly reachable: Uint8Array;
}

/** No voter, no flag: certainly. */
function nobody(): FlagDist {
  const rows = Array.from({ length: 8 }, () => new Float64Array(1));
  rows[0]![0] = 1;
  const reachable = new Uint8Array(8);
  reachable[0] = 1;
  return { lo: 0, rows, reachable };
}

/**
 * The counts that carry no mass at either end, dropped: a sum of many voters keeps its mass within
 * a few hundred counts of its mean, and past that its terms are exactly 0 (they underflow), so the
 * arrays stay that wide however many voters are convolved. Only zeros go: every sum is unchanged.
 */
function trimmed(d: FlagDist): FlagDist {
  const width = d.rows[0]!.length;
  let first = width;
  let last = -1;
  for (let mask = 0; mask < 8; mask++) {
    if (!d.reachable[mask]) continue;
    const row = d.rows[mask]!;
    let a = 0;
    while (a < width && row[a] === 0) a++;
    if (a === width) continue;
    let b = width - 1;
    while (row[b] === 0) b--;
    if (a < first) first = a;
    if (b > last) last = b;
  }
  if (last < 0 || (first === 0 && last === width - 1)) return d;
  return { lo: d.lo + first, rows: d.rows.map((r) => r.slice(first, last + 1)), reachable: d.reachable };
}

/** `d` with one more group of voters: count of them, each up with chance q, bringing flags when any is up. */
function withGroup(d: FlagDist, g: Shaped): FlagDist {
  const b = binomial(g.count, g.q);
  const width = d.rows[0]!.length + b.values.length - 1;
  const next = Array.from({ length: 8 }, () => new Float64Array(width));
  for (let mask = 0; mask < 8; mask++) {
    // Most sets of flags cannot occur (they need a group that brings them): skip them whole.
    if (!d.reachable[mask]) continue;
    const from = d.rows[mask]!;
    for (let c = 0; c < from.length; c++) {
      const x = from[c]!;
      if (x === 0) continue;
      for (let i = 0; i < b.values.length; i++) {
        const row = next[b.offset + i > 0 ? mask | g.flags : mask]!;
        row[c + i] = row[c + i]! + x * b.values[i]!;
      }
    }
  }
  const reachable = Uint8Array.from(d.reachable);
  for (let mask = 7; mask >= 0; mask--) if (reachable[mask]) reachable[mask | g.flags] = 1;
  return trimmed({ lo: d.lo + b.offset, rows: next, reachable });
}

/** The voters of `a` and of `b` together (independent): counts add, flags join. */
function together(a: FlagDist, b: FlagDist): FlagDist {
  const wa = a.rows[0]!.length;
  const wb = b.rows[0]!.length;
  const next = Array.from({ length: 8 }, () => new Float64Array(wa + wb - 1));
  const reachable = new Uint8Array(8);
  for (let ma = 0; ma < 8; ma++) {
    if (!a.reachable[ma]) continue;
    const ra = a.rows[ma]!;
    for (let mb = 0; mb < 8; mb++) {
      if (!b.reachable[mb]) continue;
      reachable[ma | mb] = 1;
      const rb = b.rows[mb]!;
      const row = next[ma | mb]!;
      for (let i = 0; i < wa; i++) {
        const x = ra[i]!;
        if (x === 0) continue;
        for (let j = 0; j < wb; j++) row[i + j] = row[i + j]! + x * rb[j]!;
      }
    }
  }
  return trimmed({ lo: a.lo + b.lo, rows: next, reachable });
}

/** A site's voters, taken only while the site is up (chance `up`); while it is down, none of them. */
function whileUp(d: FlagDist, up: number): FlagDist {
  const width = d.lo + d.rows[0]!.length;
  const rows = d.rows.map((r) => {
    const out = new Float64Array(width);
    for (let c = 0; c < r.length; c++) out[d.lo + c] = r[c]! * up;
    return out;
  });
  rows[0]![0] = rows[0]![0]! + (1 - up);
  const reachable = Uint8Array.from(d.reachable);
  reachable[0] = 1;
  return trimmed({ lo: 0, rows, reachable });
}

/**
 * For each set of flags, the distribution of how many free voters are up: one binomial per group,
 * convolved, then each free site's groups as one block. Only counts from lo to hi carry any mass (a
 * binomial's is a few standard deviations wide), so the arrays span that range and the work grows
 * with the groups' widths, not their sizes.
 */
function upTails(groups: readonly Shaped[], sites: readonly { readonly up: number; readonly groups: readonly Shaped[] }[]): Tails {
  let dist = nobody();
  for (const g of groups) dist = withGroup(dist, g);
  for (const site of sites) {
    let inSite = nobody();
    for (const g of site.groups) inSite = withGroup(inSite, g);
    dist = together(dist, whileUp(inSite, site.up));
  }
  const suffix = dist.rows;
  for (const d of suffix) for (let c = d.length - 2; c >= 0; c--) d[c] = d[c]! + d[c + 1]!;
  return { lo: dist.lo, suffix };
}

/** A small seeded generator, so that a sampled estimate is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
