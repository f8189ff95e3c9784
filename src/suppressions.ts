/**
 * In-file suppressions, as ESLint has them:
 *   # pooltopo-disable-next-line RULE-ID[, RULE-ID...] -- reason   (the next line)
 *   # pooltopo-disable RULE-ID[, RULE-ID...] -- reason             (the whole file)
 * "The next line" means the YAML node that starts there and everything inside it, so a comment above
 * a server's or a pool's entry covers findings at any of its keys.
 * Without rule ids a directive covers every rule. A directive must give a reason; one that covers
 * nothing is reported when asked (`--report-unused-disable`). Syntax errors cannot be suppressed.
 */
import type { Comment } from './io/yaml/comments.js';
import type { Finding } from './results.js';

/** What a directive is matched on: the finding's rule, line and node. */
export type FindingPlace = Pick<Finding, 'ruleId' | 'line' | 'path'>;

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

/**
 * The file's directives, asked finding by finding as the findings are made, so that a finding a
 * comment covers never counts against its rule's cap (MAX_FINDINGS_PER_RULE) and one it does not
 * cover is never hidden behind those that are.
 * `linesOf(finding)`: the lines where the finding's node and each of its ancestors (but the
 * document itself) start; `suppressible(ruleId)`: whether a comment may hide the rule's findings.
 */
export class Suppressions {
  private readonly used = new Map<Directive, Set<string>>();
  // Next-line directives by the line they cover, so that each finding looks at its own lines only
  // and many directives cost no more than many findings.
  private readonly byLine = new Map<number, Directive[]>();
  private readonly fileWide: Directive[] = [];

  constructor(
    readonly directives: readonly Directive[],
    private readonly linesOf: (f: FindingPlace) => ReadonlySet<number>,
    private readonly suppressible: (ruleId: string) => boolean,
  ) {
    for (const d of directives) {
      if (d.kind === 'file') {
        this.fileWide.push(d);
        continue;
      }
      const at = this.byLine.get(d.line + 1);
      if (at) at.push(d);
      else this.byLine.set(d.line + 1, [d]);
    }
  }

  /** The first directive in the file's order that covers the finding (marked used), if any. */
  covering(f: FindingPlace): Directive | undefined {
    if (!this.suppressible(f.ruleId)) return undefined;
    const covers = (d: Directive) => d.ruleIds.length === 0 || d.ruleIds.includes(f.ruleId);
    let covering: Directive | undefined;
    for (const d of this.fileWide) {
      if (covers(d)) {
        covering = d;
        break;
      }
    }
    if (this.byLine.size > 0) {
      for (const line of new Set([f.line, ...this.linesOf(f)])) {
        for (const d of this.byLine.get(line) ?? []) {
          if (covers(d) && (!covering || d.line < covering.line || (d.line === covering.line && d.column < covering.column))) covering = d;
        }
      }
    }
    if (covering) {
      const hit = this.used.get(covering);
      if (hit) hit.add(f.ruleId);
      else this.used.set(covering, new Set([f.ruleId]));
    }
    return covering;
  }

  /** Directives that gave no reason. */
  withoutReason(): Directive[] {
    return this.directives.filter((d) => d.reason === '');
  }

  /** Directives (and rule ids in them) that covered no finding so far. */
  unused(): { readonly directive: Directive; readonly ruleId?: string }[] {
    const unused: { directive: Directive; ruleId?: string }[] = [];
    for (const d of this.directives) {
      const hit = this.used.get(d);
      if (!hit) unused.push({ directive: d });
      else for (const id of d.ruleIds) if (!hit.has(id)) unused.push({ directive: d, ruleId: id });
    }
    return unused;
  }
}
