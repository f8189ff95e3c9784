/**
 * Issue 21's attacks on the core, replayed as an attacker would (the inputs under
 * test/fixtures/hostile/): directives in values, prototype names as keys, amplified output,
 * hostile policies and inputs at scale. The fast form runs in `npm test`; `ATTACK=full` runs the
 * attacks at their full sizes.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const FULL = process.env['ATTACK'] === 'full';
const HOSTILE = 'test/fixtures/hostile';

describe('directives are comments only', () => {
  it('a directive inside a quoted value silences nothing: the findings stay and the run fails', async () => {
    const run = await runCli(['validate', '--no-config', '--format', 'json', `${HOSTILE}/directive-in-string.yaml`], { cwd: ROOT });
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.suppressed).toBeUndefined();
    expect(file.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['gateway-without-failover', 'unknown-reference']);
  });

  it('directive-looking lines in block scalars are data; a real comment beside them still works', async () => {
    const run = await runCli(['validate', '--no-config', '--format', 'json', `${HOSTILE}/directive-in-block-scalar.yaml`], { cwd: ROOT });
    expect(run.code).toBe(1);
    const [file] = JSON.parse(run.stdout).files;
    expect(file.suppressed.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['gateway-without-failover', 14]]);
    expect(file.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['gateway-without-failover', 16], ['unknown-reference', 16]]);
  });
});
