/** What a rule is: its metadata beside a pure check (STYLE.md habit 1). */
import type { SourceId } from '../domain/facts.js';
import type { ModelIssue } from './model.js';

export { clip, formatFigure, formatMessage, groupThousands, MAX_MESSAGE_VALUE, plural } from '../util/message.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Whether a finding of `severity` counts against `--fail-on` set to `failOn` (at it or above). */
export function atOrAbove(severity: Severity, failOn: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export type Category =
  'format' | 'references' | 'quorum' | 'default-observer' | 'latency' | 'data-centers' | 'pool-manager' | 'membership' | 'capacity' | 'failover';

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

/** What a rule reports: a problem, as data rather than wording (the pipeline words it and places it as a finding). */
export interface Problem {
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** JSON Pointer of the node concerned. */
  readonly path: string;
  /** Point at the node's key rather than its value. */
  readonly at?: 'key' | 'value';
  /** The pool it concerns, if one. */
  readonly pool?: string;
}

/** A rule of one kind of topology: `C` is what its check sees (the kind's rule context). */
export interface Rule<C = unknown> {
  readonly meta: RuleMeta;
  /** Absent for the rules that the reading stages report (`yaml-syntax`, `schema`). */
  readonly check?: (context: C) => Iterable<Problem>;
}

/** Any rule, whatever its kind (for the rule list, docs and SARIF). */
export type AnyRule = Rule<any>;

export function defineRule<C>(rule: Rule<C>): Rule<C> {
  return rule;
}

/** Reports of the model issues that belong to one rule. */
export function* issuesOf(context: { readonly issues: readonly ModelIssue[] }, rule: ModelIssue['rule']): Iterable<Problem> {
  for (const i of context.issues) {
    if (i.rule !== rule) continue;
    yield i.at ? { messageId: i.messageId, data: i.data, path: i.path, at: i.at } : { messageId: i.messageId, data: i.data, path: i.path };
  }
}
