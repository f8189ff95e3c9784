/**
 * A pool's data centres and what losing each one does (FORMAT.md "Data centres of a pool" and
 * "Data-centre loss").
 */
import type { DataCenter, Pool, Topology } from '../model/types.js';
import type { QuorumFigures } from './quorum.js';

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
    const membersLeft = pool.members.filter((m) => m.server.dataCenter !== dc).length;
    const observersLeft = pool.observers.filter((o) => o.server.dataCenter !== dc).length;
    const stopsManagementGroup = topology.database.dataCenter === dc;
    const votesLeft = membersLeft + observersLeft + (defaultObserverParticipates && !stopsManagementGroup ? 1 : 0);
    const survives = !stopsManagementGroup && votesLeft >= figures.votesNeeded && membersLeft >= 1;
    return { dataCenter: dc.name, survives, votesLeft, votesNeeded: figures.votesNeeded, membersLeft, stopsManagementGroup };
  });
}
