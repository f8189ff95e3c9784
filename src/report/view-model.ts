/**
 * What the report shows, as plain data for the templates. Every figure comes from the same analysis
 * results `validate` reports (the pool results and the analyses behind them): nothing is computed
 * twice; this module only chooses words, order and geometry.
 */
import type { LintOutcome } from '../lint.js';
import { isScomPool, type Finding } from '../results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';
import { groupThousands, SEVERITIES, type Severity } from '../rules/types.js';
import type { Settings } from '../settings.js';
import { kindPlugin } from '../kinds/registry.js';

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
  readonly findingGroups: readonly { readonly severity: Severity; readonly title: string; readonly findings: readonly FindingView[] }[];
  readonly appendix: readonly RuleDescriptor[];
  readonly parseFailed: boolean;
  /** A kind's own section (its partial in its folder), for the kinds with one. */
  readonly kindSection?: { readonly partial: string; readonly toc: readonly { readonly anchor: string; readonly title: string }[] };
  /** That section's view model. */
  readonly kindView?: unknown;
}

export interface FindingView {
  readonly location: string;
  readonly ruleId: string;
  readonly message: string;
  readonly pool?: string;
  readonly remediation: string;
  readonly helpUri: string;
}

const fmt = groupThousands;

export async function buildReportView(outcome: LintOutcome, options: ReportOptions): Promise<ReportView> {
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
    findingGroups: SEVERITIES.map((severity) => ({
      severity,
      title: severity === 'error' ? 'Errors' : severity === 'warning' ? 'Warnings' : 'Information',
      findings: result.findings.filter((f) => f.severity === severity).map((f) => findingView(f, byId)),
    })).filter((g) => g.findings.length > 0),
    appendix: [...new Set(result.findings.map((f) => f.ruleId))].sort().map((id) => byId.get(id)).filter((r): r is RuleDescriptor => r !== undefined),
    parseFailed: result.pools.length === 0 && !outcome.skype && !outcome.opcon,
    ...(await kindSectionOf(outcome, options.settings)),
  };
}

/** The kind's own section (its partial and view model), when the file was analysed. */
async function kindSectionOf(outcome: LintOutcome, settings: Settings): Promise<Pick<ReportView, 'kindSection' | 'kindView'>> {
  const report = outcome.result.kind !== undefined ? kindPlugin(outcome.result.kind)?.report : undefined;
  if (!report || (!outcome.topology && !outcome.skype && !outcome.opcon)) return {};
  return { kindSection: { partial: report.partial, toc: report.toc }, kindView: await report.view(outcome, settings) };
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

