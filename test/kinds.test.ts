import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { runCli } from './support/run-cli.js';

describe('kinds', () => {
  it('reports an unknown kind as one schema finding listing the known ones', async () => {
    const { result } = await lintText('version: 1\nkind: skype\nname: x\n', 'k.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column, f.message])).toEqual([
      ['schema', 2, 7, 'Unknown kind "skype": pooltopo knows scom, skype-pool-pair, opcon-failover.'],
    ]);
    expect(result.kind).toBeUndefined();
  });

  it('gives CLI.md\'s JSON for an OpCon file: no pools, the failover figures', async () => {
    const r = await runCli(['validate', 'examples/opcon-automatic-recommended.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file).toMatchObject({ kind: 'opcon-failover', findings: [], pools: [] });
    expect(file.failover).toEqual({ scenario: 3, mode: 'automatic', primary: 'opcon01', secondary: 'opcon02', database: 'none', triggers: ['primary-abnormal-shutdown'], detectionSeconds: 30.5 });
  });

  it('checks an OpCon file against its own part of the schema', async () => {
    const { result } = await lintText('version: 1\nkind: opcon-failover\nname: x\nmachines:\n  - name: a\n    mode: Boss\nmanagementServers: []\n', 'o.yaml');
    expect(result.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([['schema', 6, 11], ['schema', 7, 1]]);
  });

  it('gives CLI.md\'s JSON for a Skype file: the Front End figures as pools', async () => {
    const r = await runCli(['validate', 'examples/skype-paired-enterprise.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.kind).toBe('skype-pool-pair');
    expect(file.pools[0]).toEqual({ name: 'pool-east.contoso.com', frontEnds: 8, startupNeeded: 6, quorumNeeded: 4, quorumFrom: 7, tolerableFailures: 3, pairedWith: 'pool-west.contoso.com', poolState: 'Active', usersAfterFailover: 25000 });
  });

  it('reads every size of DOMAIN.md\'s Front End table', async () => {
    const { frontEndRow } = await import('../src/kinds/skype/index.js');
    const table = [[2, 1, 1, 2], [3, 3, 2, 3], [4, 3, 2, 4], [5, 4, 3, 5], [6, 5, 3, 6], [7, 5, 4, 7], [8, 6, 4, 7], [9, 7, 4, 7], [10, 8, 5, 9], [11, 9, 5, 9], [12, 10, 5, 9], [16, 12, 7, 12]];
    for (const [n, startup, needed, from] of table) expect(frontEndRow(n!), `${n} front ends`).toEqual({ startupNeeded: startup, quorumNeeded: needed, quorumFrom: from });
  });

  it('lets report, simulate and plan say plainly that they draw SCOM only for now', async () => {
    for (const args of [['report', 'examples/opcon-manual-failover.yaml', '-o', '/tmp/x.html'], ['plan', 'examples/opcon-manual-failover.yaml'], ['simulate', 'examples/opcon-manual-failover.yaml', '--down', 'opcon01']]) {
      const r = await runCli(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toMatch(/kind scom only for now; "examples\/opcon-manual-failover\.yaml" is opcon-failover/);
    }
  });
});
