/** The figures `diff` compares for a SCOM management group: each pool's, and the group's own. */
import {
  availabilityJudge,
  fewerIsBetter,
  higherIsBetter,
  sameNames,
  sameProbability,
  specFigures,
  worksIsBetter,
  type Figure,
  type FigureSpec,
  type Inventory,
} from '../../core/figures.js';
import type { AvailabilityResult, PoolResult, ScomFileResult, ScomModels } from './results.js';
import type { Outcome } from './analysis/failure/index.js';
import { nameKey } from '../../core/model.js';

/** Where the operational database runs: its server (a cluster's listener), its cluster's nodes and witness, and the management server whose host it shares. */
export interface DatabaseServers {
  readonly servers: readonly string[];
  readonly colocatedWith: string | null;
}

/** diff's context for a version: the servers its operational database is on, and each pool's outcome with nothing down (by name key). */
export interface ScomDiffContext {
  readonly database: DatabaseServers;
  readonly outcomes: ReadonlyMap<string, Outcome>;
}

export function diffContext(models: Partial<ScomModels>): ScomDiffContext | undefined {
  const db = models.topology?.database;
  if (!db) return undefined;
  const cluster = db.cluster ? [...db.cluster.nodes, ...(db.cluster.witness ? [db.cluster.witness] : [])].map((n) => n.name) : [];
  // The failure model's state with nothing down, which simulate and the data-centre loss table start from.
  const base = models.analysis?.baseline.state.pools ?? [];
  const outcomes = new Map((models.topology?.pools ?? []).map((p, i) => [nameKey(p.name), base[i]?.outcome ?? 'works'] as const));
  return { database: { servers: [db.server, ...cluster], colocatedWith: db.colocatedWith?.name ?? null }, outcomes };
}

function availabilityOf(a: AvailabilityResult | undefined): number | null {
  return a === undefined ? null : a.probability;
}

const POOL: readonly FigureSpec<PoolResult>[] = [
  { key: 'members', get: (p) => p.members, same: sameNames },
  { key: 'observers', get: (p) => p.observers, same: sameNames },
  { key: 'defaultObserver', get: (p) => (p.defaultObserver.enabled ? (p.defaultObserver.participates ? 'participates' : 'enabled') : 'disabled') },
  { key: 'votingMembers', get: (p) => p.votingMembers },
  { key: 'votesNeeded', get: (p) => p.votesNeeded },
  { key: 'tolerableFailures', get: (p) => p.tolerableFailures, judge: higherIsBetter },
  { key: 'availability', get: (p) => availabilityOf(p.availability), judge: availabilityJudge, same: sameProbability },
];

/** The operational database, as diff's judge of single points of failure counts it: one, whichever server it is on. */
const DATABASE = '(the operational database)';

/**
 * Single points of failure, judged with the operational database counted as one: a server that
 * holds it (its own SQL Server, a cluster node or witness) is the database, and a management server
 * that shares its host is the database and itself. Moving the database from a management server to
 * a SQL Server of its own then loses a single point of failure (the management server) rather than
 * gaining one (seed 000: from "Good" to "Better"); putting it on a management server gains one, and
 * a cluster that becomes a single server gains the database.
 */
function singlePointsFigure(names: readonly string[], database: DatabaseServers | undefined): Figure {
  const servers = new Set((database?.servers ?? []).map((n) => n.toLowerCase()));
  const host = database?.colocatedWith?.toLowerCase();
  const judged = names.flatMap((n) => {
    const key = n.toLowerCase();
    if (key === host) return [DATABASE, n];
    return servers.has(key) ? [DATABASE] : [n];
  });
  return { value: names, judge: fewerIsBetter, same: sameNames, judged };
}

/**
 * A pool's figures, with its outcome with nothing down and one `dataCenterLoss/<name>` figure per
 * data centre of its table: its outcome when that data centre is lost.
 */
export function poolFigures(p: PoolResult, context?: unknown): Map<string, Figure> {
  const c = context as ScomDiffContext | undefined;
  const out = specFigures(POOL, p);
  out.set('singlePointsOfFailure', singlePointsFigure(p.singlePointsOfFailure, c?.database));
  // CLI.md judges a pool by its failures, not by this; a pool that stops with nothing down says so in its findings.
  out.set('outcome', { value: c?.outcomes.get(nameKey(p.name)) ?? 'works' });
  // A data centre the pool does not depend on is not in its table: its loss leaves the pool as it is with nothing down.
  for (const loss of p.dataCenterLoss)
    out.set(`dataCenterLoss/${loss.dataCenter}`, { value: loss.outcome, judge: worksIsBetter, absent: { figure: 'outcome' } });
  return out;
}

/** The management group's figures. */
export function groupFigures(result: ScomFileResult, context?: unknown): Map<string, Figure> | undefined {
  const mg = result.managementGroup;
  if (mg === undefined) return undefined;
  return new Map<string, Figure>([
    // Another version has other supported limits: a change the reviewer should see, neither better nor worse of itself.
    ['scomVersion', { value: mg.scomVersion }],
    ['singlePointsOfFailure', singlePointsFigure(mg.singlePointsOfFailure, (context as ScomDiffContext | undefined)?.database)],
    ['availability', { value: availabilityOf(mg.availability), judge: availabilityJudge, same: sameProbability }],
  ]);
}

/** The names the management group holds, by what they are. */
export function inventory(models: Partial<ScomModels>): Inventory {
  const t = models.topology;
  if (!t) return {};
  return {
    'management servers': t.managementServers.map((s) => s.name),
    gateways: t.gateways.map((s) => s.name),
    'data centres': t.dataCenters.filter((d) => !d.implicit).map((d) => d.name),
    'operational database': [t.database.server],
  };
}
