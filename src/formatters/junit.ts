/**
 * JUnit XML as GitLab, Jenkins (junit-10.xsd: no attribute outside it) and Azure DevOps read it, as
 * ESLint's junit formatter writes it: a <testsuite> per file, a <testcase> per finding at or above
 * --fail-on with its <failure> (Jenkins shows only a test case's first failure, so each finding is
 * its own), and one passing test case for a file with none. Findings below --fail-on go to the
 * suite's <system-out>.
 */
import type { Results } from '../kinds/results.js';
import type { RuleDescriptor } from '../rules/descriptors.js';
import { atOrAbove, type Severity } from '../core/rule.js';
import { escapeXmlForTerminal } from '../util/text.js';

export interface JunitOptions {
  /** Kept for the library's callers; the test cases are the findings. */
  readonly rules?: readonly RuleDescriptor[];
  readonly failOn: Severity;
}

export function formatJunit(results: Results, options: JunitOptions): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of results.files) {
    const failing = file.findings.filter((f) => atOrAbove(f.severity, options.failOn));
    const other = file.findings.filter((f) => !atOrAbove(f.severity, options.failOn));
    const cases =
      failing.length === 0
        ? [`    <testcase classname="${attr(file.file)}" name="${attr(file.file)}" time="0"/>`]
        : failing.map((f) =>
            [
              `    <testcase classname="${attr(file.file)}" name="${attr(`${f.ruleId} at ${f.line}:${f.column}`)}" time="0">`,
              `      <failure message="${attr(f.message)}" type="${f.severity}">${text(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`,
              '    </testcase>',
            ].join('\n'),
          );
    const out =
      other.length > 0
        ? [`    <system-out>${text(other.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.message} (${f.ruleId})`).join('\n'))}</system-out>`]
        : [];
    tests += cases.length;
    failures += failing.length;
    suites.push(
      `  <testsuite name="${attr(file.file)}" package="pooltopo" tests="${cases.length}" failures="${failing.length}" errors="0" skipped="0" time="0">\n${[...cases, ...out].join('\n')}\n  </testsuite>`,
    );
  }
  // Characters a terminal acts on as references: the same text for a parser, safe to print.
  return escapeXmlForTerminal(
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pooltopo" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.map((suite) => `${suite}\n`).join('')}</testsuites>\n`,
  );
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
