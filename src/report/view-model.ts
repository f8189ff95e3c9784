/**
 * What the report shows, as plain data for the templates. Every figure comes from the same analysis
 * results `validate` reports (the pool results and the analyses behind them): nothing is computed
 * twice; this module only chooses words, order and geometry.
 */
import type { LintOutcome } from '../api/lint.js';
import type { Finding } from '../kinds/results.js';
import type { KindReport } from '../core/kind.js';
import type { Headline } from '../core/headline.js';
import type { RuleDescriptor, SourceRef } from '../rules/descriptors.js';
import { SEVERITIES, atOrAbove, type Severity } from '../core/rule.js';
import type { Settings } from '../core/settings.js';
import { REGISTRY, kindPlugin } from '../kinds/registry.js';
import { messagePieces } from '../util/message.js';
import { own } from '../util/own.js';

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
    /** What is out of service now (the kind's `outage`): the summary leads with it, above the verdict of the checks. */
    readonly outage?: string;
    readonly counts: readonly { readonly label: string; readonly count: number; readonly cls: Severity | 'none' }[];
    readonly headline?: Headline;
    readonly facts: readonly { readonly label: string; readonly value: string }[];
  };
  readonly findingGroups: readonly { readonly severity: Severity; readonly title: string; readonly findings: readonly FindingView[] }[];
  readonly appendix: readonly RuleView[];
  readonly parseFailed: boolean;
  /** A kind's own section (its partial in its folder), for the kinds with one. */
  readonly kindSection?: { readonly partial: string; readonly toc: readonly { readonly anchor: string; readonly title: string }[] };
  /** That section's view model. */
  readonly kindView?: unknown;
  /** The kind's model in one sentence, for the footer. */
  readonly modelNote?: string;
}

/** Rule text in pieces: plain text, and the `code` spans the rules' metadata marks with backticks. */
export type Prose = readonly { readonly text: string; readonly code: boolean; readonly parts: readonly string[] }[];

/**
 * A text in pieces that end at a backslash (a registry key, a Windows path): a printed page, which
 * breaks a line at spaces and hyphens only, may break such a token there (<wbr>) and nowhere else.
 */
export function atBackslashes(text: string): string[] {
  return text.split(/(?<=\\)/);
}

export interface FindingView {
  readonly location: string;
  readonly ruleId: string;
  readonly message: string;
  /** The message in pieces: its `code` spans (a command, a key) shown as code, each piece ending at its backslashes, where a printed page may break it. */
  readonly messageProse: Prose;
  readonly pool?: string;
  readonly remediation: Prose;
  readonly helpUri: string;
}

/** A rule that fired, for the report's "Rules that fired". */
export interface RuleView {
  readonly id: string;
  readonly severity: Severity;
  readonly description: Prose;
  readonly rationale: Prose;
  readonly remediation: Prose;
  /** Each source's title, and its address where it has one (a link). */
  readonly sources: readonly SourceRef[];
}

export async function buildReportView(outcome: LintOutcome, options: ReportOptions): Promise<ReportView> {
  const { result } = outcome;
  const byId = new Map(options.rules.map((r) => [r.id, r]));
  // A zero is shown muted, not in its severity's colour: '0 errors' in red reads as an alarm.
  const counts = SEVERITIES.map((s) => {
    const count = result.findings.filter((f) => f.severity === s).length;
    return { label: count === 1 ? s : s === 'info' ? 'infos' : `${s}s`, count, cls: count === 0 ? ('none' as const) : s };
  });
  const failing = result.findings.some((f) => atOrAbove(f.severity, options.failOn));
  const any = result.findings.length > 0;
  const kind = await kindReportOf(outcome, options.settings);
  // Under a service out now (the kind's outage, which leads), "Passes" is said of the checks alone.
  const passes = kind?.report.outage ? 'Passes the checks' : 'Passes';
  const verdict = failing ? `Does not pass: findings at or above "${options.failOn}"` : any ? `${passes}, with findings to review` : `${passes}: no findings`;
  return {
    title: `${kind?.report.name ?? result.file}: ${kind?.report.review ?? 'topology review'}`,
    file: result.file,
    kind: result.kind ?? 'unknown',
    version: options.version,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    summary: {
      verdict,
      // A service out now is a problem whatever the checks' severities (and the exit code they give) say.
      verdictClass: failing || kind?.report.outage ? 'fail' : any ? 'warn' : 'pass',
      ...(kind?.report.outage ? { outage: kind.report.outage } : {}),
      counts,
      ...(kind?.report.headline ? { headline: kind.report.headline } : {}),
      facts: kind?.report.facts ?? [],
    },
    findingGroups: SEVERITIES.map((severity) => ({
      severity,
      title: severity === 'error' ? 'Errors' : severity === 'warning' ? 'Warnings' : 'Information',
      findings: result.findings.filter((f) => f.severity === severity).map((f) => findingView(f, byId)),
    })).filter((g) => g.findings.length > 0),
    appendix: [...new Set(result.findings.map((f) => f.ruleId))]
      .sort()
      .map((id) => byId.get(id))
      .filter((r): r is RuleDescriptor => r !== undefined)
      .map(ruleView),
    parseFailed: kind === undefined,
    ...(kind ? { kindSection: kind.section, kindView: kind.report.section } : {}),
    ...(kind?.report.modelNote ? { modelNote: kind.report.modelNote } : {}),
  };
}

/** The kind's part of the report, when the file was analysed (it has a model). */
async function kindReportOf(
  outcome: LintOutcome,
  settings: Settings,
): Promise<{ section: NonNullable<ReportView['kindSection']>; report: KindReport } | undefined> {
  const plugin = outcome.result.kind !== undefined ? kindPlugin(outcome.result.kind) : undefined;
  // The pipeline says how far it went: a kind's section needs its analyses.
  const analysed = outcome.stage === 'analysed';
  if (!plugin?.report || !analysed) return undefined;
  return { section: { partial: plugin.report.partial, toc: plugin.report.toc }, report: await plugin.report.view(outcome, settings) };
}

function findingView(f: Finding, byId: ReadonlyMap<string, RuleDescriptor>): FindingView {
  const rule = byId.get(f.ruleId);
  return {
    // The report is of one file, named in its header: line and column say where (a path repeated
    // on every row wrapped into the line number on a phone).
    location: `${f.line}:${f.column}`,
    ruleId: f.ruleId,
    message: f.message,
    messageProse: messageProse(f),
    ...(f.pool !== undefined ? { pool: f.pool } : {}),
    remediation: prose(rule?.remediation ?? ''),
    helpUri: rule?.helpUri ?? '',
  };
}

function ruleView(r: RuleDescriptor): RuleView {
  return {
    id: r.id,
    severity: r.severity,
    description: prose(r.description),
    rationale: prose(r.rationale),
    remediation: prose(r.remediation),
    sources: r.sourceRefs,
  };
}

/**
 * A finding's message in pieces, its code spans those of its rule's template: a backtick inside a
 * name must not end a command's span. A message its template and data do not make (a policy's, a
 * clipped list's) is read by its backticks, as any other prose.
 */
function messageProse(f: Finding): Prose {
  const template = f.messageId !== undefined ? own(REGISTRY.ruleById(f.ruleId)?.meta.messages, f.messageId) : undefined;
  if (template === undefined || f.data === undefined) return prose(f.message);
  const pieces = messagePieces(template, f.data);
  if (pieces.map((p) => (p.code ? `\`${p.text}\`` : p.text)).join('') !== f.message) return prose(f.message);
  return pieces.map((p) => ({ ...p, parts: atBackslashes(p.text) }));
}

/** `Run \`pooltopo simulate\` first` → the text and its code span, for the template to mark up. */
export function prose(text: string): Prose {
  return text
    .split(/`([^`]+)`/)
    .map((piece, i) => ({ text: piece, code: i % 2 === 1, parts: atBackslashes(piece) }))
    .filter((p) => p.text !== '');
}
