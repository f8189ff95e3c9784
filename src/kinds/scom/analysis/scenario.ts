/**
 * Names in a what-if (`--down`, `--partition`) resolved against the topology: servers (management
 * servers, gateways, the operational database's server) or data centres, case-insensitively.
 */
import { nameKey, type Server, type Topology } from '../model/types.js';

export interface ResolvedNames {
  readonly servers: Set<Server>;
  /** The operational database is among them (named, in a named data centre, or on a named host). */
  readonly database: boolean;
  /** Names that match nothing. */
  readonly unknown: string[];
}

/** Every name a scenario may use, as the file spells it. */
export function knownNames(topology: Topology): string[] {
  const names = [...topology.managementServers, ...topology.gateways].map((s) => s.name);
  names.push(...topology.dataCenters.map((d) => d.name));
  if (!topology.database.implied) names.push(topology.database.server);
  return names;
}

export function resolveNames(topology: Topology, names: readonly string[]): ResolvedNames {
  const servers = new Set<Server>();
  let database = false;
  const unknown: string[] = [];
  const all = [...topology.managementServers, ...topology.gateways];
  for (const raw of names) {
    const key = nameKey(raw.trim());
    const server = all.find((s) => nameKey(s.name) === key);
    const dc = topology.dataCenters.find((d) => nameKey(d.name) === key);
    if (server) {
      servers.add(server);
    } else if (dc) {
      for (const s of all) if (s.dataCenter === dc) servers.add(s);
      if (topology.database.dataCenter === dc) database = true;
    } else if (!topology.database.implied && nameKey(topology.database.server) === key) {
      database = true;
    } else {
      unknown.push(raw);
    }
  }
  // A management server that hosts the database takes it down with it.
  const host = topology.database.colocatedWith;
  if (host && servers.has(host)) database = true;
  return { servers, database, unknown };
}
