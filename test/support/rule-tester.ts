/**
 * One way to test a rule, in the manner of ESLint's RuleTester: `valid` designs on which the rule
 * reports nothing, `invalid` designs on which it reports exactly the findings listed, by message id
 * and data, never by wording (the wording is tested once, in test/messages.test.ts). Each case goes
 * through the whole pipeline (`lintText`), and only the rule's own findings are looked at.
 *
 *   ruleTester(singleManagementServer, {
 *     valid: [{ yaml: TWO_SERVERS }],
 *     invalid: [{ yaml: ONE_SERVER, messageId: 'single', data: { name: 'ms01' }, path: '/managementServers/0' }],
 *   });
 *
 * The case tables (test/rules/<kind>.cases.ts) list each rule with its cases; test/rules/<kind>.test.ts
 * runs them, and test/rules/coverage.test.ts checks that every rule and message id has its case.
 */
import { describe, expect, it } from 'vitest';
import { lintText, type LintOptions, type LintOutcome } from '../../src/index.js';
import type { Finding } from '../../src/core/results.js';
import type { AnyRule } from '../../src/core/rule.js';

/** The rules of the stages before the kind's rules: a finding of theirs means no other rule ran. */
const READING_RULES: ReadonlySet<string> = new Set(['yaml-syntax', 'schema']);

/** What a case runs: a design, the options it is linted with, the name the findings give the file. */
interface CaseBase {
  /** A short name for the test; the case's number when left out. */
  readonly name?: string;
  /** The topology's text (YAML, or JSON when `file` ends in `.json`). */
  readonly yaml: string;
  /** lintText's options: settings, rules, reportUnusedDisable. */
  readonly options?: LintOptions;
  /** The file's name (default `topology.yaml`). */
  readonly file?: string;
  /** Runs the lint inside it: to make a rule fail for internal-error, say. */
  readonly around?: (lint: () => Promise<LintOutcome>) => Promise<LintOutcome>;
}

export type ValidCase = CaseBase;

/** One finding an invalid case expects; data is compared whole when given. */
export interface ExpectedFinding {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** JSON Pointer of the node the finding is at. */
  readonly path?: string;
  readonly pool?: string;
}

/** A design on which the rule reports one finding (`messageId`...) or several (`errors`), nothing else. */
export type InvalidCase = CaseBase & (ExpectedFinding | { readonly errors: readonly ExpectedFinding[] });

export interface RuleCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

/** A rule beside its cases, as the case tables (test/rules/*.cases.ts) list them. */
export interface RuleTests extends RuleCases {
  readonly rule: AnyRule;
}

/** `cases(rule, { valid, invalid })`: a rule's entry in a case table. */
export function cases(rule: AnyRule, tests: RuleCases): RuleTests {
  return { rule, ...tests };
}

/** The findings an invalid case expects, in the order it lists them. */
export function expectedOf(c: InvalidCase): readonly ExpectedFinding[] {
  return ('errors' in c ? c.errors : [c]).map((e) => ({
    messageId: e.messageId,
    ...(e.data !== undefined ? { data: e.data } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
    ...(e.pool !== undefined ? { pool: e.pool } : {}),
  }));
}

/** The (rule id, message id) pairs the invalid cases of this run produced. */
const PRODUCED = new Map<string, Set<string>>();

export function producedMessageIds(ruleId: string): ReadonlySet<string> {
  return PRODUCED.get(ruleId) ?? new Set();
}

/**
 * The message ids a rule's cases name that its meta does not have: a misspelt id must fail the
 * test, never pass through (the pipeline would print the id itself as the message).
 */
export function unknownMessageIds(rule: AnyRule, tests: RuleCases): string[] {
  const messages = rule.meta.messages;
  return tests.invalid
    .flatMap(expectedOf)
    .map((e) => e.messageId)
    .filter((id) => !Object.hasOwn(messages, id));
}

/** Registers the rule's cases as vitest tests, in a `describe` named by its id. */
export function ruleTester(rule: AnyRule, tests: RuleCases): void {
  const id = rule.meta.id;
  const messageIds = Object.keys(rule.meta.messages);
  describe(id, () => {
    it('names only message ids the rule has', () => {
      expect(unknownMessageIds(rule, tests), `message ids of ${id} are ${messageIds.join(', ')}`).toEqual([]);
    });
    for (const [i, c] of tests.valid.entries()) it(`valid ${c.name ?? i + 1}`, () => checkValid(rule, c));
    for (const [i, c] of tests.invalid.entries()) {
      it(`invalid ${
        c.name ??
        `${i + 1} (${expectedOf(c)
          .map((e) => e.messageId)
          .join(', ')})`
      }`, () => checkInvalid(rule, c));
    }
    // Last, so after the cases above (vitest runs a file's tests in order).
    it('produces each of its message ids in an invalid case', () => {
      const missing = messageIds.filter((m) => !producedMessageIds(id).has(m));
      expect(missing, `message ids of ${id} that no invalid case produced`).toEqual([]);
    });
  });
}

/** Fails unless the rule reports nothing on the case's design. */
export async function checkValid(rule: AnyRule, c: ValidCase): Promise<void> {
  const found = await findingsOf(rule, c);
  expect(found.map(describeFinding), `${rule.meta.id} reports nothing`).toEqual([]);
}

/** Fails unless the rule reports exactly the case's findings; records the message ids it produced. */
export async function checkInvalid(rule: AnyRule, c: InvalidCase): Promise<void> {
  const id = rule.meta.id;
  const expected = expectedOf(c);
  for (const e of expected) {
    expect(
      Object.hasOwn(rule.meta.messages, e.messageId),
      `"${e.messageId}" is not a message id of ${id} (${Object.keys(rule.meta.messages).join(', ')})`,
    ).toBe(true);
  }
  const found = await findingsOf(rule, c);
  // Each finding seen only as much as its expectation says: data, path and pool where given.
  const seen = found.map((f, j) => {
    const e = expected[j];
    return {
      messageId: f.messageId,
      ...(e?.data !== undefined ? { data: f.data } : {}),
      ...(e?.path !== undefined ? { path: f.path } : {}),
      ...(e?.pool !== undefined ? { pool: f.pool } : {}),
    };
  });
  expect(seen, `the findings of ${id}: ${found.map(describeFinding).join('; ') || 'none'}`).toEqual(expected);
  let ids = PRODUCED.get(id);
  if (!ids) PRODUCED.set(id, (ids = new Set()));
  for (const f of found) ids.add(f.messageId!);
}

/**
 * The rule's own findings on a case's design, in the order the pipeline sorts them. Each must be
 * one of the rule's templates with every placeholder filled.
 */
async function findingsOf(rule: AnyRule, c: CaseBase): Promise<Finding[]> {
  const lint = () => lintText(c.yaml, c.file ?? 'topology.yaml', c.options ?? {});
  const { result } = await (c.around ? c.around(lint) : lint());
  // A design the reading stages reject reaches no rule: every other rule would pass it for nothing.
  if (!READING_RULES.has(rule.meta.id)) {
    const unread = result.findings.filter((f) => READING_RULES.has(f.ruleId));
    expect(
      unread.map((f) => `${f.ruleId} ${describeFinding(f)}`),
      'the design must be read and pass the schema',
    ).toEqual([]);
  }
  const found = result.findings.filter((f) => f.ruleId === rule.meta.id);
  for (const f of found) {
    expect(f.messageId, `a finding of ${rule.meta.id} without a message id: ${f.message}`).toBeDefined();
    expect(Object.hasOwn(rule.meta.messages, f.messageId!), `${rule.meta.id} reported "${f.messageId}", which is not one of its message ids`).toBe(true);
    expect(f.message, `a placeholder of ${rule.meta.id}'s "${f.messageId}" left unfilled`).not.toMatch(/\{\{\w+\}\}/);
  }
  return found;
}

function describeFinding(f: Finding): string {
  return `${f.messageId ?? '(no id)'} at ${f.path || '(root)'}${f.pool !== undefined ? ` pool ${f.pool}` : ''} ${JSON.stringify(f.data ?? {})}`;
}
