/** `npm run new-rule -- <kind> <id>` (tools/new-rule.mjs), run into a temporary copy of the sources. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { KINDS, newRule, RULE_TYPES, ScaffoldError } from '../tools/new-rule.mjs';
import { ROOT } from './support/run-cli.js';

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'pooltopo-new-rule-'));
  cpSync(path.join(ROOT, 'src'), path.join(copy, 'src'), { recursive: true });
  cpSync(path.join(ROOT, 'test/rules'), path.join(copy, 'test/rules'), { recursive: true });
  for (const f of ['tsconfig.json', 'package.json']) cpSync(path.join(ROOT, f), path.join(copy, f));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const read = (f: string) => readFileSync(path.join(copy, f), 'utf8');

describe('new-rule', () => {
  it('writes a rule of each kind, its fixtures and their expected findings, and registers it: the sources still compile', () => {
    const made = [newRule(copy, 'scom', 'scaffold-example'), newRule(copy, 'opcon-failover', 'opcon/no-backup'), newRule(copy, 'skype', 'no-edge-pool')];
    expect(made.map((m) => m.id)).toEqual(['scaffold-example', 'opcon/no-backup', 'skype/no-edge-pool']);
    expect(made[1]!.files).toEqual([
      'src/kinds/opcon/rules/no-backup.ts',
      'test/fixtures/rules/opcon/no-backup.fires.yaml',
      'test/fixtures/rules/opcon/no-backup.quiet.yaml',
      'test/fixtures/rules/opcon/.expected/no-backup.fires.yaml',
      'test/fixtures/rules/opcon/.expected/no-backup.quiet.yaml',
      'src/kinds/opcon/index.ts',
      'test/rules/opcon.cases.ts',
    ]);
    for (const { files } of made) for (const f of files) expect(existsSync(path.join(copy, f)), f).toBe(true);

    const rule = read('src/kinds/opcon/rules/no-backup.ts');
    expect(rule).toContain("id: 'opcon/no-backup',");
    expect(rule).toContain(`from '../../../${RULE_TYPES.replace(/^src\//, '').replace(/\.ts$/, '.js')}'`);
    expect(rule).toContain('defineRule<OpconContext>({');
    expect(read('src/kinds/opcon/index.ts')).toMatch(
      /import noBackup from '\.\/rules\/no-backup\.js';\n[\s\S]*export const OPCON_RULES[\s\S]*\n\s+noBackup,\n\s*\];/,
    );
    expect(read('src/kinds/scom/rules/index.ts')).toMatch(
      /import scaffoldExample from '\.\/scaffold-example\.js';[\s\S]*\n\s+scaffoldExample,\n\s*\] as AnyRule\[\]/,
    );
    expect(read('test/fixtures/rules/skype/.expected/no-edge-pool.fires.yaml')).toMatch(
      /\nfindings:\n {2}- \{ruleId: skype\/no-edge-pool, line: 1, column: 1\}\n$/,
    );
    expect(read('test/fixtures/rules/skype/.expected/no-edge-pool.quiet.yaml')).toMatch(/\nfindings: \[\]\n$/);

    // Its cases, to complete: the quiet design as the valid case, an invalid case whose message id is still TODO.
    expect(read('test/rules/opcon.cases.ts')).toMatch(
      /import noBackup from '\.\.\/\.\.\/src\/kinds\/opcon\/rules\/no-backup\.js';[\s\S]*\n {2}cases\(noBackup, \{\n {4}valid: \[\{ yaml: `version: 1\nkind: opcon-failover\n[\s\S]*messageId: 'TODO' \}\],\n {2}\}\),\n\];\n$/,
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(copy, 'tsconfig.json'), '--noEmit'], {
      encoding: 'utf8',
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it.each(Object.keys(KINDS))('starts the %s fixtures from a file of the kind that gives no finding', async (kind) => {
    const fixture = (KINDS as Record<string, { fixture: string[] }>)[kind]!.fixture.join('\n') + '\n';
    const { result } = await lintText(fixture, 'fixture.yaml');
    expect(result.findings).toEqual([]);
  });

  it.each([
    ['scom', 'single-management-server', /a rule "single-management-server" exists already/],
    ['opcon', 'no-standby', /a rule "opcon\/no-standby" exists already/],
    ['opcon', 'opcon/no-standby', /a rule "opcon\/no-standby" exists already/],
    ['scom', 'Pool_Too_Large', /is not a rule id/],
    ['scom', '9-lives', /is not a rule id/],
    ['scom', 'a--b', /is not a rule id/],
    ['skype', '../escape', /is not a rule id/],
    ['scom', 'x'.repeat(61), /is not a rule id/],
    ['nokind', 'fine-name', /no kind "nokind"; the kinds are scom, opcon, skype/],
  ])('refuses %s %s, writing nothing', (kind, id, message) => {
    const before = read(KINDS.scom.list.file) + read(KINDS.opcon.list.file) + read(KINDS.skype.list.file);
    expect(() => newRule(copy, kind, id)).toThrow(ScaffoldError);
    expect(() => newRule(copy, kind, id)).toThrow(message);
    expect(read(KINDS.scom.list.file) + read(KINDS.opcon.list.file) + read(KINDS.skype.list.file)).toBe(before);
  });

  it('is a command: usage and refusals are exit 2 with one line', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'tools/new-rule.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run('scom')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^usage: npm run new-rule -- <kind> <id>/) });
    expect(run('scom', 'single-management-server')).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'new-rule: a rule "single-management-server" exists already\n',
    });
  });
});
