/** `simulate` for SCOM (the plug-in loads this module only then): --down and --partition scenarios. */
import { PooltopoError } from '../../errors.js';
import { closest } from '../../util/suggest.js';
import type { KindModels, SimulateRequest } from '../types.js';
import { knownNames, resolveNames } from './analysis/scenario.js';
import { simulateDown, simulatePartition } from './analysis/simulate.js';
import { formatSimulationJson, formatSimulationStylish } from './simulate-format.js';
import { nameKey } from './model/types.js';

export async function simulateCommand(models: KindModels, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.events.length > 0) throw new PooltopoError('--event is for kind opcon-failover; for a SCOM management group use --down or --partition');
  if (request.downs.length === 0 && request.partitions.length === 0) throw new PooltopoError('simulate needs --down NAME[,NAME...] or --partition SIDE|SIDE (pooltopo simulate --help)');
  const topology = models.topology!;
  const resolve = (names: string[]) => {
    const r = resolveNames(topology, names);
    if (r.ambiguous.length > 0) {
      throw new PooltopoError(`"${r.ambiguous[0]}" is both a data centre and a server of ${request.file} (validate reports it as duplicate-name): rename one so that a scenario can tell which is down`);
    }
    if (r.unknown.length > 0) {
      const [name] = r.unknown;
      const near = closest(name!, knownNames(topology), 3);
      throw new PooltopoError(`"${name}" is not a server or data centre of ${request.file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`);
    }
    return r;
  };
  // Names once each, as first spelt (`a,,A` is `a`).
  const split = (list: string) => {
    const names = list.split(',').map((n) => n.trim()).filter((n) => n.length > 0);
    return names.filter((n, i) => names.findIndex((m) => nameKey(m) === nameKey(n)) === i);
  };
  const scenarios = request.downs.map((list) => {
    const names = split(list);
    if (names.length === 0) throw new PooltopoError('--down needs at least one name');
    const r = resolve(names);
    return simulateDown(topology, `${names.join(', ')} down`, r.servers, r.database);
  });
  for (const spec of request.partitions) {
    const parts = spec.split('|').map(split);
    if (parts.length < 2 || parts.some((p) => p.length === 0)) throw new PooltopoError(`--partition needs two or more sides separated by |, each naming servers or data centres (got "${spec}")`);
    const seen = new Map<string, string>();
    const sides = parts.map((names) => {
      const r = resolve(names);
      const label = names.join(',');
      for (const s of r.servers) {
        if (seen.has(s.name)) throw new PooltopoError(`--partition puts "${s.name}" on two sides ("${seen.get(s.name)}" and "${label}")`);
        seen.set(s.name, label);
      }
      return { label, servers: r.servers, database: r.database };
    });
    if (sides.filter((x) => x.database).length > 1) throw new PooltopoError('--partition puts the operational database on two sides');
    // A partition splits the network: what it does not place would be silently neither here nor there.
    const unplaced = [...topology.managementServers, ...topology.gateways].filter((s) => !seen.has(s.name)).map((s) => s.name);
    if (!sides.some((x) => x.database)) {
      unplaced.push(topology.database.implied
        ? `the operational database (not in the file: taken to be in data centre "${topology.database.dataCenter.name}")`
        : `${topology.database.server} (the operational database)`);
    }
    if (unplaced.length > 0) {
      const more = unplaced.length > 3 ? ` and ${unplaced.length - 3} more` : '';
      throw new PooltopoError(`--partition "${spec}" puts ${unplaced.slice(0, 3).join(', ')}${more} on no side: name each server, or its data centre, on one side (use --down for what is down)`);
    }
    scenarios.push(simulatePartition(topology, `partition ${spec}`, sides));
  }
  const report = { file: request.file, scenarios };
  const text = request.format === 'json' ? formatSimulationJson(report) : formatSimulationStylish(report, request.color);
  return { text, exitCode: scenarios.some((s) => s.pools.some((p) => !p.runs)) ? 1 : 0 };
}
