/**
 * In-file suppressions, as ESLint has them:
 *   # pooltopo-disable-next-line RULE-ID[, RULE-ID...] -- reason   (the next line)
 *   # pooltopo-disable RULE-ID[, RULE-ID...] -- reason             (the whole file)
 * "The next line" means the YAML node that starts there and everything inside it, so a comment above
 * a server's or a pool's entry covers findings at any of its keys.
 * Without rule ids a directive covers every rule. A directive must give a reason; one that covers
 * nothing is reported when asked (`--report-unused-disable`). Syntax errors cannot be suppressed.
 */
import type { Finding, SuppressedFinding } from './results.js';

export interface Directive {
  readonly kind: 'next-line' | 'file';
  /** 1-based line of the comment, and column of its `#`. */
  readonly line: number;
  readonly column: number;
  /** Empty: every rule. */
  readonly ruleIds: readonly string[];
  readonly reason: string;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*pooltopo-(disable-next-line|disable)(?=$|[ \t])(.*)$/;

export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, i) => {
    if (!lineText.includes('pooltopo-disable')) return;
    const m = DIRECTIVE.exec(lineText);
    if (!m) return;
    const column = m.index + m[1]!.length + 1;
    const body = m[3]!;
    const sep = body.indexOf('--');
    const idsText = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const ruleIds = idsText.split(/[\s,]+/).filter((s) => s.length > 0);
    out.push({ kind: m[2] === 'disable' ? 'file' : 'next-line', line: i + 1, column, ruleIds, reason });
  });
  return out;
}

export interface SuppressionOutcome {
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Directives that gave no reason. */
  readonly withoutReason: Directive[];
  /** Directives (and rule ids in them) that covered no finding. */
  readonly unused: { readonly directive: Directive; readonly ruleId?: string }[];
}

/**
 * `linesOf(finding)`: the lines where the finding's node and each of its ancestors (but the
 * document itself) start; `suppressible(ruleId)`: whether a comment may hide the rule's findings.
 */
export function applyDirectives(
  findings: readonly Finding[], directives: readonly Directive[],
  linesOf: (f: Finding) => ReadonlySet<number>, suppressible: (ruleId: string) => boolean,
): SuppressionOutcome {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Map<Directive, Set<string>>();
  const nextLine = directives.some((d) => d.kind === 'next-line');
  for (const f of findings) {
    const lines = nextLine ? new Set([f.line, ...linesOf(f)]) : new Set([f.line]);
    const covering = !suppressible(f.ruleId) ? undefined : directives.find((d) =>
      (d.kind === 'file' || lines.has(d.line + 1)) && (d.ruleIds.length === 0 || d.ruleIds.includes(f.ruleId)));
    if (!covering) {
      kept.push(f);
      continue;
    }
    suppressed.push(Object.assign({}, f, { justification: covering.reason }));
    if (!used.has(covering)) used.set(covering, new Set());
    used.get(covering)!.add(f.ruleId);
  }
  const unused: SuppressionOutcome['unused'][number][] = [];
  for (const d of directives) {
    const hit = used.get(d);
    if (!hit) unused.push({ directive: d });
    else for (const id of d.ruleIds) if (!hit.has(id)) unused.push({ directive: d, ruleId: id });
  }
  return { findings: kept, suppressed, withoutReason: directives.filter((d) => d.reason === ''), unused };
}
