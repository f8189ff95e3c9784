/**
 * GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=RULE::message` (or
 * `::warning`, `::notice`) per finding, escaped as the runner requires.
 */
import type { Results } from '../kinds/results.js';
import type { Severity } from '../core/rule.js';
import { escapeForTerminal } from '../util/text.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: %, CR and LF are encoded. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `repoPath`: a finding's path from the repository's root, where the runner resolves `file=`. */
export function formatGithub(results: Results, repoPath: (file: string) => string = (f) => f): string {
  const lines: string[] = [];
  for (const file of results.files) {
    for (const f of file.findings) {
      // The runner prints the log raw: a control sequence in a name would act on the reader's
      // terminal, so names and messages are escaped as stylish escapes them.
      const props = `file=${escapeProperty(escapeForTerminal(repoPath(f.file)))},line=${f.line},col=${f.column},title=${escapeProperty(escapeForTerminal(f.ruleId))}`;
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(escapeForTerminal(f.message))}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
