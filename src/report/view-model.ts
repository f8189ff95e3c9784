/**
 * What the report shows, as plain data for the templates. Every figure comes from the same analysis
 * results `validate` reports (the pool results and the analyses behind them): nothing is computed
 * twice; this module only chooses words, order and geometry.
 */
import type { LintOutcome } from '../lint.js';
import { isScomPool, type FileResult, type Finding, type PoolResult } from '../results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';
import { groupThousands, SEVERITIES, type Severity } from '../rules/types.js';
import type { Settings } from '../settings.js';
import { layoutDiagram, roundTripLimit, type Diagram } from './diagram.js';
import { resolveNames } from '../kinds/scom/analysis/scenario.js';
import { simulateDown } from '../kinds/scom/analysis/simulate.js';
import { kindPlugin } from '../kinds/registry.js';
import type { Topology } from '../kinds/scom/model/types.js';

export interface ReportOptions {
  readonly rules: readonly RuleDescriptor[];
  readonly settings: Settings;
  readonly failOn: Severity;
  readonly version: string;
  /** Shown only when given (`--timestamp`): the report is otherwise byte-identical run to run. */
  readonly generatedAt?: string;
}

export interface ReportView {
  readonly title: string;
  readonly file: string;
  readonly kind: string;
  readonly version: string;
  readonly generatedAt?: string;
  readonly summary: {
    readonly verdict: string;
    readonly verdictClass: 'pass' | 'warn' | 'fail';
    readonly counts: readonly { readonly label: string; readonly count: number; readonly cls: Severity }[];
    readonly headline?: { readonly figure: number; readonly pool: string; readonly text: string };
    readonly facts: readonly { readonly label: string; readonly value: string }[];
  };
  readonly diagram?: Diagram & { readonly description: string; readonly legend: readonly { readonly number: number; readonly name: string; readonly colour: number }[] };
  /** Every measured round trip, with the limit it is held to. */
  readonly roundTrips: readonly { readonly between: string; readonly ms: string; readonly limit: string; readonly over: boolean }[];
  readonly pools: readonly PoolView[];
  readonly findingGroups: readonly { readonly severity: Severity; readonly title: string; readonly findings: readonly FindingView[] }[];
  readonly appendix: readonly RuleDescriptor[];
  readonly parseFailed: boolean;
  /** A kind's own section (its partial in its folder), for the kinds with one. */
  readonly kindSection?: { readonly partial: string; readonly toc: readonly { readonly anchor: string; readonly title: string }[] };
  /** That section's view model. */
  readonly kindView?: unknown;
  /** Every single data centre and every single server down: which pools keep working. */
  readonly whatIf?: {
    readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
    readonly rows: readonly { readonly label: string; readonly kind: string; readonly cells: readonly { readonly runs: boolean; readonly text: string }[]; readonly allRun: boolean }[];
    readonly omitted: number;
  };
}

/** The most single-server rows the what-if table shows; `pooltopo simulate` answers for the rest. */
export const MAX_WHAT_IF_SERVERS = 60;

export interface PoolView {
  readonly number: number;
  readonly anchor: string;
  readonly name: string;
  readonly implied: boolean;
  readonly colour: number;
  readonly members: string;
  readonly observers: string;
  readonly defaultObserver: string;
  readonly figures: readonly { readonly label: string; readonly value: string }[];
  readonly bars: readonly { readonly label: string; readonly value: number; readonly width: number; readonly y: number; readonly current: boolean }[];
  readonly barsMax: number;
  readonly dataCenterLoss: readonly { readonly dataCenter: string; readonly outcome: string; readonly votes: string; readonly survives: boolean }[];
  readonly capacity: readonly { readonly item: string; readonly total: string; readonly limit: string; readonly before: string; readonly after: string; readonly headroom: string; readonly ok: boolean }[];
  readonly availability?: { readonly probability: string; readonly nines: string; readonly assumption: string };
  readonly findings: number;
}

export interface FindingView {
  readonly location: string;
  readonly ruleId: string;
  readonly message: string;
  readonly pool?: string;
  readonly remediation: string;
  readonly helpUri: string;
}

const ITEM_LABELS: Readonly<Record<string, string>> = {
  unixLinuxAgents: 'UNIX/Linux computers',
  urls: 'URLs',
  networkDevices: 'Network devices',
};

const fmt = groupThousands;

export function buildReportView(outcome: LintOutcome, options: ReportOptions): ReportView {
  const { result: raw } = outcome;
  // The report draws SCOM management groups (the CLI refuses other kinds before this).
  const result = { ...raw, pools: raw.pools.filter(isScomPool) };
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  const counts = SEVERITIES.map((s) => ({ label: `${s === 'info' ? 'infos' : `${s}s`}`, count: result.findings.filter((f) => f.severity === s).length, cls: s }));
  const threshold = SEVERITIES.indexOf(options.failOn);
  const failing = result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold);
  const any = result.findings.length > 0;
  const verdict = failing
    ? `Does not pass: findings at or above "${options.failOn}"`
    : any ? 'Passes, with findings to review' : 'Passes: no findings';
  const poolNumber = new Map(result.pools.map((p, i) => [p.name, i + 1]));
  const weakestScom = [...result.pools].sort((a, b) => a.tolerableFailures - b.tolerableFailures)[0];
  const weakestSkype = outcome.skype ? [...outcome.skype.analysis.pools].sort((a, b) => a.tolerableFailures - b.tolerableFailures)[0] : undefined;
  const weakest = weakestScom ?? weakestSkype;
  const topology = outcome.topology;
  const facts: { label: string; value: string }[] = [];
  if (outcome.skype) {
    facts.push({ label: 'Deployment', value: outcome.skype.model.name }, { label: 'Skype for Business Server', value: outcome.skype.model.productVersion }, { label: 'Front End pools', value: fmt(outcome.skype.model.pools.length) }, { label: 'Pairs', value: fmt(outcome.skype.model.pairs.length) });
  }
  if (outcome.opcon) facts.push({ label: 'OpCon installation', value: outcome.opcon.model.name }, { label: 'Machines', value: fmt(outcome.opcon.model.machines.length) });
  if (topology) {
    facts.push(
      { label: 'Management group', value: topology.name },
      { label: 'Operations Manager', value: topology.scomVersion },
      { label: 'Management servers', value: fmt(topology.managementServers.length) },
      { label: 'Gateways', value: fmt(topology.gateways.length) },
      { label: 'Resource pools', value: fmt(topology.pools.length) },
      { label: 'Data centres', value: topology.dataCenters.map((d) => d.name).join(', ') },
      { label: 'Operational database', value: `${topology.database.server} (${topology.database.dataCenter.name})` },
    );
  }
  const diagram = topology
    ? (() => {
        const d = layoutDiagram(topology, options.settings, poolNumber);
        return {
          ...d,
          legend: result.pools.map((p, i) => ({ number: i + 1, name: p.name, colour: i % 8 })),
          description: describeTopology(outcome),
        };
      })()
    : undefined;
  return {
    title: `${topology?.name ?? outcome.skype?.model.name ?? outcome.opcon?.model.name ?? result.file}: ${outcome.opcon ? 'failover review' : 'pool topology review'}`,
    file: result.file,
    kind: result.kind ?? 'unknown',
    version: options.version,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    summary: {
      verdict,
      verdictClass: failing ? 'fail' : any ? 'warn' : 'pass',
      counts,
      ...(weakest ? {
        headline: {
          figure: weakest.tolerableFailures,
          pool: weakest.name,
          text: `${outcome.skype ? 'front-end' : 'member'} failure${weakest.tolerableFailures === 1 ? '' : 's'} tolerated by the weakest pool`,
        },
      } : {}),
      facts,
    },
    ...(diagram ? { diagram } : {}),
    roundTrips: topology ? topology.latency.map((l) => {
      const limit = roundTripLimit(topology, options.settings, l.between, l.ends[0], l.ends[1]);
      return { between: `${l.ends[0]} ↔ ${l.ends[1]}`, ms: `${l.ms} ms`, limit: `${limit} ms`, over: l.ms > limit };
    }) : [],
    pools: result.pools.map((p, i) => poolView(p, i + 1, result)),
    findingGroups: SEVERITIES.map((severity) => ({
      severity,
      title: severity === 'error' ? 'Errors' : severity === 'warning' ? 'Warnings' : 'Information',
      findings: result.findings.filter((f) => f.severity === severity).map((f) => findingView(f, byId)),
    })).filter((g) => g.findings.length > 0),
    appendix: [...new Set(result.findings.map((f) => f.ruleId))].sort().map((id) => byId.get(id)).filter((r): r is RuleDescriptor => r !== undefined),
    parseFailed: result.pools.length === 0 && !outcome.skype && !outcome.opcon,
    ...kindSectionOf(outcome),
    ...(topology ? { whatIf: whatIf(topology, result.pools) } : {}),
  };
}

function kindSectionOf(outcome: LintOutcome): Pick<ReportView, 'kindSection' | 'kindView'> {
  const report = outcome.result.kind !== undefined ? kindPlugin(outcome.result.kind)?.report : undefined;
  if (!report || (!outcome.skype && !outcome.opcon)) return {};
  return { kindSection: { partial: report.partial, toc: report.toc }, kindView: report.view(outcome) };
}

function whatIf(topology: Topology, pools: readonly PoolResult[]): NonNullable<ReportView['whatIf']> {
  const rows: { label: string; kind: string; cells: { runs: boolean; text: string }[]; allRun: boolean }[] = [];
  const add = (label: string, kind: string, names: string[]) => {
    const r = resolveNames(topology, names);
    const o = simulateDown(topology, label, r.servers, r.database);
    const cells = o.pools.map((p) => ({ runs: p.runs, text: p.runs ? `runs (${p.votesAvailable}/${p.votingMembers})` : 'STOPS' }));
    rows.push({ label, kind, cells, allRun: cells.every((c) => c.runs) });
  };
  for (const dc of topology.dataCenters) add(dc.name, 'data centre', [dc.name]);
  const servers = [...topology.managementServers, ...topology.gateways];
  for (const s of servers.slice(0, MAX_WHAT_IF_SERVERS)) add(s.name, s.role === 'gateway' ? 'gateway' : 'management server', [s.name]);
  if (!topology.database.implied) add(topology.database.server, 'operational database', [topology.database.server]);
  return {
    pools: pools.map((p, i) => ({ number: i + 1, colour: i % 8, name: p.name })),
    rows,
    omitted: Math.max(0, servers.length - MAX_WHAT_IF_SERVERS),
  };
}

function poolView(p: PoolResult, number: number, file: Pick<FileResult, 'findings'>): PoolView {
  const tol = (n: number) => `${n} ${n === 1 ? 'failure' : 'failures'}`;
  const bars = [
    { label: 'as configured', value: p.tolerableFailures, current: true },
    { label: 'with the default observer', value: p.withDefaultObserver.tolerableFailures, current: false },
    { label: 'without the default observer', value: p.withoutDefaultObserver.tolerableFailures, current: false },
  ];
  const barsMax = Math.max(1, p.votingMembers, ...bars.map((b) => b.value));
  return {
    number,
    anchor: `pool-${number}`,
    name: p.name,
    implied: p.implied,
    colour: (number - 1) % 8,
    members: p.members.length ? p.members.join(', ') : 'none',
    observers: p.observers.length ? p.observers.join(', ') : 'none',
    defaultObserver: p.defaultObserver.enabled
      ? p.defaultObserver.participates ? 'enabled, votes' : 'enabled, but cannot vote (no management server among the voters)'
      : 'disabled',
    figures: [
      { label: 'Voting members', value: fmt(p.votingMembers) },
      { label: 'Votes needed', value: fmt(p.votesNeeded) },
      { label: 'Tolerates', value: tol(p.tolerableFailures) },
      { label: 'With the default observer', value: `${p.withDefaultObserver.votingMembers} voters, tolerates ${tol(p.withDefaultObserver.tolerableFailures)}` },
      { label: 'Without the default observer', value: `${p.withoutDefaultObserver.votingMembers} voters, tolerates ${tol(p.withoutDefaultObserver.tolerableFailures)}` },
      { label: 'Highly available', value: p.highlyAvailable ? 'yes' : 'no' },
      { label: 'Largest round trip between voters', value: p.largestRoundTripMs === null ? 'not measured' : `${p.largestRoundTripMs} ms` },
      { label: 'PoolManager lease', value: `${fmt(p.leaseDurationSeconds)} s` },
    ],
    bars: bars.map((b, i) => ({ ...b, width: Math.round((b.value / barsMax) * 240), y: i * 26 })),
    barsMax,
    dataCenterLoss: p.dataCenterLoss.map((l) => ({
      dataCenter: l.dataCenter,
      survives: l.survives,
      outcome: l.survives ? 'keeps quorum' : l.stopsManagementGroup ? 'stops: the operational database is there, so the whole management group stops' : l.membersLeft === 0 ? 'stops: no member left' : 'stops: too few votes',
      votes: `${l.votesLeft} of ${l.votesNeeded} needed, ${l.membersLeft} member(s) left`,
    })),
    capacity: p.capacity.map((c) => ({
      item: ITEM_LABELS[c.item] ?? c.item,
      total: fmt(c.total),
      limit: fmt(c.limit),
      before: c.fits ? 'fits' : 'over the limit',
      after: c.fitsAfterFailover ? 'fits' : 'over the limit',
      headroom: fmt(c.headroom),
      ok: c.fits && c.fitsAfterFailover,
    })),
    ...(p.availability ? {
      availability: {
        probability: `${(p.availability.probability * 100).toPrecision(8).replace(/\.?0+$/, '')}%`,
        nines: p.availability.nines === null ? 'always available' : `${p.availability.nines} nines`,
        assumption: p.availability.assumedAlwaysUp.length
          ? `Taken as always up (no availability given): ${p.availability.assumedAlwaysUp.join(', ')}.`
          : 'Every voter and the database carry an availability.',
      },
    } : {}),
    findings: file.findings.filter((f) => f.pool === p.name).length,
  };
}

function findingView(f: Finding, byId: ReadonlyMap<string, RuleDescriptor>): FindingView {
  const rule = byId.get(f.ruleId);
  return {
    location: `${f.file}:${f.line}:${f.column}`,
    ruleId: f.ruleId,
    message: f.message,
    ...(f.pool !== undefined ? { pool: f.pool } : {}),
    remediation: rule?.remediation ?? '',
    helpUri: rule?.helpUri ?? '',
  };
}

/** The diagram in words, for readers who cannot see it. */
function describeTopology(outcome: LintOutcome): string {
  const t = outcome.topology!;
  const parts = t.dataCenters.map((dc) => {
    const ms = t.managementServers.filter((s) => s.dataCenter === dc).length;
    const gw = t.gateways.filter((s) => s.dataCenter === dc).length;
    const db = t.database.dataCenter === dc ? ', and the operational database' : '';
    return `${dc.name}: ${ms} management server(s), ${gw} gateway(s)${db}`;
  });
  const links = t.latency.map((l) => `${l.ends[0]} to ${l.ends[1]} ${l.ms} ms`);
  return `Data centres: ${parts.join('; ')}.${links.length ? ` Measured round trips: ${links.join('; ')}.` : ''}`;
}
