/**
 * The default, human format, shaped like ESLint's: findings grouped by file, `line:col  severity
 * message  rule-id`, each pool's quorum in one line, and a summary. Colour only when asked.
 */
import { kindPlugin } from '../kinds/registry.js';
import type { FileResult, Results } from '../kinds/results.js';
import { plural } from '../core/rule.js';
import { escapeForTerminal } from '../util/text.js';
import { maxOf } from '../util/extremes.js';

export interface StylishOptions {
  readonly color: boolean;
}

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof CODES;

export function formatStylish(results: Results, options: StylishOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const out: string[] = [];
  // Line by line: spread into push, a file's hundred thousand findings would overflow the stack.
  for (const file of results.files) {
    for (const line of formatFile(file, paint)) out.push(line);
    out.push('');
  }
  const { errors, warnings, infos, files, skipped } = results.summary;
  const problems = errors + warnings + infos;
  // Other tools' YAML a walk met: counted, so that a reader knows they were not linted (--debug names them).
  const skip = skipped ? ` (${plural(skipped, 'file')} skipped: not topologies)` : '';
  if (problems === 0) {
    out.push(paint('green', `✔ no problems in ${plural(files, 'file')}${skip}`));
  } else {
    const line = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}${skip}`;
    out.push(paint(errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'blue', paint('bold', line)));
  }
  return out.join('\n') + '\n';
}

function formatFile(file: FileResult, paint: (s: Style, t: string) => string): string[] {
  const lines = [paint('underline', escapeForTerminal(file.file))];
  const rows = file.findings.map((f) => ({
    at: `${f.line}:${f.column}`,
    severity: f.severity,
    message: escapeForTerminal(f.message),
    rule: f.ruleId,
  }));
  const atWidth = maxOf(
    rows.map((r) => r.at.length),
    0,
  );
  const messageWidth = Math.min(
    100,
    maxOf(
      rows.map((r) => r.message.length),
      0,
    ),
  );
  for (const r of rows) {
    const sev = r.severity === 'error' ? paint('red', 'error  ') : r.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
    lines.push(`  ${paint('dim', r.at.padEnd(atWidth))}  ${sev}  ${r.message.padEnd(messageWidth)}  ${paint('dim', r.rule)}`);
  }
  const kindLines = file.kind !== undefined ? kindPlugin(file.kind)?.summary?.(file) : undefined;
  if (kindLines && kindLines.length > 0) {
    if (rows.length > 0) lines.push('');
    const width = Math.min(60, maxOf(kindLines.map((l) => escapeForTerminal(l.label).length)));
    for (const l of kindLines) lines.push(`  ${paint('bold', escapeForTerminal(l.label).padEnd(width))}  ${escapeForTerminal(l.text)}`);
  } else if (rows.length === 0) {
    lines.push('  no pools');
  }
  return lines;
}
