/** The report's section for a Skype file: a diagram of the pools and their pairing, and the Front End figures. */
import { groupThousands, plural } from '../../../core/rule.js';
import { atDots } from '../../../util/text.js';
import type { Finding } from '../../../core/results.js';
import type { SkypeAnalysis, SkypePoolFigures } from '../analysis/analysis.js';
import { neededWithoutBackEnd } from '../analysis/back-end.js';
import { CMS_MODULE, carriesPartnerNow, movedToPartner, type SkypeModel, type SkypePool } from '../model/model.js';
import { SKYPE } from '../../../domain/facts.js';
import { onePoolDown, simulateSkypeDown, type SkypePoolDown } from '../analysis/failover.js';
import type { KindReport } from '../../../core/kind.js';
import { namesOrMore, weakestPoolHeadline } from '../../../core/headline.js';
import { flaggedPaths } from '../../../core/flagged.js';
import { drawnLabel, fitFirst, fitText, textWidth } from '../../../util/fit-text.js';
import { maxOf } from '../../../util/extremes.js';
import { pointer } from '../../../io/yaml/source-map.js';

export interface SkypeView {
  readonly width: number;
  readonly height: number;
  readonly description: string;
  readonly pools: readonly {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly name: string;
    readonly sublabel: string;
    readonly cms: boolean;
    readonly state: string;
    readonly active: boolean;
    /** The pool's name as drawn (cut with "…" where wider than the box), and the whole name then. */
    readonly label: string;
    readonly full?: string;
    readonly labelRtl?: true;
    readonly frontEnds: readonly {
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly cx: number;
      readonly name: string;
      readonly label: string;
      readonly full?: string;
      readonly labelRtl?: true;
      readonly first: boolean;
    }[];
  }[];
  readonly links: readonly {
    readonly path: string;
    readonly labelX: number;
    readonly labelY: number;
    readonly label: string;
    readonly automated: boolean;
    /** A pool of the pair is not Active: the other cannot fail over to it (drawn dashed, in the problem colour). */
    readonly noTakeover: boolean;
    /** What the link means, in words (its tooltip). */
    readonly title: string;
  }[];
  /** Each pair where one pool cannot take the other over, in a sentence (under the diagram). */
  readonly noTakeover: readonly string[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
  /** The routing-group caveat, when a pool tolerates fewer front-end failures at once than one after another. */
  readonly routingGroupCaveat: boolean;
  /** The back-end caveat, when a pool's back end is the witness of its pool-level quorum (an even number of front ends). */
  readonly backEndWitness: boolean;
  readonly routingGroupReplicas: number;
  /** What happens when each pool goes down on its own (pooltopo simulate --down POOL). */
  readonly whatIf: readonly SkypeWhatIfRow[];
  /** Each pool's build and sizing: what a pair must match, and its users after failover against its sizing. */
  readonly sizing: readonly SkypeSizingRow[];
}

export interface SkypeSizingRow {
  readonly name: string;
  readonly edition: string;
  readonly platform: string;
  readonly operatingSystem: string;
  readonly users: string;
  readonly maxUsers: string;
  readonly afterFailover: string;
  /** What it carries now where a failover has moved users already (usersNow), said beside its own users; '' where it carries just those. */
  readonly usersNow: string;
  /** skype/pair-capacity found the pool over its sizing now, with its partner's users on it already. */
  readonly nowOver: boolean;
  /** skype/pair-capacity found the pool over its sizing (as configured: nothing when the rule is off). */
  readonly over: boolean;
  readonly backupService: string;
  /** Each backup module's status, where the file gives them; `bad` where skype/backup-not-ready found it. */
  readonly backupModules: readonly { readonly module: string; readonly status: string; readonly bad: boolean; readonly note?: string }[];
  /** skype/backup-not-ready found the pool's own status not ready. */
  readonly backupBad: boolean;
}

export interface SkypeWhatIfRow {
  readonly pool: string;
  readonly partner: string;
  /** `pool` and `partner` in pieces ending at their dots, where a printed page may break them (<wbr>): a Run cell's cmdlets leave the names little room. */
  readonly poolParts: readonly string[];
  readonly partnerParts: readonly string[];
  /** The partner takes the users over (or already carries them), within its sizing, and the failover breaks nothing: simulate's verdict. */
  readonly ok: boolean;
  readonly outcome: string;
  /** What the failover breaks besides the sizing that `outcome` gives (registrar settings lost, a backup service not ready), as simulate says it. */
  readonly breaks: readonly string[];
  /** The steps to run, in order, as simulate prints them one a line (a long cell of steps joined by "then" is unreadable). */
  readonly run: readonly string[];
  /** Several steps: shown numbered. */
  readonly numbered: boolean;
  /** Why there is nothing to run, or what the steps leave out (users failed over already). */
  readonly runNote: string | null;
  /** What the admin must fill in where `run` has `<…>` (names the file does not hold). */
  readonly fillIn: readonly string[];
}

export function skypeView(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[] = []): SkypeView {
  const W = 380;
  const GAP = 120;
  // Front-end boxes: four a row as wide as short names need, wider (and fewer a row) for longer
  // names, up to two a row; a name wider still is cut.
  const FE_MIN = 56;
  const FE_MAX = 164;
  const FE_GAP = 12;
  const FE_PAD = 6;
  const FE_PX = 10;
  const longest = maxOf(
    model.pools.flatMap((p) => p.frontEnds.map((n) => textWidth(n, FE_PX))),
    0,
  );
  const feWidth = Math.min(FE_MAX, Math.max(FE_MIN, Math.ceil(longest) + 2 * FE_PAD));
  const perRow = feWidth === FE_MIN ? 4 : Math.max(1, Math.floor((W - 28 + FE_GAP) / (feWidth + FE_GAP)));
  const maxFe = maxOf(model.pools.map((p) => p.frontEnds.length));
  const rowsOfFe = Math.ceil(maxFe / perRow);
  const height = 110 + rowsOfFe * 34 + 30;
  const boxes = model.pools.map((p, i) => {
    const x = 20 + i * (W + GAP);
    const fig = analysis.pools[i]!;
    const label = fitText(p.name, W - 28, 15, true);
    // Edition and platform give way first when the line is too long (the tooltip keeps them).
    const facts = `${groupThousands(p.users)} users${p.centralManagementStore ? ' · hosts the CMS' : ''} · PoolState ${p.poolState}`;
    const sublabel = fitFirst([`${p.edition ?? 'edition not given'}, ${p.platform ?? 'platform not given'}, ${facts}`, facts], W - 28, 11);
    const cut = label.full !== undefined || sublabel.full !== undefined;
    return {
      x,
      y: 40,
      width: W,
      height: height - 60,
      name: p.name,
      ...drawnLabel(label),
      ...(cut ? { full: `${p.name}: ${sublabel.full ?? sublabel.label}` } : {}),
      sublabel: sublabel.label,
      cms: p.centralManagementStore,
      state: p.poolState,
      active: p.poolState === 'Active',
      frontEnds: p.frontEnds.map((name, j) => {
        const fe = fitText(name, feWidth - 2 * FE_PAD, FE_PX);
        const feX = x + 14 + (j % perRow) * (feWidth + FE_GAP);
        return { x: feX, y: 96 + Math.floor(j / perRow) * 34, width: feWidth, cx: feX + feWidth / 2, name, ...drawnLabel(fe), first: j < fig.quorumFrom };
      }),
    };
  });
  const centre = new Map(boxes.map((b, i) => [b.name, { box: b, i }]));
  // A pair whose pools have another between them goes around it, below the pools, each in a lane of its own.
  const bottom = 40 + (height - 60);
  let lanes = 0;
  const links = model.pairs.map((pair, i) => {
    const at = centre.get(pair.pools[0].name)!;
    const bt = centre.get(pair.pools[1].name)!;
    const [a, b] = [at.box, bt.box];
    const [l, r] = a.x < b.x ? [a, b] : [b, a];
    const y = 40 + (height - 60) / 2 + i * 16;
    // The pools are drawn left to right in the file's order: another lies between two that are not next to each other.
    const around = Math.abs(at.i - bt.i) > 1;
    const lane = bottom + 22 + lanes * 30;
    if (around) lanes++;
    const stuck = pair.pools.find((p) => p.poolState !== 'Active');
    const other = stuck === pair.pools[0] ? pair.pools[1] : pair.pools[0];
    const label = stuck ? 'no takeover' : pair.failover === 'automated' ? 'automated' : 'manual failover';
    const title = stuck
      ? other.poolState !== 'Active'
        ? neitherSentence(pair.pools[0], pair.pools[1])
        : takeoverSentence(stuck.name, stuck.poolState, other.name)
      : `${pair.pools[0].name} and ${pair.pools[1].name} are each other's backup pool (${pair.failover} failover)`;
    const [from, to] = [l.x + l.width / 2, r.x + r.width / 2];
    const geometry = around
      ? // The label in the gap after the first pool, where no other pair's line comes down.
        { path: `M ${from} ${bottom} L ${from} ${lane} L ${to} ${lane} L ${to} ${bottom}`, labelX: l.x + l.width + GAP / 2, labelY: lane - 6 }
      : { path: `M ${l.x + l.width} ${y} L ${r.x} ${y}`, labelX: (l.x + l.width + r.x) / 2, labelY: y - 8 };
    return { ...geometry, label, automated: pair.failover === 'automated', noTakeover: stuck !== undefined, title };
  });
  const noTakeover = links.filter((l) => l.noTakeover).map((l) => l.title);
  const rows = analysis.pools.map((f, i) => ({
    name: f.name,
    cells: [
      String(f.frontEnds),
      String(f.startupNeeded),
      `${f.quorumFrom === f.frontEnds ? `${f.quorumNeeded} of ${f.frontEnds}` : `${f.quorumNeeded} of the first ${f.quorumFrom}`}${withoutBackEndCell(f)}`,
      String(f.tolerableFailures),
      String(f.tolerableSimultaneousFailures),
      f.pairedWith ?? 'not paired',
      model.pools[i]!.statedPoolState === 'FailedBack' ? 'Active (FailedBack)' : f.poolState,
    ],
  }));
  const description = `${plural(model.pools.length, 'Front End pool')}: ${analysis.pools.map((f) => `${f.name} with ${plural(f.frontEnds, 'front end')}${f.pairedWith ? `, paired with ${f.pairedWith}` : ''}`).join('; ')}.`;
  return {
    width: Math.max(360, 20 + model.pools.length * (W + GAP)),
    height: height + lanes * 30,
    description: [description, ...noTakeover].join(' '),
    pools: boxes,
    links,
    noTakeover,
    rows,
    routingGroupCaveat: analysis.pools.some((f) => f.tolerableSimultaneousFailures < f.tolerableFailures),
    backEndWitness: analysis.pools.some((f) => f.backEndWitness),
    routingGroupReplicas: SKYPE.routingGroupReplicas.value,
    whatIf: whatIfRows(model, analysis),
    sizing: sizingRows(model, analysis, findings),
  };
}

/**
 * What the Quorum cell adds where the pool's back end is the witness of its pool-level quorum (an
 * even number of front ends), as simulate --down POOL/back-end models it (back-end.ts): a pool of
 * two keeps quorum only with its back end up; a larger one needs its start figure without it.
 */
function withoutBackEndCell(f: SkypePoolFigures): string {
  const needed = neededWithoutBackEnd(f);
  return needed === undefined ? '' : needed === null ? ', with its back end up' : `; ${needed} without its back end`;
}

/** The pools' build and sizing rows; the after-failover cell is marked where skype/pair-capacity has a finding. */
function sizingRows(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[]): SkypeSizingRow[] {
  const flagged = flaggedPaths(findings, 'skype/pair-capacity');
  const backupFlagged = flaggedPaths(findings, 'skype/backup-not-ready');
  return model.pools.map((p, i) => {
    const { usersAfterFailover: after, usersNow: now, pairedWith } = analysis.pools[i]!;
    const partner = analysis.partnerOf.get(p);
    const over = flagged.has(`${p.path}/maxUsers`);
    const verdict = (n: number) =>
      p.maxUsers === undefined
        ? 'no sizing given'
        : n > p.maxUsers
          ? `over its sizing by ${groupThousands(n - p.maxUsers)}`
          : `fits (${groupThousands(p.maxUsers - n)} to spare)`;
    // Its partner takes it over only once it is failed back: the design figure is for then.
    const afterWhen = pairedWith === null ? ' (not paired: its own users)' : movedToPartner(p) ? ' once failed back' : '';
    const carriesPartner = carriesPartnerNow(p, partner);
    const backup = p.backupService;
    return {
      name: p.name,
      edition: p.edition ?? 'not given',
      platform: p.platform ?? 'not given',
      operatingSystem: p.operatingSystem ?? 'not given',
      users: groupThousands(p.users),
      maxUsers: p.maxUsers === undefined ? 'not given' : groupThousands(p.maxUsers),
      // Unpaired, no partner's users come over: the pool's own users, said to be so.
      afterFailover: `${groupThousands(after)}${afterWhen}: ${verdict(after)}`,
      // Short, without the partner's name (its own column says it), so that the printed table keeps its width.
      usersNow: movedToPartner(p)
        ? partner === undefined || partner.poolState !== 'Active'
          ? 'none now: no pool serves them'
          : 'none now: on its partner'
        : carriesPartner
          ? `${groupThousands(now)} now, its own and its partner's: ${verdict(now)}`
          : '',
      nowOver: over && carriesPartner && p.maxUsers !== undefined && now > p.maxUsers,
      over,
      backupService:
        backup === undefined
          ? 'not given'
          : backup.exportStatus === undefined && backup.importStatus === undefined && backup.modules.length > 0
            ? 'by module:'
            : `${backup.exportStatus ?? 'not given'} / ${backup.importStatus ?? 'not given'}`,
      backupBad: backupFlagged.has(`${p.path}/backupService`),
      backupModules: (backup?.modules ?? []).map((m) => {
        const normal =
          !p.centralManagementStore && m.module.toLowerCase() === CMS_MODULE.toLowerCase() && m.status.exportStatus?.toLowerCase() === 'notinitialized';
        return {
          module: m.module,
          status: `${m.status.exportStatus ?? 'not given'} / ${m.status.importStatus ?? 'not given'}`,
          bad: backupFlagged.has(`${p.path}${pointer('backupService', 'modules', m.module)}`),
          ...(normal ? { note: 'normal: the pool does not host the CMS' } : {}),
        };
      }),
    };
  });
}

/** Both pools of a pair not Active: no failover leaves that, and neither serves the other's users now (skype/pool-not-active). */
function neitherSentence(a: SkypePool, b: SkypePool): string {
  return `Neither ${a.name} (${a.poolState}) nor ${b.name} (${b.poolState}) is Active: neither serves the other's users, so the users of both are without service now.`;
}

/** `lyncfe04.thelab.info is FailedOver: it cannot take over lyncfe03.thelab.info's users should that pool go down.` */
function takeoverSentence(stuck: string, state: string, other: string): string {
  return `${stuck} is ${state}, not Active: it cannot take over ${other}'s users should that pool go down.`;
}

/** The Run cell of a pool down that its partner does not take over now. */
function runWithout(d: SkypePoolDown): { run: readonly string[]; runNote: string | null } {
  if (d.partnerTakesOver)
    return d.runFirst.length > 0 ? { run: d.runFirst, runNote: 'its users have failed over already' } : { run: [], runNote: 'nothing: failed over already' };
  return d.restoreBy.length > 0 ? { run: d.restoreBy, runNote: null } : { run: [], runNote: 'nothing can take its users' };
}

/** Each pool down on its own, as simulate --down POOL gives it. */
function whatIfRows(model: SkypeModel, analysis: SkypeAnalysis): SkypeWhatIfRow[] {
  return model.pools.flatMap((pool, i) => {
    const partner = analysis.partnerOf.get(pool);
    if (!partner) return [];
    const d = onePoolDown(model, analysis, i);
    // The users this pool down leaves without service (its own, and its partner's where it serves
    // them): pools without service now whatever is down are the summary's outage, not this row's.
    const lost = d.usersWithoutService;
    const users = lost.reduce((n, u) => n + u.users, 0);
    // Both pools not Active is no state a failover leaves: neither serves the other until it is corrected, whatever comes back.
    const until =
      pool.poolState !== 'Active' && partner.poolState !== 'Active'
        ? "until the pair's PoolState is corrected (skype/pool-not-active)"
        : d.restoreBy.length > 0
          ? `until ${pool.name} is back, or until ${partner.name} is failed back without it, losing the data its users made on ${pool.name} (Run)`
          : `until ${pool.name} is back`;
    const outcome = !d.partnerTakesOver
      ? `cannot take over (${partner.name} is ${partner.poolState}): ${groupThousands(users)} users of ${plural(lost.length, 'pool')} without service ${until}`
      : `${d.cmdlet === null ? 'already carries' : 'takes over'} its users: ${groupThousands(d.partnerUsers ?? 0)} in all${d.partnerMaxUsers !== null ? ` of the ${groupThousands(d.partnerMaxUsers)} it is sized for${d.partnerOverCapacity ? ', over its sizing' : ''}` : ''}`;
    const steps = d.cmdlet !== null ? { run: [...d.runFirst, d.cmdlet], runNote: null } : runWithout(d);
    return [
      {
        pool: pool.name,
        partner: partner.name,
        poolParts: atDots(pool.name),
        partnerParts: atDots(partner.name),
        // As simulate judges this pool's failover (its breaks and its partner's sizing), not scenarioFails, which also fails a pool stranded now (the summary's outage).
        ok: d.partnerTakesOver && !d.partnerOverCapacity && d.breaks.length === 0,
        outcome,
        // The sizing, first of the breaks where a failover to start puts the partner over it, is in the outcome already.
        breaks: d.partnerTakesOver ? d.breaks.slice(d.partnerOverCapacity && !movedToPartner(pool) ? 1 : 0) : [],
        ...steps,
        numbered: steps.run.length > 1,
        fillIn: d.fillIn,
      },
    ];
  });
}

/**
 * Users without service with nothing down, from the failure model the what-if table reads (a
 * PoolState that leaves no pool to serve them): `20,000 users of 2 pools without service now (a, b)`.
 */
function outageNow(model: SkypeModel, analysis: SkypeAnalysis): { outage?: string } {
  const lost = simulateSkypeDown(model, analysis, 'nothing down', []).scenario.usersWithoutService;
  if (lost.length === 0) return {};
  const users = lost.reduce((n, u) => n + u.users, 0);
  return { outage: `${plural(users, 'user')} of ${plural(lost.length, 'pool')} without service now (${namesOrMore(lost.map((u) => u.pool))})` };
}

/** Skype's part of the report: name, facts, the weakest pool's tolerable front-end failures, and its section. */
export function skypeReport(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[] = []): KindReport {
  const weakest = weakestPoolHeadline(analysis.pools, 'front-end');
  const atOnce = Math.min(...analysis.pools.map((f) => f.tolerableSimultaneousFailures));
  // The headline counts failures one after another; at once, a routing group's three replicas set the limit.
  const headline =
    weakest && atOnce < weakest.figure
      ? { ...weakest, caveat: `${atOnce} at once: two front ends lost together may hold two of a routing group's ${SKYPE.routingGroupReplicas.value} replicas` }
      : weakest;
  return {
    name: model.name,
    review: 'pool topology review',
    ...outageNow(model, analysis),
    facts: [
      { label: 'Deployment', value: model.name },
      { label: 'Skype for Business Server', value: model.productVersion },
      { label: 'Front End pools', value: groupThousands(model.pools.length) },
      { label: 'Pairs', value: groupThousands(model.pairs.length) },
    ],
    ...(headline ? { headline } : {}),
    section: skypeView(model, analysis, findings),
  };
}
