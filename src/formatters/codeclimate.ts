/**
 * GitLab's Code Quality report: a JSON array of issues with `description`, `check_name`,
 * `fingerprint`, `severity` and `location.path` (relative to the repository's root) with
 * `location.lines.begin`, as GitLab's documentation lists the fields it reads.
 */
import { createRequire } from 'node:module';
import type { Finding, Results } from '../kinds/results.js';
import type { Severity } from '../core/rule.js';

export interface CodeClimateOptions {
  readonly repoPath: (file: string) => string;
}

const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * What identifies a finding across commits: its rule, file, pool and message id (not its line or
 * the figures in its message), numbered where several share them, so that GitLab sees it as the
 * same issue after an edit.
 */
export function stableKey(f: Finding, file: string): string {
  return [f.ruleId, file, f.pool ?? '', f.messageId ?? f.message, f.messageId !== undefined ? f.path : ''].join('\u0000');
}

export function formatCodeClimate(results: Results, options: CodeClimateOptions): string {
  const issues: unknown[] = [];
  for (const file of results.files) {
    const seen = new Map<string, number>();
    const repoFile = options.repoPath(file.file);
    for (const f of file.findings) {
      const key = stableKey(f, repoFile);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      issues.push({
        type: 'issue',
        description: f.message,
        check_name: f.ruleId,
        categories: ['Bug Risk'],
        fingerprint: md5(`${key}\u0000${n}`),
        severity: SEVERITY[f.severity],
        location: { path: repoFile, lines: { begin: f.line } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}

// Loaded when this format is written, not by every start (as sarif.ts does).
let crypto: typeof import('node:crypto') | undefined;
function md5(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('md5').update(text).digest('hex');
}
