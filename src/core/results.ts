/** What pooltopo reports: the shapes of CLI.md's JSON output, also the library's result types. */
import type { Severity } from './rule.js';

export { MAX_FINDINGS_PER_RULE } from '../util/limits.js';

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One sentence saying what is wrong and what to do. */
  readonly message: string;
  readonly file: string;
  /** 1-based, at the YAML node concerned. */
  readonly line: number;
  readonly column: number;
  /** The pool it concerns, where one. */
  readonly pool?: string;
  /** JSON Pointer of the node concerned (not in CLI.md's table; useful to tools). */
  readonly path: string;
  /** Which of its rule's message templates the message is (absent where a finding has no template, such as a syntax error). */
  readonly messageId?: string;
  /** The values filled into the template. */
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A finding that a `# pooltopo-disable…` comment in the file suppressed, with the reason it gave. */
export interface SuppressedFinding extends Finding {
  readonly justification: string;
}

/** What every file's result has, whatever its kind. */
export interface FileResultBase {
  /** The path as given (relative to `cwd` when it was), or a text's `file`. */
  readonly file: string;
  /** In CLI.md's order: file, line, column, rule id. */
  readonly findings: readonly Finding[];
  /** Findings suppressed in the file: not counted, kept for SARIF and for review. */
  readonly suppressed?: readonly SuppressedFinding[];
}

/**
 * A file whose kind pooltopo could not tell: it could not be read or parsed, it names a kind
 * pooltopo does not know, or it names none and did not pass the schema. Its findings say why.
 */
export interface UnknownKindFileResult extends FileResultBase {
  readonly kind?: undefined;
  readonly pools: readonly [];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Files met on a directory or glob walk that are not topologies (none of any kind's top-level keys); absent when none. */
  readonly skipped?: number;
}

/** CLI.md's JSON output: `F` is the file results' type (the registry's union of every kind's, src/kinds/results.ts). */
export interface Results<F extends FileResultBase = FileResultBase> {
  readonly version: 1;
  readonly files: readonly F[];
  readonly summary: Summary;
}

export function summarise(files: readonly FileResultBase[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of files) {
    for (const x of f.findings) {
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: files.length, errors, warnings, infos };
}

/** Findings in CLI.md's order: file, line, column, ruleId (then message, so equal input gives equal output). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.pool ?? '', b.pool ?? '') || cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
