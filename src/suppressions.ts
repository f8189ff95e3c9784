/**
 * In-file suppressions, as ESLint has them:
 *   # pooltopo-disable-next-line RULE-ID[, RULE-ID...] -- reason   (the next line)
 *   # pooltopo-disable RULE-ID[, RULE-ID...] -- reason             (the whole file)
 * "The next line" means the YAML node that starts there and everything inside it, so a comment above
 * a server's or a pool's entry covers findings at any of its keys.
 * Without rule ids a directive covers every rule. A directive must give a reason; one that covers
 * nothing is reported when asked (`--report-unused-disable`). Syntax errors cannot be suppressed.
 */
import type { Comment } from './io/comments.js';
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

const DIRECTIVE = /^#[ \t]*pooltopo-(disable-next-line|disable)(?=$|[ \t])(.*)$/;

/**
 * The directives among a file's comments (io/comments.ts): only a comment is one, never a value
 * that looks like one, so a string in the file cannot silence its findings.
 */
export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const body = m[2]!;
    const sep = body.indexOf('--');
    const idsText = sep >= 0 ? body.slice(0, sep) : body;
    const reason = sep >= 0 ? body.slice(sep + 2).trim() : '';
    const ruleIds = idsText.split(/[\s,]+/).filter((s) => s.length > 0);
    out.push({ kind: m[1] === 'disable' ? 'file' : 'next-line', line: c.line, column: c.column, ruleIds, reason });
  }
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
  // Next-line directives by the line they cover, so that each finding looks at its own lines only
  // and many directives cost no more than many findings.
  const byLine = new Map<number, Directive[]>();
  const fileWide: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'file') {
      fileWide.push(d);
      continue;
    }
    const at = byLine.get(d.line + 1);
    if (at) at.push(d);
    else byLine.set(d.line + 1, [d]);
  }
  const covers = (d: Directive, f: Finding) => d.ruleIds.length === 0 || d.ruleIds.includes(f.ruleId);
  for (const f of findings) {
    let covering: Directive | undefined;
    if (suppressible(f.ruleId)) {
      const lines = byLine.size > 0 ? new Set([f.line, ...linesOf(f)]) : new Set([f.line]);
      // The first directive in the file's order that covers the finding, as before.
      for (const d of fileWide) if (covers(d, f)) { covering = d; break; }
      for (const line of lines) {
        for (const d of byLine.get(line) ?? []) {
          if (covers(d, f) && (!covering || d.line < covering.line || (d.line === covering.line && d.column < covering.column))) covering = d;
        }
      }
    }
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
