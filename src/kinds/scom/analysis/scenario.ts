/**
 * Names in a what-if (`--down`, `--partition`) resolved against the failure model's hosts: management
 * servers, gateways, the operational database's server (its listener, for a cluster), cluster nodes
 * and the witness, or data centres, case-insensitively.
 */
import { nameKey, type DataCenter } from '../model/types.js';
import type { FailureModel, Host } from './failure/index.js';

export interface ResolvedNames {
  readonly hosts: Set<Host>;
  readonly dataCenters: Set<DataCenter>;
  /** Names that match nothing. */
  readonly unknown: string[];
  /** Names that are both a data centre and a server (a duplicate-name finding), when not told which is meant. */
  readonly ambiguous: string[];
}

/** What a name stands for when it could be either (the report's what-if rows know). */
export type NameMeaning = 'server' | 'data centre';

/** Every name a scenario may use, as the file spells it. */
export function knownNames(model: FailureModel): string[] {
  const names = model.hosts.filter((h) => !(h.role === 'database' && model.topology.database.implied)).map((h) => h.name);
  if (model.topology.database.colocatedWith && nameKey(model.topology.database.server) !== nameKey(model.topology.database.colocatedWith.name))
    names.push(model.topology.database.server);
  return [...names, ...model.dataCenters.map((d) => d.name)];
}

/** Hosts by name; the operational database's server names its host (the management server it shares, if colocated). */
function hostsByName(model: FailureModel): Map<string, Host> {
  const byName = new Map<string, Host>();
  for (const h of model.hosts) {
    if (h.role === 'database' && model.topology.database.implied) continue;
    byName.set(nameKey(h.name), h);
  }
  const db = model.topology.database;
  if (!db.implied && !byName.has(nameKey(db.server))) byName.set(nameKey(db.server), model.hosts[model.database.listener]!);
  return byName;
}

export function resolveNames(model: FailureModel, names: readonly string[], meaning?: NameMeaning): ResolvedNames {
  const hosts = new Set<Host>();
  const dataCenters = new Set<DataCenter>();
  const unknown: string[] = [];
  const ambiguous: string[] = [];
  const byName = hostsByName(model);
  const dcs = new Map(model.dataCenters.map((d) => [nameKey(d.name), d]));
  for (const raw of names) {
    const key = nameKey(raw.trim());
    let host = byName.get(key);
    let dc = dcs.get(key);
    if (host && dc) {
      if (meaning === undefined) {
        ambiguous.push(raw);
        continue;
      }
      if (meaning === 'server') dc = undefined;
      else host = undefined;
    }
    if (host) hosts.add(host);
    else if (dc) dataCenters.add(dc);
    else unknown.push(raw);
  }
  return { hosts, dataCenters, unknown, ambiguous };
}
