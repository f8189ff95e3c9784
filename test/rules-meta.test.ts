/** Every rule is complete: documented, sourced, and proven by a fixture that fires it and one that does not. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../src/domain/facts.js';
import { RULES } from '../src/rules/index.js';
import { FIXTURES, readExpected } from './fixture-files.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The rule ids CLI.md requires, with their default severities (docs/CLI.md, the contract as shipped). */
const CLI_MD_RULES: Record<string, string> = Object.fromEntries(
  readFileSync(path.join(ROOT, 'docs/CLI.md'), 'utf8')
    .split('\n')
    .map((line) => /^\| `([a-z0-9/-]+)` \| (error|warning|info) \|/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

describe('rule metadata', () => {
  it('covers every rule id in CLI.md (SCOM, skype/, opcon/) with its default severity', () => {
    const ids = Object.keys(CLI_MD_RULES);
    expect(ids.length).toBeGreaterThanOrEqual(46);
    for (const id of ids) {
      const rule = RULES.find((r) => r.meta.id === id);
      expect(rule, id).toBeDefined();
      expect(rule!.meta.severity, id).toBe(CLI_MD_RULES[id]);
    }
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s is documented and sourced', (id, rule) => {
    const m = rule.meta;
    expect(m.id).toMatch(/^([a-z0-9]+\/)?[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const field of [m.description, m.rationale, m.remediation]) expect(field.length).toBeGreaterThan(20);
    expect(m.sources.length).toBeGreaterThan(0);
    for (const s of m.sources) expect(SOURCES[s], `${id} source ${s}`).toBeDefined();
    // Users see the sources (rules, the report, SARIF): each named as the public document, not by
    // the project's own copy of it (its seeds are not shipped).
    for (const s of m.sources) expect(SOURCES[s].title, `${id} source ${s}`).not.toMatch(/\bseeds?\b/i);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    const [prefix, name] = id.includes('/') ? id.split('/') : [undefined, id];
    const file = prefix
      ? [path.join(ROOT, 'src/kinds', prefix, 'rules', `${name}.ts`)]
      : [path.join(ROOT, 'src/kinds/scom/rules', `${id}.ts`), path.join(ROOT, 'src/core/rules', `${id}.ts`)];
    expect(
      file.some((f) => existsSync(f)),
      `one file per rule: ${id}`,
    ).toBe(true);
  });

  /** internal-error fires only when a rule has a bug: test/robustness.test.ts makes one fail instead. */
  const NO_FIXTURE = new Set(['internal-error']);

  it.each(RULES.map((r) => r.meta.id).filter((id) => !NO_FIXTURE.has(id)))('%s has a fixture that fires it and one that does not', (id) => {
    const firing = FIXTURES.filter((f) => readExpected(f).findings.some((x) => x.ruleId === id));
    expect(firing.length, `a fixture firing ${id}`).toBeGreaterThan(0);
    const quiet = `test/fixtures/rules/${id}.quiet.yaml`;
    expect(FIXTURES).toContain(quiet);
    expect(readExpected(quiet).findings.map((x) => x.ruleId)).not.toContain(id);
    expect(FIXTURES).toContain(`test/fixtures/rules/${id}.fires.yaml`);
    expect(readExpected(`test/fixtures/rules/${id}.fires.yaml`).findings.map((x) => x.ruleId)).toContain(id);
  });

  it('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.meta.id)).size).toBe(RULES.length);
  });
});
