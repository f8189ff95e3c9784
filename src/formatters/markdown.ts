/**
 * A summary for people in a pull request (`$GITHUB_STEP_SUMMARY`, a merge-request comment): a
 * heading with the verdict, a table of the findings linked to their lines where the repository is
 * known, and each file's pool figures. Every cell is escaped so that no name breaks the table.
 */
import { kindPlugin } from '../kinds/registry.js';
import type { Results } from '../kinds/results.js';
import { plural } from '../core/rule.js';
import { escapeForTerminal } from '../util/text.js';

/** Where a finding's line is on the forge: `<base>/<path>#L<line>`; absent where the repository is not known. */
export interface RepositoryLinks {
  readonly base: string;
  /** GitLab writes `#L12`, GitHub too; kept apart for forges that differ. */
  readonly lineAnchor: (line: number) => string;
}

export interface MarkdownOptions {
  /** A finding's path relative to the repository's root. */
  readonly repoPath: (file: string) => string;
  readonly links?: RepositoryLinks | undefined;
}

/** A step summary is cut at 1 MiB by GitHub: the findings table stops well before that. */
export const MARKDOWN_MAX_ROWS = 1000;

/**
 * Text for one table cell: line breaks as spaces, terminal controls made visible, and every
 * character Markdown or HTML would act on escaped (a `|` ends the cell, `@name` pings someone).
 */
export function escapeMarkdownCell(s: string): string {
  return escapeForTerminal(s.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** A URL's path, each segment percent-encoded, so that a name cannot end the link. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function formatMarkdown(results: Results, options: MarkdownOptions): string {
  const { errors, warnings, infos, files } = results.summary;
  const problems = errors + warnings + infos;
  const out: string[] = [
    problems === 0
      ? `### ✅ pooltopo: no problems in ${plural(files, 'file')}`
      : `### ${errors > 0 ? '❌' : '⚠️'} pooltopo: ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}`,
    '',
  ];
  const findings = results.files.flatMap((f) => f.findings);
  if (findings.length > 0) {
    out.push('| severity | where | rule | message |', '|---|---|---|---|');
    for (const f of findings.slice(0, MARKDOWN_MAX_ROWS)) {
      const where = `${options.repoPath(f.file)}:${f.line}:${f.column}`;
      const at = options.links
        ? `[${escapeMarkdownCell(where)}](${options.links.base}/${encodePath(options.repoPath(f.file))}${options.links.lineAnchor(f.line)})`
        : escapeMarkdownCell(where);
      out.push(`| ${f.severity} | ${at} | ${escapeMarkdownCell(f.ruleId)} | ${escapeMarkdownCell(f.message)} |`);
    }
    if (findings.length > MARKDOWN_MAX_ROWS)
      out.push('', `… and ${plural(findings.length - MARKDOWN_MAX_ROWS, 'more finding')} (pooltopo validate lists them all).`);
    out.push('');
  }
  for (const file of results.files) {
    const lines = file.kind !== undefined ? (kindPlugin(file.kind)?.summary?.(file) ?? []) : [];
    if (lines.length === 0) continue;
    out.push(`#### ${escapeMarkdownCell(options.repoPath(file.file))}`, '', '| pool | figures |', '|---|---|');
    for (const l of lines) out.push(`| ${escapeMarkdownCell(l.label)} | ${escapeMarkdownCell(l.text)} |`);
    out.push('');
  }
  return out.join('\n');
}
