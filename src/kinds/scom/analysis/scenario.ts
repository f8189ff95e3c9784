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
  /** Names that are both a data centre and a server (a duplicate-name finding), when not told which is meant. */
  readonly ambiguous: string[];
}

/** What a name stands for when it could be either (the report's what-if rows know). */
export type NameMeaning = 'server' | 'data centre';

/** Every name a scenario may use, as the file spells it. */
export function knownNames(topology: Topology): string[] {
  const names = [...topology.managementServers, ...topology.gateways, ...topology.dataCenters].map((s) => s.name);
  if (!topology.database.implied) names.push(topology.database.server);
  return names;
}

export function resolveNames(topology: Topology, names: readonly string[], meaning?: NameMeaning): ResolvedNames {
  const servers = new Set<Server>();
  let database = false;
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  const all = [...topology.managementServers, ...topology.gateways];
  for (const raw of names) {
    const key = nameKey(raw.trim());
    let server = all.find((s) => nameKey(s.name) === key);
    let dc = topology.dataCenters.find((d) => nameKey(d.name) === key);
    const databaseServer = !topology.database.implied && nameKey(topology.database.server) === key;
    if ((server || databaseServer) && dc) {
      if (meaning === undefined) {
        ambiguous.push(raw);
        continue;
      }
      if (meaning === 'server') dc = undefined;
      else server = undefined;
    }
    if (server) {
      servers.add(server);
    } else if (dc) {
      for (const s of all) if (s.dataCenter === dc) servers.add(s);
      if (topology.database.dataCenter === dc) database = true;
    } else if (databaseServer && !dc) {
      database = true;
    } else {
      unknown.push(raw);
    }
  }
  // A management server that hosts the database takes it down with it.
  const host = topology.database.colocatedWith;
  if (host && servers.has(host)) database = true;
  return { servers, database, unknown, ambiguous };
}
