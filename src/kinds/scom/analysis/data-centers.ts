/**
 * A pool's data centres and what losing each one does (FORMAT.md "Data centres of a pool" and
 * "Data-centre loss").
 */
import type { DataCenter, Pool, Topology } from '../model/types.js';
import { sideVotes, type QuorumFigures } from './quorum.js';

/** The data centres of a pool's members and observers, plus the database's where the default observer participates; in the topology's order. */
export function poolDataCenters(topology: Topology, pool: Pool, defaultObserverParticipates: boolean): DataCenter[] {
  const used = new Set<DataCenter>();
  for (const m of pool.members) used.add(m.server.dataCenter);
  for (const o of pool.observers) used.add(o.server.dataCenter);
  if (defaultObserverParticipates) used.add(topology.database.dataCenter);
  return topology.dataCenters.filter((dc) => used.has(dc));
}

export interface DataCenterLoss {
  readonly dataCenter: string;
  readonly survives: boolean;
  /** Votes still available once every server in the data centre is down. */
  readonly votesLeft: number;
  readonly votesNeeded: number;
  readonly membersLeft: number;
  /** The operational database is in it: the whole management group stops. */
  readonly stopsManagementGroup: boolean;
}

export function dataCenterLoss(
  topology: Topology,
  pool: Pool,
  dataCenters: readonly DataCenter[],
  figures: QuorumFigures,
  defaultObserverParticipates: boolean,
): DataCenterLoss[] {
  return dataCenters.map((dc) => {
    const stopsManagementGroup = topology.database.dataCenter === dc;
    // What is left is one side: every server outside the data centre, the database if it is not in it.
    const left = sideVotes(pool, figures.votesNeeded, (s) => s.dataCenter !== dc, !stopsManagementGroup, defaultObserverParticipates);
    return { dataCenter: dc.name, survives: left.runs, votesLeft: left.votes, votesNeeded: figures.votesNeeded, membersLeft: left.members.length, stopsManagementGroup };
  });
}
