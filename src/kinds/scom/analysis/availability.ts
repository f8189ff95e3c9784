/**
 * Availability (FORMAT.md "Availability"): the probability that the management group, or a pool,
 * works under the failure model, every server, database host and data centre failing
 * independently. Exact: the model is evaluated for each combination of the few shared states (the
 * database's hosts, the servers gateways report through, the data centres that hold one of them),
 * and for each the voters left free are counted by a dynamic program over interchangeable voters (a
 * binomial per group of equal voters, with three flags: a management server up, a member up, a
 * connected member up; a data centre of free voters alone as one block, up or down). Past 2^20
 * combinations the shared states are sampled with a fixed seed instead, and past a work budget
 * (multiply-adds, counted, not timed) so is the rest: see `sampled`.
 */
import { evaluateInfrastructure, noFailure, type Failure, type FailureModel, type Infrastructure } from './failure/index.js';
import { databaseHosts } from './what-if.js';
import { mulberry32 } from '../../../util/random.js';

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

/**
 * The multiply-adds (in withGroup, together and whileUp) the exact computation may spend on one
 * question; past it, the question is estimated by sampling (`sampled`). Counted, not timed, so that
 * a file gives the same answer on any machine: about half a second of work. The examples need a
 * few thousand at most, the 4,000-server fixture 0.8 million, the bench's 1,000 voters 3.4 million;
 * a pool of 5,000 servers of 97 availabilities in 40 sites of their own needs 148 million.
 */
export const WORK_BUDGET = 2 ** 26;

/** What a question cost: multiply-adds of the exact computation (never past the budget) and of the sampling, if any. */
export interface WorkMeter {
  exact: number;
  sampling: number;
}

/** Multiply-adds spent so far; `spend` refuses, before doing it, work that would go past the budget. */
class Work {
  spent = 0;
  constructor(readonly budget: number) {}

  spend(n: number): void {
    if (this.spent + n > this.budget) throw OVER_BUDGET;
    this.spent += n;
  }
}

/** Thrown by `Work.spend` past the budget, caught by `availability`. */
const OVER_BUDGET = new Error('availability: past the work budget');

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

export function availability(
  model: FailureModel,
  question: AvailabilityQuestion,
  seed = 1,
  budget = WORK_BUDGET,
  /** Filled with what the question cost, for a test to read. */
  meter?: WorkMeter,
): Availability {
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
  const work = new Work(budget);

  /** P(the question holds | the shared states set in `failure`). */
  const conditional = (): number => {
    const state = evaluateInfrastructure(model, failure, scope, reuse);
    return answer(question, state, fixed, groupList, free, failure.downDataCenters, freeSites, cache, bySignature, model, work);
  };
  const setVar = (i: number, down: boolean) => {
    if (i < hostVars.length) failure.downHosts[hostVars[i]!] = down ? 1 : 0;
    else failure.downDataCenters[dcVars[i - hostVars.length]!] = down ? 1 : 0;
  };
  const pUp = (i: number) =>
    i < hostVars.length ? model.hosts[hostVars[i]!]!.availability : (model.dataCenters[dcVars[i - hostVars.length]!]!.availability ?? 1);

  const exact = (): Availability => {
    if (2 ** vars <= EXACT_STATES) return enumerated();
    return sampledStates();
  };
  // A host in a data centre that is down is down whatever its own state: the states that differ
  // only there give the same conditional probability, worked out once (the sum is unchanged).
  const dcBitOf = Array.from(hostVars, (h) => {
    const d = dcVars.indexOf(model.hostDc[h]!);
    return d < 0 ? -1 : hostVars.length + d;
  });
  const folds = dcBitOf.some((b) => b >= 0);
  /** Each combination of the shared states of non-zero weight, with the combination it gives the same answer as. */
  const eachState = (visit: (mask: number, weight: number, key: number) => void) => {
    for (let mask = 0; mask < 2 ** vars; mask++) {
      let weight = 1;
      for (let i = 0; i < vars; i++) {
        const down = (mask >> i) & 1;
        weight *= down ? 1 - pUp(i) : pUp(i);
      }
      if (weight === 0) continue;
      let key = mask;
      if (folds) for (let i = 0; i < dcBitOf.length; i++) if (dcBitOf[i]! >= 0 && (mask >> dcBitOf[i]!) & 1) key |= 1 << i;
      visit(mask, weight, key);
    }
  };
  const enumerated = (): Availability => {
    const same = folds ? new Float64Array(2 ** vars).fill(NaN) : undefined;
    let total = 0;
    eachState((mask, weight, key) => {
      let p = same ? same[key]! : NaN;
      if (Number.isNaN(p)) {
        for (let i = 0; i < vars; i++) setVar(i, ((mask >> i) & 1) === 1);
        p = conditional();
        if (same) same[key] = p;
      }
      total += weight * p;
    });
    const probability = clamp(total);
    return { probability, nines: nines(probability), method: 'exact' };
  };
  const sampledStates = (): Availability => {
    const random = mulberry32(seed);
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < SAMPLES; k++) {
      for (let i = 0; i < vars; i++) setVar(i, random() >= pUp(i));
      const p = conditional();
      sum += p;
      sumSq += p * p;
    }
    return estimate(sum, sumSq);
  };
  try {
    return exact();
  } catch (e) {
    if (e !== OVER_BUDGET) throw e;
    const evaluate = (): Infrastructure => evaluateInfrastructure(model, failure, scope, reuse);
    return sampled({ model, question, evaluate, failure, fixed, groupList, freeSites, vars, pUp, setVar, eachState, seed, budget, meter });
  } finally {
    if (meter) meter.exact = work.spent;
  }
}

function estimate(sum: number, sumSq: number): Availability {
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
  work: Work,
): number {
  const databaseAvailable = state.databaseSide >= 0;
  const { fixedUp, fixedFlags } = fixedPart(state, fixed, model);
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
    tails = freeVoterTails(groups, state, databaseAvailable, downDataCenters, freeSites, cache, work);
    if (signature >= 0) bySignature.set(signature, tails);
  }
  return holds(question, tails, fixedUp, fixedFlags, databaseAvailable);
}

/** The voters of the shared part that are up, and the flags they bring. */
function fixedPart(state: Infrastructure, fixed: readonly [number, boolean][], model: FailureModel): { fixedUp: number; fixedFlags: number } {
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
  return { fixedUp, fixedFlags };
}

/** P(the question holds), given `fixedUp` voters up besides those of `tails` and the flags they bring. */
function holds(question: AvailabilityQuestion, tails: Tails, fixedUp: number, fixedFlags: number, databaseAvailable: boolean): number {
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

/** Groups alike: by their chance to be up and the flags they bring, each kind one binomial. */
class Kinds {
  private readonly byKey = new Map<string, Shaped & { count: number }>();

  /** Adds `g`'s voters, of chance `q` (0: it cannot be up and brings nothing), with the flags they bring under `state`. */
  add(g: Group, q: number, state: Infrastructure, databaseAvailable: boolean): void {
    if (q === 0) return;
    const flags = (g.ms ? MS : 0) | (g.member ? MEMBER : 0) | (g.member && reaches(g, state, databaseAvailable) ? CONNECTED : 0);
    const k = `${q}:${flags}`;
    const m = this.byKey.get(k);
    if (m) m.count += g.count;
    else this.byKey.set(k, { count: g.count, q, flags });
  }

  /** The kinds in a fixed order (by chance, then flags), whatever the order of the groups. */
  sorted(): Shaped[] {
    return [...this.byKey.values()].sort((x, y) => x.q - y.q || x.flags - y.flags);
  }
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
  work: Work,
): Tails {
  // Groups that bring the same flags with the same chance (in the same free data centre, if in one:
  // -1 for none) are one binomial; a group that cannot be up brings nothing.
  const bySite = new Map<number, Kinds>();
  for (const g of groups) {
    const site = freeSites.has(g.dc) ? g.dc : -1;
    let kinds = bySite.get(site);
    if (!kinds) bySite.set(site, (kinds = new Kinds()));
    kinds.add(g, g.dc >= 0 && downDataCenters[g.dc] ? 0 : g.availability, state, databaseAvailable);
  }
  const groupsOf = (site: number) => bySite.get(site)?.sorted() ?? [];
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
  if (!tails) cache.set(key, (tails = upTails(list, sites, work)));
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

/** The row of a set of flags that cannot occur: it holds no mass, so it takes no memory. */
const NO_ROW = new Float64Array(0);

/** No voter, no flag: certainly. */
function nobody(): FlagDist {
  const rows = Array.from({ length: 8 }, (_, mask) => (mask === 0 ? Float64Array.of(1) : NO_ROW));
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
  return { lo: d.lo + first, rows: d.rows.map((r, mask) => (d.reachable[mask] ? r.subarray(first, last + 1) : NO_ROW)), reachable: d.reachable };
}

/** `d` with one more group of voters: count of them, each up with chance q, bringing flags when any is up. */
function withGroup(d: FlagDist, g: Shaped, work: Work, b = binomial(g.count, g.q)): FlagDist {
  let rows = 0;
  for (let mask = 0; mask < 8; mask++) rows += d.reachable[mask]!;
  work.spend(rows * d.rows[0]!.length * b.values.length);
  const width = d.rows[0]!.length + b.values.length - 1;
  const reachable = Uint8Array.from(d.reachable);
  for (let mask = 7; mask >= 0; mask--) if (reachable[mask]) reachable[mask | g.flags] = 1;
  const next = Array.from({ length: 8 }, (_, mask) => (reachable[mask] ? new Float64Array(width) : NO_ROW));
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
  return trimmed({ lo: d.lo + b.offset, rows: next, reachable });
}

/** The voters of `a` and of `b` together (independent): counts add, flags join. */
function together(a: FlagDist, b: FlagDist, work: Work): FlagDist {
  const wa = a.rows[0]!.length;
  const wb = b.rows[0]!.length;
  let pairs = 0;
  for (let ma = 0; ma < 8; ma++) for (let mb = 0; mb < 8; mb++) pairs += a.reachable[ma]! * b.reachable[mb]!;
  work.spend(pairs * wa * wb);
  const reachable = new Uint8Array(8);
  for (let ma = 0; ma < 8; ma++) for (let mb = 0; mb < 8; mb++) if (a.reachable[ma] && b.reachable[mb]) reachable[ma | mb] = 1;
  const next = Array.from({ length: 8 }, (_, mask) => (reachable[mask] ? new Float64Array(wa + wb - 1) : NO_ROW));
  for (let ma = 0; ma < 8; ma++) {
    if (!a.reachable[ma]) continue;
    const ra = a.rows[ma]!;
    for (let mb = 0; mb < 8; mb++) {
      if (!b.reachable[mb]) continue;
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
function whileUp(d: FlagDist, up: number, work: Work): FlagDist {
  work.spend(8 * d.rows[0]!.length);
  const width = d.lo + d.rows[0]!.length;
  const rows = d.rows.map((r, mask) => {
    if (!d.reachable[mask] && mask !== 0) return NO_ROW;
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
function upTails(groups: readonly Shaped[], sites: readonly { readonly up: number; readonly groups: readonly Shaped[] }[], work: Work): Tails {
  let dist = nobody();
  for (const g of groups) dist = withGroup(dist, g, work);
  for (const site of sites) {
    let inSite = nobody();
    for (const g of site.groups) inSite = withGroup(inSite, g, work);
    dist = together(dist, whileUp(inSite, site.up, work), work);
  }
  return tailsOf(dist);
}

/** Per set of flags, P(those flags and at least c voters up): suffix sums of `dist`, in place. */
function tailsOf(dist: FlagDist): Tails {
  const suffix = dist.rows;
  for (const d of suffix) for (let c = d.length - 2; c >= 0; c--) d[c] = d[c]! + d[c + 1]!;
  return { lo: dist.lo, suffix };
}

/** What `sampled` needs of `availability`'s set-up. */
interface SamplingInput {
  readonly model: FailureModel;
  readonly question: AvailabilityQuestion;
  /** The shared part's state under `failure`. */
  readonly evaluate: () => Infrastructure;
  readonly failure: Failure;
  readonly fixed: readonly [number, boolean][];
  readonly groupList: readonly Group[];
  readonly freeSites: ReadonlyMap<number, number>;
  readonly vars: number;
  readonly pUp: (i: number) => number;
  readonly setVar: (i: number, down: boolean) => void;
  readonly eachState: (visit: (mask: number, weight: number, key: number) => void) => void;
  readonly seed: number;
  readonly budget: number;
  readonly meter: WorkMeter | undefined;
}

/** Blocks are closed past this many counts wide, so that building one costs at most this much per binomial term added. */
const BLOCK_WIDTH = 2_048;

/**
 * Some of a data centre's voters as one distribution: of how many are up and of the flags they
 * bring, as a cumulative table over (flags, count) to draw from, and for the first block of a data
 * centre its tails, to take it exactly.
 */
interface Block {
  readonly lo: number;
  readonly width: number;
  readonly cumulative: Float64Array;
  readonly tails: Tails;
}

/** A data centre's voters in a stratum, drawn (each block by the uniform in its slot) while the data centre is up: `site` is its index among the free sites, or -1 if it is not one. */
interface Drawn {
  readonly site: number;
  readonly blocks: readonly { readonly block: Block; readonly slot: number }[];
}

/** One combination of the shared states (or one drawn), as the samples need it. */
interface Stratum {
  readonly weight: number;
  readonly fixedUp: number;
  readonly fixedFlags: number;
  readonly databaseAvailable: boolean;
  /** One data centre's voters taken exactly (or nobody's). */
  readonly exact: Tails;
  readonly drawn: readonly Drawn[];
}

/**
 * The estimate past the work budget (FORMAT.md allows a seeded sample: `method: "sampled"` with its
 * standard error). A sample costs the data centres, not the servers: each data centre's voters are
 * built once (per what they depend on in the shared states: whether the database is available and
 * which servers their gateways report through are connected) into blocks, distributions of how
 * many are up and of the flags they bring, and a sample draws each block whole from its cumulative
 * table. Drawing each group of voters instead cost about a second per question at 10,000 servers
 * (docs/PERFORMANCE.md).
 *
 * Three parts of the answer stay exact, which only lowers the variance (the estimate stays
 * unbiased): while the shared states are few, every sample goes through each of them with its
 * exact weight (a database down one time in 2,000 weighs in as such, not as the two samples of
 * 4,096 that happen to draw it); how many free sites are down is a stratum of its own, with its
 * exact chance (DownCounts), so that two sites down together is sampled even where it is rarer
 * than a sample in 4,096; and the voters of one data centre that is not drawn up or down (the
 * first that is certain, or a shared state) are taken exactly through their tails, given what the
 * rest brings (Rao-Blackwellised). Taking every data centre's voters exactly given which are up
 * would be the convolution that went past the budget, once per sample: not done.
 */
function sampled(input: SamplingInput): Availability {
  const { model, question, failure, fixed, groupList, freeSites, vars, seed } = input;
  const work = new Work(Infinity);
  const byDc = new Map<number, Group[]>();
  for (const g of groupList) {
    const list = byDc.get(g.dc);
    if (list) list.push(g);
    else byDc.set(g.dc, [g]);
  }
  const dcs = [...byDc.keys()].sort((a, b) => a - b);
  const chainedIn = dcs.map((dc) => byDc.get(dc)!.some((g) => g.parents !== null));
  const parts = new Map<string, readonly Block[]>();
  let partsKept = 0;
  // The free sites (up or down whole, independently of the rest), and how many of them are down:
  // exactly 0, 1, ... KMAX - 1, or at least KMAX.
  const siteOf = new Int32Array(dcs.length).fill(-1);
  const siteUp: number[] = [];
  dcs.forEach((dc, i) => {
    const up = freeSites.get(dc);
    if (up !== undefined) siteOf[i] = siteUp.push(up) - 1;
  });
  const downCounts = new DownCounts(siteUp);

  /** The blocks of data centre `dcs[i]`'s voters while it is up, given the shared part's state. */
  const partOf = (i: number, state: Infrastructure, databaseAvailable: boolean): readonly Block[] => {
    const groups = byDc.get(dcs[i]!)!;
    let key = `${i}|${databaseAvailable ? 1 : 0}`;
    if (chainedIn[i]) for (const g of groups) if (g.parents) key += reaches(g, state, databaseAvailable) ? '1' : '0';
    const known = parts.get(key);
    if (known) return known;
    const kinds = new Kinds();
    for (const g of groups) kinds.add(g, g.availability, state, databaseAvailable);
    const blocks: Block[] = [];
    let d = nobody();
    let any = false;
    for (const g of kinds.sorted()) {
      const b = binomial(g.count, g.q);
      if (any && d.rows[0]!.length + b.values.length - 1 > BLOCK_WIDTH) {
        blocks.push(blockOf(d));
        d = nobody();
      }
      d = withGroup(d, g, work, b);
      any = true;
    }
    if (any) blocks.push(blockOf(d));
    // Kept while they hold no more than TAILS_KEPT numbers in all, as the exact computation's tails.
    const numbers = blocks.reduce((n, b) => n + 2 * b.cumulative.length, 0);
    if (partsKept + numbers <= TAILS_KEPT) {
      partsKept += numbers;
      parts.set(key, blocks);
    }
    return blocks;
  };

  /** The stratum of the shared states set in `failure`, of that weight. */
  const stratum = (weight: number): Stratum => {
    const state = input.evaluate();
    const databaseAvailable = state.databaseSide >= 0;
    const { fixedUp, fixedFlags } = fixedPart(state, fixed, model);
    let exact: Tails | undefined;
    const drawn: Drawn[] = [];
    for (let i = 0; i < dcs.length; i++) {
      const dc = dcs[i]!;
      if (dc >= 0 && failure.downDataCenters[dc]) continue;
      const blocks = partOf(i, state, databaseAvailable);
      let slotted = blocks.map((block, j) => ({ block, slot: dcs.length * (j + 1) + i }));
      if (!exact && siteOf[i]! < 0 && blocks.length > 0) {
        exact = blocks[0]!.tails;
        slotted = slotted.slice(1);
      }
      if (slotted.length > 0) drawn.push({ site: siteOf[i]!, blocks: slotted });
    }
    return { weight, fixedUp, fixedFlags, databaseAvailable, exact: exact ?? NOBODY_TAILS, drawn };
  };

  // Through every combination of the shared states in each sample while that costs no more than
  // the budget; else one combination drawn per sample.
  let strata: Stratum[] | undefined;
  if (2 ** vars * (dcs.length + 8) * (SAMPLES + FEWEST_SAMPLES * downCounts.strata) <= input.budget) {
    const seen = new Map<number, { mask: number; weight: number }>();
    input.eachState((mask, weight, key) => {
      const s = seen.get(key);
      if (s) s.weight += weight;
      else seen.set(key, { mask, weight });
    });
    strata = [...seen.values()].map(({ mask, weight }) => {
      for (let i = 0; i < vars; i++) input.setVar(i, ((mask >> i) & 1) === 1);
      return stratum(weight);
    });
  }
  const random = mulberry32(seed);
  // A sample's uniforms by slot, drawn as first needed: every stratum of the sample reads the same.
  let uniforms = new Float64Array(64);
  let filled = 0;
  const uniform = (slot: number): number => {
    if (slot >= filled) {
      if (slot >= uniforms.length) {
        const grown = new Float64Array(Math.max(2 * uniforms.length, slot + 1));
        grown.set(uniforms.subarray(0, filled));
        uniforms = grown;
      }
      while (filled <= slot) uniforms[filled++] = random();
    }
    return uniforms[slot]!;
  };
  let draws = 0;
  const down = new Uint8Array(siteUp.length);
  const conditional = (s: Stratum): number => {
    let count = 0;
    let flags = 0;
    for (const part of s.drawn) {
      draws++;
      if (part.site >= 0 && down[part.site]) continue;
      for (const { block, slot } of part.blocks) {
        const at = draw(block, uniform(slot));
        count += block.lo + (at % block.width);
        flags |= Math.floor(at / block.width);
        draws++;
      }
    }
    return holds(question, s.exact, s.fixedUp + count, s.fixedFlags | flags, s.databaseAvailable);
  };
  // Stratified by how many free sites are down: each count's exact chance weighs the mean of its
  // samples, of which it has its share of SAMPLES but at least FEWEST_SAMPLES, so that a few sites
  // down together, rare as it is, is sampled nonetheless.
  let probability = 0;
  let variance = 0;
  const drawnStates = new Map<number, Stratum>();
  for (let k = 0; k < downCounts.strata; k++) {
    const weight = downCounts.weight(k);
    if (weight === 0) continue;
    const samples = Math.max(FEWEST_SAMPLES, Math.ceil(SAMPLES * weight));
    // Sums of the differences from the first sample, so that samples all alike give a variance of
    // exactly 0 rather than the rounding of a difference of two large sums.
    let shift = NaN;
    let sum = 0;
    let sumSq = 0;
    for (let n = 0; n < samples; n++) {
      filled = 0;
      downCounts.draw(k, random, down);
      let y = 0;
      if (strata) for (const s of strata) y += s.weight * conditional(s);
      else {
        // The same combination drawn again is worked out once, while its bits fit a double and
        // the strata kept hold no more than TAILS_KEPT data centres in all.
        const keep = vars <= 52 && (drawnStates.size + 1) * dcs.length <= TAILS_KEPT;
        let mask = 0;
        for (let i = 0; i < vars; i++) {
          const isDown = random() >= input.pUp(i);
          input.setVar(i, isDown);
          if (isDown) mask += 2 ** i;
        }
        let s = vars <= 52 ? drawnStates.get(mask) : undefined;
        if (!s) {
          s = stratum(1);
          if (keep) drawnStates.set(mask, s);
        }
        y = conditional(s);
      }
      if (n === 0) shift = y;
      sum += y - shift;
      sumSq += (y - shift) * (y - shift);
    }
    const meanShift = sum / samples;
    probability += weight * (shift + meanShift);
    variance += (weight * weight * Math.max(0, sumSq / samples - meanShift * meanShift)) / samples;
  }
  if (input.meter) input.meter.sampling = work.spent + draws;
  const p = clamp(probability);
  return { probability: p, nines: nines(p), method: 'sampled', standardError: Math.sqrt(variance) };
}

/** The samples of a stratum of down free sites however rare it is. */
const FEWEST_SAMPLES = 512;

/** Strata by down free sites past which the rest are one stratum. */
const KMAX = 8;

/**
 * How many of some independent sites are down: stratum k < `strata` - 1 is exactly k of them, the
 * last at least that many, each with its exact chance, and a draw of which are down given the
 * stratum (sequentially, from the chances of the rest).
 */
class DownCounts {
  readonly strata: number;
  private readonly cap: number;
  /** exactly[i * (cap + 1) + j]: P(exactly j down among sites i..); atLeast likewise. */
  private readonly exactly: Float64Array;
  private readonly atLeast: Float64Array;

  constructor(private readonly up: readonly number[]) {
    const n = up.length;
    const cap = Math.min(n, KMAX);
    this.cap = cap;
    this.strata = cap + 1;
    const w = cap + 1;
    this.exactly = new Float64Array((n + 1) * w);
    this.atLeast = new Float64Array((n + 1) * w);
    this.exactly[n * w] = 1;
    this.atLeast[n * w] = 1;
    for (let i = n - 1; i >= 0; i--) {
      const a = up[i]!;
      this.exactly[i * w] = a * this.exactly[(i + 1) * w]!;
      this.atLeast[i * w] = 1;
      for (let j = 1; j <= cap; j++) {
        this.exactly[i * w + j] = a * this.exactly[(i + 1) * w + j]! + (1 - a) * this.exactly[(i + 1) * w + j - 1]!;
        this.atLeast[i * w + j] = a * this.atLeast[(i + 1) * w + j]! + (1 - a) * this.atLeast[(i + 1) * w + j - 1]!;
      }
    }
  }

  /** The chance of stratum k. */
  weight(k: number): number {
    return k < this.cap ? this.exactly[k]! : this.atLeast[k]!;
  }

  /** Which sites are down (into `down`), given stratum k. */
  draw(k: number, random: () => number, down: Uint8Array): void {
    const w = this.cap + 1;
    const last = k === this.cap;
    const table = last ? this.atLeast : this.exactly;
    let j = k;
    for (let i = 0; i < this.up.length; i++) {
      const a = this.up[i]!;
      let isDown: boolean;
      if (j === 0) isDown = last ? random() >= a : false;
      else isDown = random() * table[i * w + j]! < (1 - a) * table[(i + 1) * w + j - 1]!;
      down[i] = isDown ? 1 : 0;
      if (isDown && j > 0) j--;
    }
  }
}

/** No voter: all of the mass at no flags and no count. */
const NOBODY_TAILS: Tails = tailsOf(nobody());

/** `d` as a block: its cumulative table over (flags, count), then its tails (which reuse its rows). */
function blockOf(d: FlagDist): Block {
  const width = d.rows[0]!.length;
  const cumulative = new Float64Array(8 * width);
  let acc = 0;
  for (let mask = 0; mask < 8; mask++) {
    const row = d.rows[mask]!;
    for (let c = 0; c < width; c++) cumulative[mask * width + c] = acc += row.length > 0 ? row[c]! : 0;
  }
  return { lo: d.lo, width, cumulative, tails: tailsOf(d) };
}

/** The index in `block`'s table (flags times width plus count) that the uniform `u` draws. */
function draw(block: Block, u: number): number {
  const t = block.cumulative;
  const target = u * t[t.length - 1]!;
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
