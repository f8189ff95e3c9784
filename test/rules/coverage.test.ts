/// <reference types="vite/client" />
/**
 * Every rule has its cases, and every message id of every rule has an invalid case: the rule test
 * files (test/rules/*.test.ts) prove that each case produces the findings it names, so together no
 * message template goes untested. The tester itself must fail what it is there to catch.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import singleManagementServer from '../../src/kinds/scom/rules/single-management-server.js';
import { checkInvalid, checkValid, expectedOf, unknownMessageIds, type RuleTests } from '../support/rule-tester.js';
import { scom, TWO_SERVERS } from './scom.cases.js';

/** Every case table: each `*_CASES` export of a `*.cases.ts` beside this file (a new kind's is found, not listed). */
const TABLES: readonly RuleTests[] = Object.values(import.meta.glob<Record<string, unknown>>('./*.cases.ts', { eager: true })).flatMap((m) =>
  Object.entries(m)
    .filter(([name]) => name.endsWith('_CASES'))
    .flatMap(([, cases]) => cases as RuleTests[]),
);
const ONE_SERVER = scom('managementServers:\n  - name: ms01\n');

describe('rule cases', () => {
  it('cover every rule once', () => {
    const ids = TABLES.map((t) => t.rule.meta.id);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      'rules with two entries',
    ).toEqual([]);
    expect(
      RULES.map((r) => r.meta.id).filter((id) => !ids.includes(id)),
      'rules without cases',
    ).toEqual([]);
    // The metadata of the rules the pipeline runs (SCOM's are wrapped to merge the default pools' findings), not copies.
    for (const t of TABLES) expect(RULES.find((r) => r.meta.id === t.rule.meta.id)!.meta, t.rule.meta.id).toBe(t.rule.meta);
  });

  it.each(TABLES.map((t) => [t.rule.meta.id, t] as const))('%s: a valid case, and an invalid case for each message id', (id, t) => {
    expect(t.valid.length, `${id} has a valid case`).toBeGreaterThan(0);
    expect(unknownMessageIds(t.rule, t), `message ids ${id} does not have`).toEqual([]);
    const named = new Set(t.invalid.flatMap(expectedOf).map((e) => e.messageId));
    expect(
      Object.keys(t.rule.meta.messages).filter((m) => !named.has(m)),
      `message ids of ${id} no invalid case names`,
    ).toEqual([]);
  });
});

describe('the rule tester', () => {
  it('fails a misspelt message id rather than passing it through', async () => {
    expect(unknownMessageIds(singleManagementServer, { valid: [], invalid: [{ yaml: ONE_SERVER, messageId: 'singel' }] })).toEqual(['singel']);
    await expect(checkInvalid(singleManagementServer, { yaml: ONE_SERVER, messageId: 'singel' })).rejects.toThrow(
      /"singel" is not a message id of single-management-server/,
    );
  });

  it("fails a finding whose message id is not among its rule's", async () => {
    const renamed = { ...singleManagementServer, meta: { ...singleManagementServer.meta, messages: { alone: 'x' } } };
    await expect(checkValid(renamed, { yaml: ONE_SERVER })).rejects.toThrow(/reported "single", which is not one of its message ids/);
  });

  it('fails findings other than those listed, and data that differs', async () => {
    await expect(checkValid(singleManagementServer, { yaml: ONE_SERVER })).rejects.toThrow(/reports nothing/);
    await expect(checkInvalid(singleManagementServer, { yaml: TWO_SERVERS, messageId: 'single' })).rejects.toThrow(
      /findings of single-management-server: none/,
    );
    await expect(checkInvalid(singleManagementServer, { yaml: ONE_SERVER, messageId: 'single', data: { name: 'ms02' } })).rejects.toThrow();
    await expect(checkInvalid(singleManagementServer, { yaml: ONE_SERVER, messageId: 'single', path: '/managementServers' })).rejects.toThrow();
    await checkInvalid(singleManagementServer, { yaml: ONE_SERVER, messageId: 'single', data: { name: 'ms01' }, path: '/managementServers/0' });
  });

  it('fails a design the schema rejects, on which every other rule passes for nothing', async () => {
    await expect(checkValid(singleManagementServer, { yaml: scom('managementServers:\n  - nmae: ms01\n') })).rejects.toThrow(
      /must be read and pass the schema/,
    );
  });
});
