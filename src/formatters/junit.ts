/**
 * JUnit XML as GitLab, Jenkins and Azure DevOps read it: a <testsuite> per file, a <testcase> per
 * rule checked on it, a <failure> per finding at or above --fail-on (findings below it are listed
 * in the test case's <system-out>).
 */
import type { Results } from '../results.js';
import { sortedById, type RuleDescriptor } from '../rules/descriptors.js';
import { atOrAbove, type Severity } from '../rules/types.js';
import { rulesChecked } from './checked.js';
import { escapeXmlForTerminal } from './text.js';

export interface JunitOptions {
  readonly rules: readonly RuleDescriptor[];
  readonly failOn: Severity;
}

export function formatJunit(results: Results, options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  const sorted = sortedById(options.rules);
  for (const file of results.files) {
    // rulesChecked filters or copies, so the order holds.
    const rules = rulesChecked(file, sorted);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const rule of rules) {
      const findings = file.findings.filter((f) => f.ruleId === rule.id);
      const failing = findings.filter((f) => atOrAbove(f.severity, options.failOn));
      const other = findings.filter((f) => !atOrAbove(f.severity, options.failOn));
      if (failing.length > 0) suiteFailures++;
      const body = [
        ...failing.map((f) => `      <failure message="${attr(f.message)}" type="${f.severity}">${text(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`),
        ...(other.length > 0 ? [`      <system-out>${text(other.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message}`).join('\n'))}</system-out>`] : []),
      ];
      const open = `    <testcase classname="${attr(file.file)}" name="${attr(rule.id)}" file="${attr(file.file)}" time="0"`;
      cases.push(body.length > 0 ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
    }
    tests += rules.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${attr(file.file)}" tests="${rules.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  // Characters a terminal acts on as references: the same text for a parser, safe to print.
  return escapeXmlForTerminal(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pooltopo" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.map((suite) => `${suite}\n`).join('')}</testsuites>\n`);
}

/** Characters XML 1.0 cannot hold at all, even as references: shown as a visible escape instead. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(s: string): string {
  return s.replace(NOT_XML, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

export function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
