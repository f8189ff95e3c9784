/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run; the driver with every rule (id, name,
 * descriptions, help and helpUri, default level); results with a location relative to the working
 * directory, stable partial fingerprints, and in-source suppressions.
 */
import { createRequire } from 'node:module';
import { compareFindings, type Finding, type Results } from '../kinds/results.js';
import { stableKey } from './codeclimate.js';
import { sortedById, type RuleDescriptor } from '../rules/descriptors.js';
import type { Severity } from '../core/rule.js';

export interface SarifOptions {
  readonly rules: readonly RuleDescriptor[];
  readonly version: string;
  readonly informationUri: string;
  /** A finding's path relative to the repository's root (default: as it is). */
  readonly repoPath?: ((file: string) => string) | undefined;
  /** The repository's root as an absolute path, for `originalUriBaseIds` (default: none given). */
  readonly repoRoot?: string | undefined;
  /** Findings suppressed in the file too (GitHub opens an alert for each, whatever its suppression says). */
  readonly includeSuppressed?: boolean | undefined;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(results: Results, options: SarifOptions): string {
  const rules = sortedById(options.rules);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: unknown[] = [];
  const repoPath = options.repoPath ?? ((f: string) => f);
  for (const file of results.files) {
    const seen = new Map<string, number>();
    // Suppressed findings among the others, in CLI.md's order (file, line, column, ruleId).
    const all = [
      ...file.findings.map((f) => ({ finding: f, justification: undefined as string | undefined })),
      ...(options.includeSuppressed ? (file.suppressed ?? []) : []).map((f) => ({ finding: f as Finding, justification: f.justification })),
    ].sort((a, b) => compareFindings(a.finding, b.finding));
    for (const { finding, justification } of all) {
      const repoFile = repoPath(finding.file);
      const key = stableKey(finding, repoFile);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const ruleIndex = index.get(finding.ruleId);
      sarifResults.push({
        ruleId: finding.ruleId,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: repoFile.startsWith('/') ? { uri: artifactUri(repoFile) } : { uri: artifactUri(repoFile), uriBaseId: SRCROOT },
              region: { startLine: finding.line, startColumn: finding.column },
            },
          },
        ],
        // The key GitHub documents and reads; made of what identifies the finding, not its line or figures.
        partialFingerprints: { primaryLocationLineHash: `${sha256(key)}:${occurrence}` },
        ...(justification !== undefined ? { suppressions: [{ kind: 'inSource', justification }] } : {}),
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pooltopo',
            version: options.version,
            semanticVersion: options.version,
            informationUri: options.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: sentence(r.description) },
              fullDescription: { text: r.rationale },
              help: { text: helpText(r), markdown: helpMarkdown(r) },
              helpUri: r.helpUri,
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { tags: ['pooltopo', r.category], category: r.category },
            })),
          },
        },
        ...(options.repoRoot !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.repoRoot) } } } : {}),
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

const SRCROOT = '%SRCROOT%';

/** An absolute folder as a file: URI ending in a slash, as originalUriBaseIds requires. */
function directoryUri(dir: string): string {
  const encoded = dir
    .split(/[\\/]/)
    .map((s) => encodeURIComponent(s))
    .join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}${encoded.endsWith('/') ? '' : '/'}`;
}

/**
 * node:crypto is loaded here, when SARIF is written, not by every start: importing it costs a start
 * more than it is worth for a hash only this format uses.
 */
let crypto: typeof import('node:crypto') | undefined;
function sha256(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** A relative path as a URI reference (each segment percent-encoded); an absolute path as a file: URI. */
export function artifactUri(file: string): string {
  const absolute = file.startsWith('/');
  const encoded = file
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return absolute ? `file://${encoded}` : encoded;
}

/** A rule's name, which SARIF wants apart from its id (`schema` is named SchemaViolation, not Schema). */
function ruleName(id: string): string {
  const name = pascalCase(id);
  return name.toLowerCase() === id.toLowerCase() ? `${name}Violation` : name;
}

function pascalCase(id: string): string {
  return id
    .split(/[-/]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function sentence(text: string): string {
  const s = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

function helpText(r: RuleDescriptor): string {
  return `${sentence(r.description)}\n\nWhy: ${r.rationale}\n\nWhat to do: ${r.remediation}\n\nSource: ${r.sources.join('; ')}`;
}

function helpMarkdown(r: RuleDescriptor): string {
  return `**${r.id}**: ${sentence(r.description)}\n\n**Why.** ${r.rationale}\n\n**What to do.** ${r.remediation}\n\n**Source.** ${r.sources.join('; ')}\n\n[Documentation](${r.helpUri})`;
}
