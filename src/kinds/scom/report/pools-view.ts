/** The report's pool cards: quorum bars, data-centre loss, capacity against its limits. */
import type { FileResultBase } from '../../../core/results.js';
import type { PoolResult } from '../results.js';
import { groupThousands, plural } from '../../../core/rule.js';
import { ninesText } from '../analysis/availability.js';
import { poolColour } from './diagram.js';
import type { WorkloadCapacity } from '../analysis/capacity.js';
import type { PoolView } from './view-types.js';

const fmt = groupThousands;

const ITEM_LABELS: Readonly<Record<string, string>> = {
  unixLinuxAgents: 'UNIX/Linux computers',
  urls: 'URLs',
  networkDevices: 'Network devices',
};

/** A data centre's loss for one pool, in words: the failure model's outcome and cause, as simulate gives them. */
export function dataCenterLossOutcome(l: PoolResult['dataCenterLoss'][number]): string {
  const group = l.stopsManagementGroup ? '; the management group stops too' : '';
  switch (l.cause) {
    case undefined:
      return 'works';
    case 'database':
      return `cut off: it keeps quorum, but the operational database is unavailable${group}`;
    case 'side':
      return `cut off: it keeps quorum away from the operational database${group}`;
    case 'not-connected':
      return `cut off: it keeps quorum, but its running members reach no connected management server${group}`;
    case 'members':
      return `stops: no member left${group}`;
    case 'no-members':
      return 'stops: it has no members';
    case 'votes':
      return `stops: too few votes${group}`;
  }
}

/** A pool's three tolerable-failure bars: as configured, with and without the default observer. */
export function barsOf(p: PoolResult): { label: string; value: number; current: boolean }[] {
  return [
    { label: 'as configured', value: p.tolerableFailures, current: true },
    { label: 'with the default observer', value: p.withDefaultObserver.tolerableFailures, current: false },
    { label: 'without the default observer', value: p.withoutDefaultObserver.tolerableFailures, current: false },
  ];
}

/**
 * The scale of every pool's bars: the same for all pools of a file, so that equal bars mean equal
 * figures from one pool card to the next; its largest bar fills the width.
 */
export function barScale(pools: readonly PoolResult[]): number {
  let max = 1;
  for (const p of pools) for (const b of barsOf(p)) max = Math.max(max, b.value);
  return max;
}

/** What a pool card needs beyond its pool result: its capacity analysis and the file's bar scale. */
export interface PoolViewContext {
  readonly capacity: readonly WorkloadCapacity[];
  readonly barsMax: number;
  /** Settings' round trip between two voters above which latency-over-10ms fires. */
  readonly poolLatencyMs: number;
}

export function poolView(
  p: PoolResult,
  number: number,
  file: Pick<FileResultBase, 'findings'>,
  { capacity, barsMax, poolLatencyMs }: PoolViewContext,
): PoolView {
  const tol = (n: number) => `${n} ${n === 1 ? 'failure' : 'failures'}`;
  const bars = barsOf(p);
  return {
    number,
    anchor: `pool-${number}`,
    name: p.name,
    implied: p.implied,
    colour: poolColour(number),
    members: p.members.length ? p.members.join(', ') : 'none',
    observers: p.observers.length ? p.observers.join(', ') : 'none',
    defaultObserver: p.defaultObserver.enabled
      ? p.defaultObserver.participates
        ? 'enabled, votes'
        : 'enabled, but cannot vote (no management server among the voters)'
      : 'disabled',
    figures: [
      { label: 'Voting members', value: fmt(p.votingMembers) },
      { label: 'Votes needed', value: fmt(p.votesNeeded) },
      { label: 'Tolerates', value: tol(p.tolerableFailures) },
      { label: 'With the default observer', value: `${p.withDefaultObserver.votingMembers} voters, tolerates ${tol(p.withDefaultObserver.tolerableFailures)}` },
      {
        label: 'Without the default observer',
        value: `${p.withoutDefaultObserver.votingMembers} voters, tolerates ${tol(p.withoutDefaultObserver.tolerableFailures)}`,
      },
      { label: 'Highly available', value: p.highlyAvailable ? 'yes' : 'no' },
      p.largestRoundTripMs !== null && p.largestRoundTripMs > poolLatencyMs
        ? { label: 'Largest round trip between voters', value: `${p.largestRoundTripMs} ms ⚠ over the ${poolLatencyMs} ms limit`, bad: true as const }
        : { label: 'Largest round trip between voters', value: p.largestRoundTripMs === null ? 'not measured' : `${p.largestRoundTripMs} ms` },
      { label: 'PoolManager lease', value: `${fmt(p.leaseDurationSeconds)} s` },
    ],
    bars: bars.map((b, i) => ({ ...b, width: Math.round((b.value / barsMax) * 240), y: i * 26 })),
    barsMax,
    dataCenterLoss: p.dataCenterLoss.map((l) => ({
      dataCenter: l.dataCenter,
      survives: l.survives,
      outcome: dataCenterLossOutcome(l),
      votes: `${plural(l.votesLeft, 'vote')} left (${l.votesNeeded} needed), ${plural(l.membersLeft, 'member')} left`,
    })),
    // The analysis' own figures: the pool result keeps only the totals, the limit and the verdicts.
    capacity: capacity.map((c) => ({
      item: ITEM_LABELS[c.item] ?? c.item,
      total: fmt(c.total),
      limit: `${fmt(c.limit)} ${c.limitKind === 'per-member' ? 'per member' : 'per pool'}`,
      before: capacityOutcome(c.fits, c.perMember),
      beforeOk: c.fits,
      afterOk: c.fitsAfterFailover,
      after: c.membersAfterFailover === 0 ? 'no member left' : capacityOutcome(c.fitsAfterFailover, c.perMemberAfterFailover, c.membersAfterFailover),
      headroom:
        c.headroom === null
          ? `no supported figure below ${fmt(c.minimumMembers ?? 0)} members`
          : c.headroom >= 0
            ? fmt(c.headroom)
            : `${fmt(-c.headroom)} over`,
      headroomOver: c.headroom !== null && c.headroom < 0,
      ok: c.fits && c.fitsAfterFailover,
    })),
    ...(p.availability
      ? {
          availability: {
            probability: `${(p.availability.probability * 100).toPrecision(8).replace(/\.?0+$/, '')}%`,
            nines: p.availability.nines === null ? 'always available' : ninesText(p.availability.nines),
            assumption: p.availability.assumedAlwaysUp.length
              ? `Taken as always up (no availability given): ${p.availability.assumedAlwaysUp.join(', ')}.`
              : 'Every voter and the database carry an availability.',
          },
        }
      : {}),
    findings: file.findings.filter((f) => f.pool === p.name).length,
  };
}

/** `fits (300 each)`, `over the limit (450 each on 2 members)`; per-pool limits carry no share. */
export function capacityOutcome(fits: boolean, each: number | null, members?: number): string {
  const verdict = fits ? 'fits' : 'over the limit';
  if (each === null) return verdict;
  return `${verdict} (${fmt(each)} each${members === undefined ? '' : ` on ${plural(members, 'member')}`})`;
}
