/**
 * Attacks on the kinds' newest code (OpCon's SQL Server names and simulate --down, Skype's restart
 * advice and report, SCOM's plan and diff), replayed as an attacker would, each input under
 * test/fixtures/hostile/ or generated here. Complexity is counted in operations, never timed.
 */
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, spawnCli } from '../support/run-cli.js';
import { operations } from '../support/operations.js';
import { lintText } from '../../src/api/lint.js';
import { planGroup } from '../../src/kinds/scom/analysis/plan.js';
import { limitsFor } from '../../src/kinds/scom/analysis/capacity.js';
import type { Topology } from '../../src/kinds/scom/model/types.js';

const HOSTILE = 'test/fixtures/hostile';

describe('OpCon simulate --down on a file of many machines', () => {
  it('refuses an unknown name in one bounded line: the first machines and how many more, the name clipped', async () => {
    const file = `${HOSTILE}/opcon-many-machines.yaml`;
    const run = await runCli(['simulate', '--no-config', file, '--down', `x${'y'.repeat(2000)}`], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `pooltopo: unknown machine "x${'y'.repeat(39)}…" (machines: opcon01, opcon02, __proto__, constructor, toString, hasOwnProperty, m6, m7, m8, m9 and 20 more; database servers: sqlx)\n`,
    );
  });

  it('takes prototype names as the machines they are', async () => {
    const run = await runCli(['simulate', '--no-config', `${HOSTILE}/opcon-many-machines.yaml`, '--down', '__proto__,CONSTRUCTOR', '--format', 'json'], {
      cwd: ROOT,
    });
    expect(run.code).toBe(1);
    const [event] = JSON.parse(run.stdout).events;
    expect(event.down).toEqual(['__proto__', 'constructor']);
    // __proto__'s connection is `.\OPCON`: its own SQL Server, which the Secondary opcon02's connection names (the subscriber of this replicated pair), gone with it.
    expect(event.steps[1]).toBe('The subscribing database on "__proto__\\OPCON" was on __proto__: it is gone too.');
  });
});

/** `n` manual pools, each of its own management server, each with UNIX/Linux agents that need `needs` new members. */
function poolsOfTheirOwn(n: number, needs: number): string {
  const lines = ['version: 1', 'kind: scom', 'name: Plan', 'dataCenters: [{name: dc}]', 'databases: {operational: {server: sql, dataCenter: dc}}'];
  lines.push('managementServers:', ...Array.from({ length: n }, (_, i) => `  - {name: ms${i}, dataCenter: dc}`), 'pools:');
  for (let i = 0; i < n; i++) lines.push(`  - {name: "p${i}, of ms${i}", members: [ms${i}], workload: {unixLinuxAgents: ${needs * 500}}}`);
  return `${lines.join('\n')}\n`;
}

describe('SCOM plan of many pools', () => {
  it("joins each pool's new management servers to the group in work linear in them", async () => {
    const work = async (n: number) => {
      const { topology } = (await lintText(poolsOfTheirOwn(n, 100), 'plan.yaml')) as { topology?: Topology };
      const places = { databaseDataCenter: topology!.database.dataCenter, groupSite: topology!.managementServers[0]?.dataCenter, agentServersNeeded: 0 };
      return operations(() => planGroup(topology!.pools, limitsFor(topology!.scomVersion), 1, 5, places));
    };
    const small = await work(50);
    const large = await work(200);
    expect(large / small).toBeLessThan(4 * 1.5);
  });
});

describe('SCOM plan of workloads no management group holds', () => {
  it('says so rather than naming a server for each: a valid count of 2^53 - 1 crashed the heap', async () => {
    // In a process of its own with a 512 MB heap, bounded in time: the plan that named each server never ended.
    const run = spawnCli(['plan', '--no-config', `${HOSTILE}/plan-huge-workloads.yaml`], { nodeArgs: ['--max-old-space-size=512'], timeout: 30_000 });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toContain(
      'also: 1,000,000,000,000,000 UNIX/Linux agents need more than the 100,000 members pooltopo plans (100,000,000 at most): split them over management groups; 9,007,199,254,740,991 URLs need more than the 100,000 members pooltopo plans (300,000,000 at most): split them over management groups',
    );
    // The Windows agents' servers are counted up to the 15,000 computers a management group supports
    // (SR): four more beside the two, and the rest must move to another management group.
    expect(run.stdout).toContain('enough for as many as one management group supports; the rest must move to another management group');
    expect(run.stdout).toContain('New servers in this plan, each once: NEW-MS-1, NEW-MS-2, NEW-MS-3, NEW-MS-4 (management servers)');
  });

  it('plans a pool past the bound in work that does not grow with its workload', async () => {
    const work = async (agents: number) => {
      const text = `version: 1\nkind: scom\nname: P\nmanagementServers: [{name: ms1}, {name: ms2}]\npools:\n  - {name: P, members: [ms1, ms2], workload: {unixLinuxAgents: ${agents}}}\n`;
      const { topology } = (await lintText(text, 'p.yaml')) as { topology?: Topology };
      const places = { databaseDataCenter: topology!.database.dataCenter, groupSite: topology!.managementServers[0]?.dataCenter, agentServersNeeded: 0 };
      return operations(() => planGroup(topology!.pools, limitsFor(topology!.scomVersion), 1, 5, places));
    };
    // 2 x 10^8 agents at 1,000 a server were 200,000 servers named one at a time (10^15, a billion: hours).
    expect(await work(2e8)).toBeLessThan(2 * (await work(1e3)));
  });
});
