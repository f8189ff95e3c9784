/**
 * A pool's data centres (FORMAT.md "Data centres of a pool"); what losing each one does is what-if.ts's.
 */
import type { DataCenter, Pool, Topology } from '../model/types.js';

/** The data centres of a pool's members and observers, plus the database's where the default observer participates; in the topology's order. */
export function poolDataCenters(topology: Topology, pool: Pool, defaultObserverParticipates: boolean): DataCenter[] {
  const used = new Set<DataCenter>();
  for (const m of pool.members) used.add(m.server.dataCenter);
  for (const o of pool.observers) used.add(o.server.dataCenter);
  if (defaultObserverParticipates) used.add(topology.database.dataCenter);
  return topology.dataCenters.filter((dc) => used.has(dc));
}
