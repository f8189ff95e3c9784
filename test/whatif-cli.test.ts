import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

describe('pooltopo simulate', () => {
  it('exits 1 when a pool stops, 0 when every pool keeps working', async () => {
    expect((await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-frankfurt'])).code).toBe(1);
    const ok = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'SCOM-MS01']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/✔ every pool keeps working/);
  });

  it('compares repeated --down scenarios side by side, and has a JSON form', async () => {
    const r = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-frankfurt', '--down', 'scom-ms01,scom-ms02', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios.map((s: { label: string }) => s.label)).toEqual(['dc-frankfurt down', 'scom-ms01, scom-ms02 down']);
    expect(out.scenarios[1].pools.map((p: { pool: string; runs: boolean }) => [p.pool, p.runs])).toEqual([
      ['Frankfurt UNIX Linux Pool', true],
      ['All Management Servers Resource Pool', true],
      ['Notifications Resource Pool', true],
      ['AD Assignment Resource Pool', true],
    ]);
    const text = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-frankfurt', '--down', 'scom-ms01']);
    expect(text.stdout).toMatch(/Side by side:\n {2}pool +dc-frankfurt down +scom-ms01 down\n {2}Frankfurt UNIX Linux Pool +STOPS +works/);
    expect(text.stdout).toMatch(/event 15004 \(unloads its workflows\) on scom-ms02/);
  });

  it('says a lone survivor carries a pool and owns all of its instances', async () => {
    const r = await runCli(['simulate', 'examples/gateway-pool-three.yaml', '--down', 'scom-ms01']);
    expect(r.stdout).toMatch(
      /All Management Servers Resource Pool +works +2 of 3 votes, 2 needed; scom-ms02 carries it and owns all of its instances \(was 1\/2\)/,
    );
    expect(r.stdout).toMatch(/scom-gw01, scom-gw02, scom-gw03 carry it: each owns 1\/3 of its instances/);
  });

  it('shows a partition with the losing side stopping, and a pool cut off on the side without the database', async () => {
    const r = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london|dc-frankfurt']);
    expect(r.stdout).toMatch(/dc-london: 3 votes, runs here \| dc-frankfurt: 2 votes, its members there stop/);
    // The Frankfurt pool keeps its quorum in Frankfurt, but the database is in London: it runs, cut off.
    expect(r.stdout).toMatch(
      /Frankfurt UNIX Linux Pool +CUT OFF +2 of 3 votes, 2 needed; it runs on a side of the network that the operational database is not on/,
    );
    expect(r.stdout).toMatch(/dc-london: 1 vote, its members there stop \| dc-frankfurt: 2 votes, runs here/);
    expect(r.stdout).toMatch(/✖ 1 of 4 pools stops or is cut off\n$/);
    expect(r.code).toBe(1);
  });

  it('cuts the pools off, and stops the management group, when the database alone is down (no quorum events)', async () => {
    const r = await runCli(['simulate', 'examples/two-servers-separate-sql.yaml', '--down', 'scom-sql01', '--format', 'json']);
    expect(r.code).toBe(1);
    const [s] = JSON.parse(r.stdout).scenarios;
    expect(s).toMatchObject({ managementGroupWorks: false, databaseDown: true, agentLoad: [], unmonitoredAgents: 2700 });
    for (const p of s.pools) expect(p).toMatchObject({ votesAvailable: 2, keepsQuorum: true, runs: true, outcome: 'cut-off', events: [] });
  });

  it('sums up how many pools stop: of the pools in one scenario, in how many scenarios side by side', async () => {
    const side = await runCli([
      'simulate',
      'examples/stretched-two-sites.yaml',
      '--down',
      'dc-frankfurt',
      '--down',
      'scom-ms01,scom-ms02',
      '--down',
      'dc-london',
    ]);
    // dc-frankfurt stops the Frankfurt pool; scom-ms01 and scom-ms02 stop none; dc-london (with the database) all four.
    expect(side.stdout).toMatch(/✖ the management group does not work in 1 of 3 scenarios; pools stop or are cut off in 2 of 3 scenarios \(5 in all\)\n$/);
    expect((await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'scom-ms01'])).stdout).toMatch(/✔ every pool keeps working\n$/);
    expect((await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'scom-ms01', '--down', 'dc-frankfurt'])).stdout).toMatch(
      /✖ a pool stops or is cut off in 1 of 2 scenarios\n$/,
    );
  });

  it('shows where the agents go: a named failover server over its limit, agents behind a lost gateway unmonitored', async () => {
    const named = await runCli(['simulate', 'examples/agents-named-failover.yaml', '--down', 'ms01']);
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/agents: ms04 3,100 of 3,000 \(over its limit\), ms02 1,300 of 3,000, ms03 1,300 of 3,000/);
    expect(named.stdout).toMatch(/✔ every pool keeps working, but 1 server is over the agent limit\n$/);
    const chained = await runCli(['simulate', 'examples/dmz-gateways-chained-branch.yaml', '--down', 'gw-dmz01', '--format', 'json']);
    const [s] = JSON.parse(chained.stdout).scenarios;
    // gw-dmz01's 400 and the branch gateway's 250 (it reports only through gw-dmz01) have nowhere to go.
    expect(s.unmonitoredAgents).toBe(650);
    expect(s.gateways.find((g: { gateway: string }) => g.gateway === 'gw-branch01')).toMatchObject({ down: false, reportsTo: null });
    expect(s.agentLoad).toContainEqual({ server: 'ms01', agents: 1500, limit: 3000 });
    expect(s.agentMoves).toEqual([
      { server: 'gw-dmz01', agents: 400, how: 'unmonitored', to: null, passedOver: [], role: 'gateway' },
      { server: 'gw-branch01', agents: 250, how: 'unmonitored', to: null, passedOver: [], role: 'gateway' },
    ]);
  });

  it('names the server the agents reach, past the servers of their list that the failure takes too', async () => {
    // ms01 names gw01 first, and gw01 reports through ms01 alone; the branch gateways report
    // through gw-dmz01 alone, and gw-branch01 names gw-branch02 first.
    const first = 'test/fixtures/rules/capacity-after-failover.first-failover-cut-off.fires.yaml';
    const r = await runCli(['simulate', first, '--down', 'ms01']);
    expect(r.stdout).toMatch(/\n  ms01's 1,400 agents fail over to ms02, past gw01 \(cut off\)\n/);
    expect(r.stdout).toMatch(/\n  gw01's 200 agents go nowhere: it names no failover server\n/);
    const chained = 'test/fixtures/rules/capacity-after-failover.chained-gateway-past-cut-off.fires.yaml';
    const [s] = JSON.parse((await runCli(['simulate', chained, '--down', 'gw-dmz01', '--format', 'json'])).stdout).scenarios;
    expect(s.agentMoves).toContainEqual({
      server: 'gw-branch01',
      agents: 1200,
      how: 'listed',
      to: 'gw-dmz02',
      passedOver: [{ server: 'gw-branch02', state: 'cut-off' }],
      role: 'gateway',
    });
    expect(s.agentLoad).toContainEqual({ server: 'gw-dmz02', agents: 2100, limit: 2000 });
    // The data centre of the DMZ down: every server of the branch list is gone, and the agents with it.
    const dmz = await runCli(['simulate', chained, '--down', 'dmz']);
    expect(dmz.stdout).toMatch(
      /\n  gw-branch01's 1,200 agents go nowhere: every server in its failover list is down or cut off: gw-branch02 \(cut off\), gw-dmz02 \(down\)\n/,
    );
    // A management server names no failover server, yet its agents go nowhere: with the database
    // down (on ms01) no management server is connected to take a share, which is the reason to give.
    const colocated = await runCli(['simulate', 'examples/two-servers-colocated-db.yaml', '--down', 'scom-ms01']);
    expect(colocated.stdout).toMatch(/\n  scom-ms02's 900 agents go nowhere: no management server is connected to take them \(it names no failover server\)\n/);
    // Agents spread over the management servers left share one line, whoever's they are.
    expect((await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-frankfurt'])).stdout).toMatch(
      /\n  1,700 agents of scom-ms03, scom-ms04 are spread over the 2 connected management servers, as they name no failover server\n/,
    );
    const spread = await runCli(['simulate', 'examples/two-servers-agent-overload.yaml', '--down', 'scom-ms01', '--format', 'json']);
    expect(JSON.parse(spread.stdout).scenarios[0].agentMoves).toEqual([
      { server: 'scom-ms01', agents: 2100, how: 'spread', to: null, passedOver: [], spreadOver: 1, role: 'management-server' },
    ]);
  });

  it("keeps a server's agents on its side of a partition: none go to a server across it", async () => {
    // London keeps the database: Frankfurt's management servers are cut off, and their agents
    // cannot reach London's servers, so they are unmonitored rather than spread over London.
    const r = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london|dc-frankfurt', '--format', 'json']);
    const [s] = JSON.parse(r.stdout).scenarios;
    expect(s.agentLoad).toEqual([
      { server: 'scom-ms01', agents: 1300, limit: 3000 },
      { server: 'scom-ms02', agents: 1200, limit: 3000 },
    ]);
    expect(s.unmonitoredAgents).toBe(1700);
    expect(s.agentMoves).toEqual([
      { server: 'scom-ms03', agents: 900, how: 'unmonitored', to: null, passedOver: [], role: 'management-server' },
      { server: 'scom-ms04', agents: 800, how: 'unmonitored', to: null, passedOver: [], role: 'management-server' },
    ]);
    const text = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london|dc-frankfurt']);
    expect(text.stdout).toMatch(
      /\n  scom-ms03's 900 agents go nowhere: no management server is connected on its side of the partition \(it names no failover server\)\n/,
    );
    // A failover list that names a server across the partition passes it over, as it passes one cut off.
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-sides-'));
    writeFileSync(
      path.join(dir, 'branch.yaml'),
      [
        'version: 1',
        'name: B',
        'dataCenters: [{name: hq}, {name: branch}]',
        'databases: {operational: {server: sql01, dataCenter: hq}}',
        'managementServers:',
        '  - {name: ms01, dataCenter: hq, agents: 100}',
        '  - {name: ms02, dataCenter: hq}',
        '  - {name: ms03, dataCenter: branch, agents: 400, failoverServers: [ms01, ms02]}',
        'gateways:',
        '  - {name: gw01, dataCenter: branch, agents: 200, reportsTo: [ms03, ms01], failoverServers: [gw02]}',
        '  - {name: gw02, dataCenter: hq, reportsTo: [ms01]}',
        '',
      ].join('\n'),
    );
    try {
      const split = await runCli(['simulate', 'branch.yaml', '--partition', 'hq|branch', '--format', 'json', '--no-config'], { cwd: dir });
      const [b] = JSON.parse(split.stdout).scenarios;
      expect(b.unmonitoredAgents).toBe(600);
      expect(b.agentMoves).toEqual([
        {
          server: 'ms03',
          agents: 400,
          how: 'unmonitored',
          to: null,
          passedOver: [
            { server: 'ms01', state: 'other-side' },
            { server: 'ms02', state: 'other-side' },
          ],
          role: 'management-server',
        },
        { server: 'gw01', agents: 200, how: 'unmonitored', to: null, passedOver: [{ server: 'gw02', state: 'other-side' }], role: 'gateway' },
      ]);
      const words = await runCli(['simulate', 'branch.yaml', '--partition', 'hq|branch', '--no-config'], { cwd: dir });
      expect(words.stdout).toMatch(
        /\n  gw01's 200 agents go nowhere: every server in its failover list is down, cut off or across the partition: gw02 \(across the partition\)\n/,
      );
      // Without a partition nothing changes: ms03 down sends its agents to ms01, the first of its list.
      const down = await runCli(['simulate', 'branch.yaml', '--down', 'ms03', '--format', 'json', '--no-config'], { cwd: dir });
      expect(JSON.parse(down.stdout).scenarios[0].agentMoves[0]).toMatchObject({ server: 'ms03', how: 'listed', to: 'ms01' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes a clustered database down by its listener, or by losing the majority of its nodes and witness', async () => {
    const node = await runCli(['simulate', 'examples/database-cluster-three-sites.yaml', '--down', 'sql-s1', '--format', 'json']);
    expect(node.code).toBe(0);
    expect(JSON.parse(node.stdout).scenarios[0]).toMatchObject({ managementGroupWorks: true, databaseDown: false });
    const two = await runCli(['simulate', 'examples/database-cluster-three-sites.yaml', '--down', 'sql-s1,fsw01', '--format', 'json']);
    expect(two.code).toBe(1);
    expect(JSON.parse(two.stdout).scenarios[0]).toMatchObject({ managementGroupWorks: false, databaseDown: true });
    const listener = await runCli(['simulate', 'examples/database-cluster-three-sites.yaml', '--down', 'scom-ag-listener']);
    expect(listener.code).toBe(1);
    expect(listener.stdout).toMatch(/CUT OFF/);
    // A partition that leaves one node with the management servers but the other node and the witness together elsewhere.
    const split = await runCli(['simulate', 'examples/database-cluster-three-sites.yaml', '--partition', 'dc-north|dc-south,dc-witness', '--format', 'json']);
    expect(JSON.parse(split.stdout).scenarios[0]).toMatchObject({ managementGroupWorks: false });
  });

  it('takes each name once in a scenario, as first spelt', async () => {
    const r = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'scom-ms01,,SCOM-MS01']);
    expect(r.stdout.split('\n')[0]).toBe('examples/stretched-two-sites.yaml: scom-ms01 down');
  });

  it('refuses a partition that leaves a server or the database on no side', async () => {
    const db = await runCli(['simulate', 'examples/two-servers-separate-sql.yaml', '--partition', 'scom-ms01|scom-ms02']);
    expect(db).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'pooltopo: --partition "scom-ms01|scom-ms02" puts scom-sql01 (the operational database) on no side: name each server, or its data centre, on one side (use --down for what is down)\n',
    });
    const server = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london|scom-ms03']);
    expect(server.stderr).toMatch(/puts scom-ms04 on no side/);
    // A database the file does not give is taken to be in the default data centre: that must be placed too.
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-partition-'));
    writeFileSync(
      path.join(dir, 'nodb.yaml'),
      'version: 1\nname: N\ndataCenters: [{name: dc-a}, {name: dc-b}]\nmanagementServers:\n  - {name: ms01, dataCenter: dc-a}\n  - {name: ms02, dataCenter: dc-a}\n  - {name: ms03, dataCenter: dc-b}\n',
    );
    expect((await runCli(['simulate', 'nodb.yaml', '--partition', 'dc-a|dc-b', '--no-config'], { cwd: dir })).stderr).toMatch(
      /puts the operational database \(not in the file: taken to be in data centre "default"\) on no side/,
    );
    expect((await runCli(['simulate', 'nodb.yaml', '--partition', 'dc-a,default|dc-b', '--no-config'], { cwd: dir })).code).toBe(0);
  });

  it('rejects unknown names with the closest ones, and bad usage, with exit 2', async () => {
    const unknown = await runCli(['simulate', 'examples/stretched-two-sites.yaml', '--down', 'dc-frankfort']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toMatch(/"dc-frankfort" is not a server, cluster node or data centre .*did you mean "dc-frankfurt"/);
    for (const args of [
      ['simulate', 'examples/stretched-two-sites.yaml'],
      ['simulate', '--down', 'x'],
      ['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london'],
      ['simulate', 'examples/stretched-two-sites.yaml', '--partition', 'dc-london|dc-london'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('refuses a file that cannot be analysed, pointing at its first problem', async () => {
    const r = await runCli(['simulate', 'test/fixtures/rules/schema.fires.yaml', '--down', 'ms01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be analysed: test\/fixtures\/rules\/schema\.fires\.yaml:8:5: Unknown key "agent"/);
  });
});

describe('pooltopo plan', () => {
  it('plans each pool to the target and reports headroom', async () => {
    const r = await runCli(['plan', 'examples/gateway-pool-three.yaml', '--target-failures', '2', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.targetFailures).toBe(2);
    const dmz = out.pools.find((p: { pool: string }) => p.pool === 'DMZ Gateway Pool');
    expect(dmz.change).toMatchObject({
      addMembers: 2,
      addObservers: 0,
      memberRole: 'gateway',
      defaultObserver: 'keep',
      text: 'add 2 gateways in dmz reporting to scom-ms01, scom-ms02 (as scom-gw01 does): 5 members, 5 voters, tolerates 2',
      reportsTo: ['scom-ms01', 'scom-ms02'],
      dataCenter: 'dmz',
      newServers: ['NEW-GW-1', 'NEW-GW-2'],
    });
    expect(out.headroom).toMatchObject({ windowsAgents: expect.any(Number), computers: expect.any(Number) });
  });

  it('counts in words that agree with the number', async () => {
    const r = await runCli(['plan', 'examples/single-server.yaml']);
    expect(r.stdout).toMatch(/plan for 1 tolerable failure per pool\n/);
    // The implied default pools share their members: one change, one row, and the PowerShell for it.
    expect(r.stdout).toMatch(
      /the three default pools +add 1 management server: 2 members, 3 voters, tolerates 1 +\(now 1 member, 2 voters, tolerates 0\)\n +# install 1 management server \(NEW-MS-1\): automatic membership adds it to the pool\n/,
    );
    expect(r.stdout).toMatch(/Windows agents on management servers: 2,550 more/);
    expect(r.stdout).toMatch(/\n1 change needed \(one for the default pools together\)\n$/);
    const two = await runCli(['plan', 'examples/gateway-pool-three.yaml', '--target-failures', '2']);
    expect(two.stdout).toMatch(/plan for 2 tolerable failures per pool\n/);
  });

  it('never proposes a design its own validate flags: from five management servers, the default observer disabled', async () => {
    const r = await runCli(['plan', 'examples/single-server.yaml', '--target-failures', '3', '--format', 'json']);
    const ams = JSON.parse(r.stdout).pools.find((p: { pool: string }) => p.pool === 'All Management Servers Resource Pool');
    expect(ams.change).toMatchObject({ addMembers: 6, defaultObserver: 'disable', result: { members: 7, votingMembers: 7, tolerableFailures: 3 } });
    expect(ams.change.commands).toEqual([
      '# install 6 management servers (NEW-MS-1, NEW-MS-2, NEW-MS-3, NEW-MS-4, NEW-MS-5, NEW-MS-6): automatic membership adds them to the pool',
      'Get-SCOMResourcePool -DisplayName "All Management Servers Resource Pool" | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }',
    ]);
  });

  // Seed 000's "Good" layout: the database on a management server. Its pools tolerate 1 member
  // failure, yet losing that host stops them (validate's single-point-of-failure); more members do
  // not change it, and the plan must not promise the target without saying so.
  it('names the single point of failure that more members do not remove (the database on a management server)', async () => {
    for (const target of ['1', '2']) {
      const r = await runCli(['plan', 'examples/two-servers-colocated-db.yaml', '--target-failures', target, '--format', 'json']);
      const pools = JSON.parse(r.stdout).pools as { pool: string; singlePointsOfFailure?: string[] }[];
      expect(pools.map((p) => p.singlePointsOfFailure)).toEqual([['scom-ms01'], ['scom-ms01'], ['scom-ms01']]);
    }
    // A pool's own members are not listed: more members are what removes them.
    const r = await runCli(['plan', 'examples/single-server.yaml', '--format', 'json']);
    expect((JSON.parse(r.stdout).pools as { singlePointsOfFailure?: string[] }[]).every((p) => p.singlePointsOfFailure === undefined)).toBe(true);
  });

  it('takes the target from the config, and exits 0 when every pool meets it', async () => {
    const r = await runCli(['plan', 'examples/network-pool.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ every pool meets the target and the workload fits/);
    expect((await runCli(['plan', 'examples/network-pool.yaml', '--target-failures', 'two'])).code).toBe(2);
  });

  it('plans the management group too: Windows agents that do not fit after a failover, and headroom below zero', async () => {
    const r = await runCli(['plan', 'examples/two-servers-agent-overload.yaml', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.pools.every((p: { meetsTarget: boolean }) => p.meetsTarget)).toBe(true);
    // 3,900 agents on two servers of 3,000: after the busiest fails one carries them all; with three, two do.
    expect(out.headroom).toMatchObject({ windowsAgents: -900, addManagementServers: 1 });
    const text = await runCli(['plan', 'examples/two-servers-agent-overload.yaml']);
    expect(text.stdout).toMatch(
      /Management group +add 1 management server \(NEW-MS-1\) in dc-seattle and spread the Windows agents over all the management servers \(Set-SCOMParentManagementServer -Agent \.\.\. -PrimaryServer \.\.\.\): then they fit after the busiest fails\n/,
    );
    // The new server joins the default pools, whose row says so.
    expect(text.stdout).toMatch(/the three default pools +gets NEW-MS-1 \(new, for the Windows agents or other pools\): 3 members, 4 voters, tolerates 1/);
    expect(out).toMatchObject({ forAgents: ['NEW-MS-1'], forAgentsDataCenter: 'dc-seattle', newServers: { managementServers: ['NEW-MS-1'], gateways: [] } });
    // Where the pools' changes bring new management servers, the agents need no more of their own.
    const both = JSON.parse((await runCli(['plan', 'examples/two-servers-agent-overload.yaml', '--target-failures', '2', '--format', 'json'])).stdout);
    expect(both).toMatchObject({ forAgents: [], newServers: { managementServers: ['NEW-MS-1', 'NEW-MS-2'] }, headroom: { addManagementServers: 1 } });
    expect(text.stdout).toMatch(/Windows agents on management servers: 900 over/);
    expect(text.stdout).toMatch(/the management group needs more management servers; the workload does not fit \(what is over is marked above\)\n$/);
    // What validate calls capacity-exceeded is not a fitting workload either: a pool over its per-pool
    // limit, a server over its own.
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-'));
    writeFileSync(
      path.join(dir, 'net.yaml'),
      'version: 1\nname: N\nmanagementServers: [{name: a}, {name: b}, {name: c}, {name: d}]\npools:\n  - {name: Net, members: [c, d], purpose: network, workload: {networkDevices: 1500}}\n',
    );
    writeFileSync(
      path.join(dir, 'server.yaml'),
      'version: 1\nname: S\nmanagementServers: [{name: ms1, agents: 3500}, {name: ms2, agents: 100}, {name: ms3, agents: 100}]\n',
    );
    // One server over its limit needs two more, not one: with two, the busiest failing leaves one with all.
    writeFileSync(path.join(dir, 'one.yaml'), 'version: 1\nname: O\nmanagementServers: [{name: ms01, agents: 3500}]\n');
    expect(JSON.parse((await runCli(['plan', 'one.yaml', '--no-config', '--format', 'json'], { cwd: dir })).stdout).headroom.addManagementServers).toBe(2);
    for (const [file, over] of [
      ['net.yaml', /network devices in Net: 500 over/],
      ['server.yaml', /Windows agents on ms1: 500 over its 3,000/],
    ] as const) {
      const planned = await runCli(['plan', file, '--no-config'], { cwd: dir });
      expect(planned.code, file).toBe(1);
      expect(planned.stdout).toMatch(over);
      expect(planned.stdout).toMatch(/the workload does not fit \(what is over is marked above\)\n$/);
      expect(JSON.parse((await runCli(['plan', file, '--no-config', '--format', 'json'], { cwd: dir })).stdout).headroom.fits).toBe(false);
    }
    const unix = JSON.parse((await runCli(['plan', 'examples/unix-linux-pool.yaml', '--format', 'json'])).stdout);
    expect(unix.headroom.pools).toContainEqual({ pool: 'UNIX Linux Monitoring Pool', item: 'unixLinuxAgents', headroom: -600 });
  });
  /** The three default pools made manual with ms01-ms03, and a network pool of `networkMembers`: plan's JSON at 2 failures. */
  const DEFAULT_POOLS = ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'];
  const planBesideNetworkPool = async (servers: readonly string[], networkMembers: readonly string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-'));
    try {
      writeFileSync(
        path.join(dir, 'network.yaml'),
        [
          'version: 1',
          'name: N',
          `managementServers: [${servers.map((n) => `{name: ${n}}`).join(', ')}]`,
          'pools:',
          ...DEFAULT_POOLS.map((p) => `  - {name: ${p}, membership: manual, members: [ms01, ms02, ms03]}`),
          `  - {name: Network Monitoring Pool, purpose: network, members: [${networkMembers.join(', ')}], workload: {networkDevices: 900}}`,
          '',
        ].join('\n'),
      );
      return JSON.parse((await runCli(['plan', 'network.yaml', '--no-config', '--target-failures', '2', '--format', 'json'], { cwd: dir })).stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('gives pools of the same chosen members the same new servers: the default pools made manual for a network pool need one, not three', async () => {
    const out = await planBesideNetworkPool(['ms01', 'ms02', 'ms03', 'nms01', 'nms02', 'nms03'], ['nms01', 'nms02', 'nms03']);
    // One new management server in the three default pools (4 members and the default observer: 5
    // voters, 2 tolerated), one in the network pool.
    expect(out.newServers).toEqual({ managementServers: ['NEW-MS-1', 'NEW-MS-2'], gateways: [] });
    for (const p of DEFAULT_POOLS) {
      expect(out.pools.find((x: { pool: string }) => x.pool === p).change).toMatchObject({ newServers: ['NEW-MS-1'], result: { tolerableFailures: 2 } });
    }
    expect(out.pools.find((x: { pool: string }) => x.pool === 'Network Monitoring Pool').change).toMatchObject({ newServers: ['NEW-MS-2'] });
  });

  it('gives a network pool a new server of its own even beside default pools of the same members: its servers are dedicated (RPD, FE)', async () => {
    const out = await planBesideNetworkPool(['ms01', 'ms02', 'ms03'], ['ms01', 'ms02', 'ms03']);
    const newServers = (pool: string) => out.pools.find((x: { pool: string }) => x.pool === pool).change.newServers as string[];
    // The default pools still share theirs; the network pool's is in none of them (network-pool-not-dedicated).
    for (const p of DEFAULT_POOLS) expect(newServers(p)).toEqual(newServers(DEFAULT_POOLS[0]!));
    expect(newServers('Network Monitoring Pool')).toHaveLength(1);
    expect(newServers(DEFAULT_POOLS[0]!)).not.toContain(newServers('Network Monitoring Pool')[0]);
  });

  it("says the workload does not fit where validate's capacity-after-failover fires: one server overloaded after the worst single failure", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-'));
    try {
      // 6,000 agents fit on two of the three servers in total, but ms01's 2,500 spread over ms02 and
      // ms03 put 3,750 on ms02 (FORMAT.md, "Agents after failures"); a gateway's agents go whole to
      // its failover server.
      writeFileSync(
        path.join(dir, 'spread.yaml'),
        'version: 1\nname: S\nmanagementServers: [{name: ms01, agents: 2500}, {name: ms02, agents: 2500}, {name: ms03, agents: 1000}]\n',
      );
      writeFileSync(
        path.join(dir, 'gateways.yaml'),
        'version: 1\nname: G\nmanagementServers: [{name: ms01}, {name: ms02}]\ngateways:\n  - {name: gw01, agents: 1500, reportsTo: [ms01, ms02], failoverServers: [gw02]}\n  - {name: gw02, agents: 1500, reportsTo: [ms02, ms01]}\n',
      );
      writeFileSync(
        path.join(dir, 'past-first.yaml'),
        'version: 1\nname: P\nmanagementServers:\n  - {name: ms01, agents: 1400, failoverServers: [gw01, ms02]}\n  - {name: ms02, agents: 1700}\n  - {name: ms03, agents: 100}\ngateways:\n  - {name: gw01, agents: 200, reportsTo: [ms01]}\n',
      );
      for (const [file, afterFailure, line] of [
        [
          'spread.yaml',
          { failed: 'ms01', server: 'ms02', agents: 3750, limit: 3000, sentBy: { server: 'ms01', agents: 2500, how: 'spread', passedOver: [] } },
          /Windows agents on ms02 after ms01 fails \(ms01's 2,500 are spread over the management servers\): 750 over its 3,000\n/,
        ],
        [
          'gateways.yaml',
          { failed: 'gw01', server: 'gw02', agents: 3000, limit: 2000, sentBy: { server: 'gw01', agents: 1500, how: 'listed', passedOver: [] } },
          /Windows agents on gw02 after gw01 fails \(gw01's 1,500 fail over to it\): 1,000 over its 2,000\n/,
        ],
        [
          // gw01, first in ms01's list, reports through ms01 alone: cut off with it, so the agents go on to ms02.
          'past-first.yaml',
          { failed: 'ms01', server: 'ms02', agents: 3100, limit: 3000, sentBy: { server: 'ms01', agents: 1400, how: 'listed', passedOver: ['gw01'] } },
          /Windows agents on ms02 after ms01 fails \(ms01's 1,400 fail over to it, past gw01 in its failoverServers, not connected then\): 100 over its 3,000\n/,
        ],
      ] as const) {
        const validated = JSON.parse((await runCli(['validate', file, '--no-config', '--format', 'json'], { cwd: dir })).stdout);
        expect(validated.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain('capacity-after-failover');
        const planned = await runCli(['plan', file, '--no-config'], { cwd: dir });
        expect(planned.code, file).toBe(1);
        expect(planned.stdout).toMatch(line);
        expect(planned.stdout).toMatch(/the workload does not fit \(what is over is marked above\)\n$/);
        const json = JSON.parse((await runCli(['plan', file, '--no-config', '--format', 'json'], { cwd: dir })).stdout);
        expect(json.headroom).toMatchObject({ fits: false, afterFailure });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('counts the management servers for agents past what a management group supports at that limit: a handful, not billions', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-plan-'));
    try {
      // 9e12 agents would need 3e9 servers, named one by one; a management group supports 15,000
      // computers at most (SR), so servers are counted for that many and the rest must move.
      writeFileSync(path.join(dir, 'many.yaml'), 'version: 1\nname: M\nmanagementServers: [{name: ms01, agents: 9000000000000}, {name: ms02}]\n');
      const json = JSON.parse((await runCli(['plan', 'many.yaml', '--no-config', '--format', 'json', '--target-failures', '1'], { cwd: dir })).stdout);
      expect(json.headroom.fits).toBe(false);
      expect(json.headroom.addManagementServers).toBe(Math.ceil(15000 / 3000) + 1 - 2);
      const text = await runCli(['plan', 'many.yaml', '--no-config', '--target-failures', '1'], { cwd: dir });
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/enough for as many as one management group supports; the rest must move to another management group/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('simulate --event for OpCon machines whose modes conflict', () => {
  it('is refused in one line: there is no failover flow to follow', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-opcon-conflict-'));
    const file = path.join(dir, 'o.yaml');
    writeFileSync(file, 'version: 1\nkind: opcon-failover\nname: x\nmachines:\n  - {name: a, mode: Primary}\n  - {name: b, mode: StandAlone}\n');
    expect(await runCli(['simulate', 'o.yaml', '--event', 'abnormal-shutdown'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'pooltopo: "o.yaml" sets up no failover: its machines\' modes conflict (1 Primary, 0 Secondary, 1 StandAlone); pooltopo validate shows where\n',
    });
  });
});

describe('simulate and plan on a design with errors that leave it a model', () => {
  it('answer, and say on stderr that the answer is for the design as read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-errors-'));
    writeFileSync(path.join(dir, 'd.yaml'), 'version: 1\nname: D\nmanagementServers:\n  - {name: ms1}\n  - {name: MS1}\n  - {name: ms2}\n');
    const warning = (answer: string) =>
      `pooltopo: warning: "d.yaml" has 1 error, the first at 5:12: "MS1" (management server) has the same name as management server "ms1"; names are unique case-insensitively; ${answer} is for the design as read (pooltopo validate shows every problem)\n`;
    const plan = await runCli(['plan', 'd.yaml'], { cwd: dir });
    expect(plan).toMatchObject({ code: 0, stderr: warning('the plan') });
    expect(plan.stdout).toMatch(/meets the target/);
    const simulate = await runCli(['simulate', 'd.yaml', '--down', 'ms2'], { cwd: dir });
    expect(simulate.stderr).toBe(warning('the simulation'));
  });
});
