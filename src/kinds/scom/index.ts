/**
 * The `scom` kind: System Center Operations Manager management groups, as the pipeline sees it. Its
 * model is in model/, its analyses (pure functions) in analysis/, its rules (one file each) in rules/.
 */
import { analyseTopology, type PoolAnalysis, type TopologyAnalysis } from './analysis/index.js';
import { ninesText, type Availability } from './analysis/availability.js';
import type { ScomDocument } from './model/document.js';
import { loadUnitParser, parseCommonDuration, parseDurationWithUnits, type DurationResult } from './model/duration.js';
import { normalise } from './model/normalise.js';
import type { Topology } from './model/types.js';
import { poolScope } from './analysis/policy-scope.js';
import type { AvailabilityResult, ManagementGroupResult, PoolResult, ScomFileResult, ScomModels } from './results.js';
import { ISSUE_MESSAGES } from './model/issue-messages.js';
import { diffContext, groupFigures, inventory, poolFigures } from './figures.js';
import { SCOM_RULES } from './rules/index.js';
import { formatMessage, groupThousands, plural } from '../../core/rule.js';
import { atPool } from './rules/context.js';
import { defineKind, type KindHost, type KindRun } from '../../core/kind.js';
import { failsModelSchema } from '../../core/model-schema.js';

export const scomKind = defineKind<'scom', ScomModels, ScomFileResult>({
  id: 'scom',
  title: 'SCOM management group',
  default: true,
  topLevelKeys: ['scomVersion', 'dataCenters', 'latency', 'databases', 'managementServers', 'gateways', 'pools', 'poolManager'],
  // A file with management servers is a management group, whatever other keys it has.
  meantBy: (doc) => Object.hasOwn(doc, 'managementServers'),
  issueMessages: ISSUE_MESSAGES,
  rules: SCOM_RULES,
  async lint(document: unknown, host: KindHost): Promise<KindRun<ScomModels, ScomFileResult>> {
    const doc = document as ScomDocument;
    const servers = doc.managementServers.length + (doc.gateways?.length ?? 0);
    if (servers > host.limits.maxServers) {
      host.report('schema', {
        messageId: 'violation',
        path: '/managementServers',
        at: 'key',
        data: {
          message: `The file has ${groupThousands(servers)} servers, more than the ${groupThousands(host.limits.maxServers)} pooltopo analyses (raise limits.maxServers in .pooltopo.yaml).`,
        },
      });
      return { figures: { pools: [] } };
    }
    const { topology, issues } = normalise(doc, await readLatencies(doc));
    const stopped = failsModelSchema(issues, host);
    if (stopped) return stopped;
    const settings = host.settings;
    const analysis = analyseTopology(
      topology,
      settings.computersPerManagementGroup !== undefined ? { computersPerManagementGroup: settings.computersPerManagementGroup } : {},
    );
    host.runRules(SCOM_RULES, { topology, analysis, issues, settings });
    runPolicies(topology, analysis.pools, host);
    return { figures: { managementGroup: managementGroupResult(topology, analysis), pools: analysis.pools.map(poolResult) }, models: { topology, analysis } };
  },
  summary: (result) => result.pools.map((p) => ({ label: p.name, text: poolSummary(p, result.managementGroup) })),
  diff: { pool: poolFigures, group: { key: 'managementGroup', of: groupFigures }, inventory, context: diffContext },
  help: {
    plan: `For each pool that does not reach N tolerable failures, or whose workload does not fit after its
failures, the smallest change that does: add management servers (gateways for a pool of gateways),
enable or disable the default observer, or add observer-only members, with the resulting figures.
The fewest new servers win; among equals, no observer-only members (the guidance advises against
them) and the default observer as the guidance prefers. Then the management servers to add where
the Windows agents would not fit after the busiest fails, and the capacity headroom left (or by
how much a workload is over). The exit code is 1 when a pool or the management group needs a
change, or the workload does not fit.`,
    simulate: `What works when the named servers (management servers, gateways, the operational database's
server, a cluster's nodes and witness) or data centres are down, under FORMAT.md's failure model:
each pool works (quorum and a connected member), is cut off (it runs, but its data reaches no
connected management server) or stops (no quorum, or no member). Names are case-insensitive.
--down may be repeated to compare scenarios side by side.

--partition splits the network instead: sides separated by |, each a comma-separated list of
servers and data centres (e.g. "dc-east|dc-west,sql01"). A pool keeps quorum on at most one side;
members on another side stop their work although they are up, and a pool whose quorum is on a side
without the database is cut off. A server's agents stay on its side: only connected servers there
take them, and with none they are unmonitored.

The output names the PoolManager events members would log (15002, 15003, 15004), how the pool's
instances are split over the members left, where the gateways report and where the agents go. The
exit code is 1 when a pool stops or is cut off, or the management group does not work.`,
  },
  simulate: async (models, request) => (await import('./commands/simulate.js')).simulateCommand(models, request),
  plan: async (models, request) => (await import('./commands/plan.js')).planCommand(models, request),
  report: {
    partial: 'kind-scom',
    toc: [
      { anchor: 'topology', title: 'Topology' },
      { anchor: 'pools', title: 'Pools' },
      { anchor: 'what-if', title: 'What if one goes down' },
    ],
    view: async (outcome, settings) => (await import('./report/report.js')).scomReport(outcome, settings),
  },
  importer: {
    source: 'scom',
    help: `  pooltopo import scom EXPORT.json [--overlay SITES.yaml] [options]

  Reads the JSON that export/Export-ScomTopology.ps1 (shipped with pooltopo; it only reads) writes
  on a management server, and writes the management group's topology: its management servers,
  gateways (reportsTo: primary, then failover), every pool as the group has it (the default pools
  too), the database's host, and the PoolManager values most servers carry, with a server's own
  where it differs. Names as SCOM gives them, compared case-insensitively. What SCOM does not hold
  comes from the overlay, or the output says in a comment that it is not known:
      --overlay SITES.yaml          data centres, latency, availabilities and UNIX/Linux root
                                    certificates, in the topology's own keys (dataCenters, latency,
                                    databases, managementServers, gateways), by server name (the
                                    full name or its first label)
      --scom-version VERSION        the release whose limits apply (2012R2, 2016, 2019, 2022, 2025),
                                    for a build pooltopo does not know
`,
    options: { overlay: { type: 'string' }, 'scom-version': { type: 'string' } },
    run: async (request) => (await import('./commands/import/index.js')).importScom(request),
  },
});

/** Latency values: the common forms without mathjs, the rest through its unit parser (loaded only then). */
async function readLatencies(doc: ScomDocument): Promise<Map<number, DurationResult>> {
  const out = new Map<number, DurationResult>();
  const unusual: number[] = [];
  (doc.latency ?? []).forEach((entry, i) => {
    const fast = parseCommonDuration(entry.ms);
    if (fast) out.set(i, fast);
    else unusual.push(i);
  });
  if (unusual.length > 0) {
    const math = await loadUnitParser();
    for (const i of unusual) out.set(i, parseDurationWithUnits(String(doc.latency![i]!.ms), math));
  }
  return out;
}

/** Each policy over each pool: a finding where it does not hold. */
function runPolicies(topology: Topology, pools: readonly PoolAnalysis[], host: KindHost): void {
  if (host.policies.length === 0) return;
  // A pool's figures are the same for every policy (each evaluation works on its own copy).
  const scopes = pools.map((a) => poolScope(topology, a));
  for (const policy of host.policies) {
    const { id, message } = policy.definition;
    if (!host.severityOf(id)) continue;
    for (const [i, a] of pools.entries()) {
      const scope = scopes[i]!;
      let result: unknown;
      try {
        result = policy.evaluate(scope);
      } catch (err) {
        result = err instanceof Error ? err.message : String(err);
      }
      if (result === true) continue;
      const text =
        typeof result === 'boolean'
          ? formatMessage(message, scopeData(scope))
          : `Policy ${id} could not be evaluated for pool "${a.pool.name}": ${typeof result === 'string' ? result : 'it did not give true or false'}.`;
      host.report(id, atPool(a.pool, 'policy'), text);
    }
  }
}

/** A pool's figures as message data: numbers and text (booleans as words). */
function scopeData(scope: ReadonlyMap<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of scope) {
    if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

/**
 * `3 voters, 2 needed, tolerates 1 (0 without the default observer)`, and the single points of
 * failure beyond the management group's own database.
 */
function poolSummary(p: PoolResult, group: ManagementGroupResult | undefined): string {
  const n = groupThousands;
  let s = `${plural(p.votingMembers, 'voter')}, ${n(p.votesNeeded)} needed, tolerates ${n(p.tolerableFailures)}`;
  if (p.defaultObserver.participates) {
    s += ` (${n(p.withoutDefaultObserver.tolerableFailures)} without the default observer)`;
  } else if (!p.defaultObserver.enabled && p.withDefaultObserver.votingMembers === p.votingMembers) {
    s += ' (the default observer is disabled, and could not vote here: no management server)';
  } else if (!p.defaultObserver.enabled) {
    s += ` (${n(p.withDefaultObserver.tolerableFailures)} with the default observer)`;
  } else {
    s += ' (the default observer cannot vote: no management server)';
  }
  const database = new Set(group?.singlePointsOfFailure ?? []);
  const beyond = p.singlePointsOfFailure.filter((n) => !database.has(n) || p.members.includes(n));
  if (beyond.length > 0)
    s += `; single point${beyond.length === 1 ? '' : 's'} of failure: ${beyond.slice(0, 5).join(', ')}${beyond.length > 5 ? ` and ${groupThousands(beyond.length - 5)} more` : ''}`;
  if (p.availability) {
    s +=
      p.availability.nines === null
        ? ', always available'
        : `, availability ${formatProbability(p.availability.probability)} (${ninesText(p.availability.nines)})`;
  }
  return s;
}

function formatProbability(p: number): string {
  return `${(p * 100).toPrecision(8).replace(/\.?0+$/, '')}%`;
}

export function poolResult(a: PoolAnalysis): PoolResult {
  const q = a.quorum;
  return {
    name: a.pool.name,
    implied: a.pool.implied,
    members: a.pool.members.map((m) => m.server.name),
    observers: a.pool.observers.map((o) => o.server.name),
    defaultObserver: { enabled: q.defaultObserver.enabled, participates: q.defaultObserver.participates },
    votingMembers: q.configured.votingMembers,
    votesNeeded: q.configured.votesNeeded,
    tolerableFailures: q.configured.tolerableFailures,
    highlyAvailable: q.configured.highlyAvailable,
    withDefaultObserver: q.withDefaultObserver,
    withoutDefaultObserver: q.withoutDefaultObserver,
    dataCenters: a.dataCenters.map((d) => d.name),
    dataCenterLoss: a.dataCenterLoss,
    largestRoundTripMs: a.latency.largestMs,
    leaseDurationSeconds: a.lease.leaseDurationSeconds,
    capacity: a.capacity.map((c) => ({
      item: c.item,
      total: c.total,
      limit: c.limit,
      fits: c.fits,
      fitsAfterFailover: c.fitsAfterFailover,
      headroom: c.headroom,
      ...(c.minimumMembers !== undefined ? { minimumMembers: c.minimumMembers } : {}),
    })),
    singlePointsOfFailure: a.singlePointsOfFailure,
    ...(a.availability ? { availability: availabilityResult<{ assumedAlwaysUp: readonly string[] }>(a.availability, a.availability.assumedAlwaysUp) } : {}),
  };
}

function availabilityResult<T extends object>(a: Availability, extra?: readonly string[]): AvailabilityResult & T {
  // Spelled out, not spread (test/object-shapes.test.ts says why).
  const { probability, nines, method, standardError } = a;
  const out =
    standardError !== undefined
      ? extra
        ? { probability, nines, method, standardError, assumedAlwaysUp: extra }
        : { probability, nines, method, standardError }
      : extra
        ? { probability, nines, method, assumedAlwaysUp: extra }
        : { probability, nines, method };
  return out as AvailabilityResult & T;
}

export function managementGroupResult(topology: Topology, analysis: TopologyAnalysis): ManagementGroupResult {
  const a = analysis.managementGroup.availability;
  return {
    scomVersion: topology.scomVersion,
    singlePointsOfFailure: analysis.managementGroup.singlePointsOfFailure,
    ...(a ? { availability: availabilityResult(a) } : {}),
  };
}
