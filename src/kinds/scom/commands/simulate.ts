/** `simulate` for SCOM (the plug-in loads this module only then): --down and --partition scenarios. */
import { PooltopoError } from '../../../util/errors.js';
import { closest } from '../../../util/suggest.js';
import type { SimulateRequest } from '../../../core/kind.js';
import type { ScomModels } from '../results.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import { failureOf, hostsIn, type FailureModel, type Host } from '../analysis/failure/index.js';
import { knownNames, resolveNames } from '../analysis/scenario.js';
import { simulate, type SimulationOutcome } from '../analysis/simulate.js';
import { databaseHosts } from '../analysis/what-if.js';
import { formatSimulationJson, formatSimulationStylish } from './simulate-format.js';
import { namesIn } from '../../../core/model.js';
import { clip } from '../../../core/rule.js';

/** The most scenarios one run takes: each is a full evaluation and a block of output. */
export const MAX_SCENARIOS = 100;

export async function simulateCommand(models: Partial<ScomModels>, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.events.length > 0) throw new PooltopoError('--event is for kind opcon-failover; for a SCOM management group use --down or --partition');
  if (request.downs.length === 0 && request.partitions.length === 0)
    throw new PooltopoError('simulate needs --down NAME[,NAME...] or --partition SIDE|SIDE (pooltopo simulate --help)');
  const count = request.downs.length + request.partitions.length;
  if (count > MAX_SCENARIOS)
    throw new PooltopoError(`simulate takes at most ${MAX_SCENARIOS} scenarios in one run (got ${count}); split them over several runs`);
  const model = (models.analysis as TopologyAnalysis).model;
  const scenarios = [
    ...request.downs.map((list) => downScenario(model, request.file, list)),
    ...request.partitions.map((spec) => partitionScenario(model, request.file, spec)),
  ];
  const report = { file: request.file, scenarios };
  const text = request.format === 'json' ? formatSimulationJson(report) : formatSimulationStylish(report, request.color);
  return { text, exitCode: scenarios.some(fails) ? 1 : 0 };
}

/** Exit code 1 when a pool or the management group does not work (CLI.md). */
function fails(s: SimulationOutcome): boolean {
  return !s.managementGroupWorks || s.pools.some((p) => p.outcome !== 'works');
}

function resolve(model: FailureModel, file: string, names: string[]) {
  const r = resolveNames(model, names);
  if (r.ambiguous.length > 0) {
    throw new PooltopoError(
      `"${clip(r.ambiguous[0]!)}" is both a data centre and a server of ${file} (validate reports it as duplicate-name): rename one so that a scenario can tell which is down`,
    );
  }
  if (r.unknown.length > 0) {
    const [name] = r.unknown;
    const near = closest(name!, knownNames(model), 3);
    throw new PooltopoError(
      `"${clip(name!)}" is not a server, cluster node or data centre of ${file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`,
    );
  }
  return r;
}

function downScenario(model: FailureModel, file: string, list: string): SimulationOutcome {
  const names = namesIn(list);
  if (names.length === 0) throw new PooltopoError('--down needs at least one name');
  const r = resolve(model, file, names);
  return simulate(model, `${names.join(', ')} down`, failureOf(model, { hosts: r.hosts, dataCenters: r.dataCenters }));
}

/**
 * A partition: each side's servers, cluster nodes and data centres. A server named on a side is
 * there even when its data centre is named on another; the database's server (a cluster's listener)
 * takes its nodes and witness with it unless they are named themselves.
 */
function partitionScenario(model: FailureModel, file: string, spec: string): SimulationOutcome {
  const parts = spec.split('|').map(namesIn);
  if (parts.length < 2 || parts.some((p) => p.length === 0))
    throw new PooltopoError(`--partition needs two or more sides separated by |, each naming servers or data centres (got "${spec}")`);
  const explicit = new Map<Host, number>();
  const implied = new Map<Host, number>();
  const labels = parts.map((names) => names.join(','));
  const dbHosts = new Set(databaseHosts(model));
  parts.forEach((names, i) => {
    const r = resolve(model, file, names);
    for (const h of r.hosts) {
      const other = explicit.get(h);
      if (other !== undefined && other !== i) throw new PooltopoError(`--partition puts "${h.name}" on two sides ("${labels[other]}" and "${labels[i]}")`);
      explicit.set(h, i);
      if (h.index === model.database.listener) for (const d of dbHosts) implied.set(model.hosts[d]!, i);
    }
    for (const dc of r.dataCenters) {
      for (const h of hostsIn(model, model.dataCenters.indexOf(dc)).map((x) => model.hosts[x]!)) {
        const other = implied.get(h);
        if (other !== undefined && other !== i && !explicit.has(h))
          throw new PooltopoError(`--partition puts "${h.name}" on two sides ("${labels[other]}" and "${labels[i]}")`);
        implied.set(h, i);
      }
    }
  });
  const sides = new Map<Host, number>([...implied, ...explicit]);
  // A clustered database's listener is a name, not a place: its nodes and witness are placed.
  const listener = model.database.nodes.length > 0 ? model.database.listener : -1;
  const unplaced = model.hosts
    .filter((h) => !sides.has(h) && h.index !== listener)
    .map((h) =>
      h.role === 'database' && model.topology.database.implied
        ? `the operational database (not in the file: taken to be in data centre "${model.topology.database.dataCenter.name}")`
        : h.role === 'database'
          ? `${h.name} (the operational database)`
          : h.name,
    );
  if (unplaced.length > 0) {
    const more = unplaced.length > 3 ? ` and ${unplaced.length - 3} more` : '';
    throw new PooltopoError(
      `--partition "${spec}" puts ${unplaced.slice(0, 3).join(', ')}${more} on no side: name each server, or its data centre, on one side (use --down for what is down)`,
    );
  }
  return simulate(model, `partition ${spec}`, failureOf(model, { sides }), labels);
}
