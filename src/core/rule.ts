/** What a rule is: its metadata beside a pure check (STYLE.md habit 1). */
import type { SourceId } from '../domain/facts.js';
import type { TopologyAnalysis } from '../kinds/scom/analysis/index.js';
import type { ModelIssue } from '../kinds/scom/model/normalise.js';
import type { Pool, Topology } from '../kinds/scom/model/types.js';
import type { Settings } from './settings.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether a finding of `severity` counts against `--fail-on` set to `failOn` (at it or above). */
export function atOrAbove(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export type Category =
  | 'format'
  | 'references'
  | 'quorum'
  | 'default-observer'
  | 'latency'
  | 'data-centers'
  | 'pool-manager'
  | 'membership'
  | 'capacity'
  | 'failover';

export interface RuleMeta {
  /** Stable kebab-case id. */
  readonly id: string;
  readonly severity: Severity;
  readonly category: Category;
  /** When it fires, in one line (CLI.md's table). */
  readonly description: string;
  /** Why it matters. */
  readonly rationale: string;
  /** What to do about it. */
  readonly remediation: string;
  /** Where the fact behind it comes from (DOMAIN.md's short names). */
  readonly sources: readonly SourceId[];
  /** Set where DOMAIN.md marks a fact it uses as unconfirmed: what is unconfirmed. */
  readonly unconfirmed?: string;
  /**
   * Message templates by messageId; `{{name}}` is replaced by the report's data. A count is written
   * with its noun in the data (`plural(n, 'member')`), never as "member(s)".
   */
  readonly messages: Readonly<Record<string, string>>;
  /**
   * Always at its severity: a config cannot turn it off or change it, and a comment cannot
   * suppress it; the text says why, as the end of a sentence. For a file pooltopo cannot read as a
   * topology, which must fail the run (CLI.md: a YAML syntax error or a schema violation is a
   * finding of severity `error`), and for a rule that failed (an internal error: exit code 2).
   */
  readonly fixed?: string;
}

/** One finding as a rule reports it: data, not wording. */
export interface Report {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** JSON Pointer of the node concerned. */
  readonly path: string;
  /** Point at the node's key rather than its value. */
  readonly at?: 'key' | 'value';
  /** The pool it concerns, if one. */
  readonly pool?: string;
}

export interface RuleContext {
  readonly topology: Topology;
  readonly analysis: TopologyAnalysis;
  readonly issues: readonly ModelIssue[];
  readonly settings: Settings;
}

/** A rule of one kind of topology: `C` is what its check sees (SCOM's RuleContext by default). */
export interface Rule<C = RuleContext> {
  readonly meta: RuleMeta;
  /** Absent for the rules that the reading stages report (`yaml-syntax`, `schema`). */
  readonly check?: (context: C) => Iterable<Report>;
}

/** Any rule, whatever its kind (for the rule list, docs and SARIF). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export function defineRule<C = RuleContext>(rule: Rule<C>): Rule<C> {
  return rule;
}

/** A report about a whole pool: at its entry, or at `managementServers` for an implied pool. */
export function atPool(pool: Pool, messageId: string, data: Report['data'] = {}): Report {
  return pool.implied
    ? { messageId, data: { pool: pool.name, ...data }, path: pool.path, at: 'key', pool: pool.name }
    : { messageId, data: { pool: pool.name, ...data }, path: pool.path, pool: pool.name };
}

/** Reports of the model issues that belong to one rule. */
export function* issuesOf(context: { readonly issues: readonly ModelIssue[] }, rule: ModelIssue['rule']): Iterable<Report> {
  for (const i of context.issues) {
    if (i.rule !== rule) continue;
    yield i.at ? { messageId: i.messageId, data: i.data, path: i.path, at: i.at } : { messageId: i.messageId, data: i.data, path: i.path };
  }
}

/** Templates split once into text and `{{name}}` parts: [text, name, text, name, ..., text]. */
const TEMPLATE_PARTS = new Map<string, readonly string[]>();

export function formatMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (!parts) TEMPLATE_PARTS.set(template, (parts = template.split(/\{\{(\w+)\}\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i]!;
    if (!Object.prototype.hasOwnProperty.call(data, key)) out += `{{${key}}}`;
    else {
      const value = data[key];
      out += formatFigure(typeof value === 'string' && value.length > MAX_MESSAGE_VALUE ? clipLong(value) : value);
    }
    out += parts[i + 1]!;
  }
  return out;
}

/**
 * The longest text a message shows for one value (a name is at most 255 characters, but a list of
 * names may be as long as the file): past it the value is clipped, so that no file makes one
 * message as long as it likes.
 */
export const MAX_MESSAGE_VALUE = 1000;

/** A long value clipped, without splitting a surrogate pair, saying how much was left out. */
function clipLong(text: string): string {
  let end = MAX_MESSAGE_VALUE;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${groupThousands(text.length - end)} more characters)`;
}

/** A value as a message quotes it: its first 40 characters, and an ellipsis if there were more. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `1 voter`, `3 voters`, `1,200 voters`: for counts in messages, which never say "voter(s)". */
export function plural(n: number, word: string): string {
  return `${groupThousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A value as messages write it: whole numbers with thousands separators ("3,900 agents"), the same
 * on every machine; other numbers with at most 12 significant digits, without binary noise
 * (0.9994750125, not ...5000001); anything else as its string.
 */
export function formatFigure(value: unknown): string {
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? groupThousands(value) : String(Number(value.toPrecision(12)));
}

/**
 * 12345 → "12,345", as en-US writes it, without the cost of ICU's toLocaleString. A whole number
 * past 10^21, which String() writes as "1e+23", is written out in digits as toLocaleString does:
 * its shortest digits, then zeros ("100,000,000,000,000,000,000,000").
 */
export function groupThousands(n: number): string {
  const s = wholeDigits(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length > 3 ? s.replace(/\B(?=(\d{3})+$)/g, ',') : s);
}

/** The digits of a whole number, without an exponent; anything else as String() gives it. */
function wholeDigits(n: number): string {
  const s = String(n);
  const m = /^(\d)(?:\.(\d+))?e\+(\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1]! + (m[2] ?? '');
  const exponent = Number(m[3]);
  return digits.length <= exponent + 1 ? digits.padEnd(exponent + 1, '0') : s;
}
