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

/** Where the operational database runs: its server (a cluster's listener), its cluster's nodes and witness, and the management server whose host it shares. */
export interface DatabaseServers {
  readonly servers: readonly string[];
  readonly colocatedWith: string | null;
}

/** diff's context for a version: the servers its operational database is on. */
export function databaseServers(models: Partial<ScomModels>): DatabaseServers | undefined {
  const db = models.topology?.database;
  if (!db) return undefined;
  const cluster = db.cluster ? [...db.cluster.nodes, ...(db.cluster.witness ? [db.cluster.witness] : [])].map((n) => n.name) : [];
  return { servers: [db.server, ...cluster], colocatedWith: db.colocatedWith?.name ?? null };
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

/** A pool's figures, with one `dataCenterLoss/<name>` figure per data centre: its outcome when that data centre is lost. */
export function poolFigures(p: PoolResult, database?: unknown): Map<string, Figure> {
  const out = specFigures(POOL, p);
  out.set('singlePointsOfFailure', singlePointsFigure(p.singlePointsOfFailure, database as DatabaseServers | undefined));
  // A data centre the pool does not depend on is not listed: the pool survives its loss.
  for (const loss of p.dataCenterLoss) out.set(`dataCenterLoss/${loss.dataCenter}`, { value: loss.outcome, judge: worksIsBetter, absent: 'works' });
  return out;
}

/** The management group's figures. */
export function groupFigures(result: ScomFileResult, database?: unknown): Map<string, Figure> | undefined {
  const mg = result.managementGroup;
  if (mg === undefined) return undefined;
  return new Map<string, Figure>([
    // Another version has other supported limits: a change the reviewer should see, neither better nor worse of itself.
    ['scomVersion', { value: mg.scomVersion }],
    ['singlePointsOfFailure', singlePointsFigure(mg.singlePointsOfFailure, database as DatabaseServers | undefined)],
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
