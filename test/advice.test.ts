/**
 * No two findings on one file give a pool opposite advice (issue 25): every example and fixture is
 * linted, its findings grouped by the pool they concern (the implied default pools, merged into one
 * finding, by the node they point at), and each group checked for pairs that contradict.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { validate } from '../src/api/validate.js';
import poolInCloud from '../src/kinds/scom/rules/pool-in-cloud.js';
import { FIXTURES, ROOT } from './fixture-files.js';

/** Rule pairs whose advice cannot both hold for one pool. */
const OPPOSITE_RULES: readonly [string, string][] = [
  ['default-observer-no-benefit', 'default-observer-disabled'], // "could be disabled" / "enable it"
  ['default-observer-database-load', 'default-observer-disabled'], // "disable it" / "enable it"
  ['default-observer-on-gateway-pool', 'default-observer-disabled'],
  ['default-observer-no-benefit', 'no-high-availability'], // "it could be disabled" beside "add members" for a pool that tolerates nothing
];

/** Words whose advice cannot both hold for one pool. */
const OPPOSITE_WORDS: readonly [RegExp, RegExp][] = [
  [/within one data centre/, /spread (its|the) voters/],
  [/could be disabled|disable it/, /enabling it would raise/],
];

describe('advice', () => {
  it('pool-in-cloud does not advise a pool of cloud servers alone, which it flags too (RPD: no pools in a cloud such as Azure)', async () => {
    const text = [
      'version: 1',
      'name: Cloud',
      'dataCenters: [{name: dc1}, {name: azure-weu, location: azure}]',
      'databases: {operational: {server: sql01, dataCenter: dc1}}',
      'managementServers: [{name: ms01, dataCenter: dc1}, {name: ms02, dataCenter: dc1}, {name: az01, dataCenter: azure-weu}, {name: az02, dataCenter: azure-weu}, {name: az03, dataCenter: azure-weu}]',
      'pools:',
      ...['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'].map(
        (p) => `  - {name: ${p}, membership: manual, members: [ms01, ms02]}`,
      ),
      '  - {name: Azure Pool, members: [az01, az02, az03], defaultObserver: false}',
      '',
    ].join('\n');
    const { result } = await lintText(text, 'cloud.yaml');
    expect(result.findings.filter((f) => f.ruleId === 'pool-in-cloud').map((f) => f.pool)).toEqual(['Azure Pool']);
    expect(poolInCloud.meta.remediation).not.toMatch(/pool of their own/);
    expect(poolInCloud.meta.remediation).toMatch(/on premises/);
  });

  it('says the default observer is worth a failure once a member leaves, where another finding asks a member to leave', async () => {
    // Three management servers, one of them also running the network pool: network-pool-not-dedicated
    // takes it out of the default pools, which then have two members, and only the default observer
    // lets two members tolerate a failure. "It could be disabled" alone, followed with that, leaves none.
    const text = [
      'version: 1',
      'name: Network',
      'databases: {operational: {server: sql01}}',
      'managementServers: [{name: ms01}, {name: ms02}, {name: ms03}]',
      'pools:',
      '  - {name: Network Pool, purpose: network, members: [ms03], defaultObserver: false}',
      '',
    ].join('\n');
    const { result } = await lintText(text, 'network.yaml');
    const leave = result.findings.find((f) => f.ruleId === 'network-pool-not-dedicated');
    expect(leave?.message).toMatch(/remove it from them/);
    const noBenefit = result.findings.filter((f) => f.ruleId === 'default-observer-no-benefit');
    expect(noBenefit.map((f) => f.messageId)).toEqual(['noBenefit']);
    expect(noBenefit[0]!.message).toMatch(/while it keeps its 3 members \(with one member fewer, the default observer is worth a failure\)/);
  });

  // A server's agents go whole to the first server of its failoverServers that is still connected
  // after the failure (FORMAT.md, "Agents after failures"): where the first is down or cut off by the
  // same failure, or the agents are another server's, the advice must name the list that sends them
  // and the server they reach. Each design with the server that has room for them, connected then.
  it.each([
    ['test/fixtures/rules/capacity-after-failover.first-failover-cut-off.fires.yaml', 'ms03'],
    ['test/fixtures/rules/capacity-after-failover.chained-gateway-past-cut-off.fires.yaml', 'gw-dmz03'],
    ['test/fixtures/rules/capacity-after-failover.cut-off-gateway.fires.yaml', 'ms01'],
    ['examples/agents-named-failover.yaml', 'ms02'],
  ])('capacity-after-failover in %s names the list that sends the agents, and following it clears the overload', async (file, room) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    const agentsFinding = async (t: string) =>
      (await lintText(t, 'design.yaml')).result.findings.find((f) => f.ruleId === 'capacity-after-failover' && f.messageId?.startsWith('agents'));
    const before = await agentsFinding(text);
    const data = before!.data as { failed: string; server: string; owner: string };
    type Entry = { name: string; agents?: number; failoverServers?: string[] };
    const doc = yaml.load(text) as { managementServers: Entry[]; gateways?: Entry[] };
    const entry = [...doc.managementServers, ...(doc.gateways ?? [])].find((s) => s.name === data.owner)!;
    // The list named is the one that sends agents to the server named: the server is in it.
    expect(entry.failoverServers).toContain(data.server);
    // The advice followed: a server with room, connected after the failure, ahead of the one they reach.
    const list = entry.failoverServers!;
    list.splice(list.indexOf(data.server), 0, room);
    // Its overload is gone: what is left, if anything, is another server's agents (in
    // agents-named-failover.yaml each of three servers sends its agents to ms04).
    const after = await agentsFinding(yaml.dump(doc));
    expect((after?.data as { owner?: string } | undefined)?.owner, after?.message).not.toBe(data.owner);
  });

  // Two management servers with 1,800 and 1,500 agents (seed 000's "Better" layout, loaded): whichever
  // fails, the other carries 3,300, over 3,000. No failover list, nor moving agents between the two,
  // can help; only a third server does (as plan says). The finding must not advise a list.
  it.each([
    ['listed', ['  - {name: ms01, agents: 1800, failoverServers: [ms02]}', '  - {name: ms02, agents: 1500, failoverServers: [ms01]}'], 1],
    ['spread', ['  - {name: ms01, agents: 2000}', '  - {name: ms02, agents: 2000}'], 1],
    ['three servers', ['  - {name: ms01, agents: 3000}', '  - {name: ms02, agents: 2900, failoverServers: [ms03]}', '  - {name: ms03, agents: 2900}'], 1],
  ] as const)('capacity-after-failover advises management servers, not a failover list, where no list can help (%s)', async (_, servers, add) => {
    const text = ['version: 1', 'name: t', 'databases: {operational: {server: sql01}}', 'managementServers:', ...servers, ''].join('\n');
    const { result } = await lintText(text, 'design.yaml');
    const finding = result.findings.find((f) => f.ruleId === 'capacity-after-failover');
    expect(finding?.messageId).toBe('agentsNoRoom');
    expect((finding!.data as { addManagementServers: number }).addManagementServers).toBe(add);
  });

  // A pool whose servers are all in one data centre spans sites only through the default observer
  // (FORMAT.md, "Data centres of a pool"): "a pool of its own per site", or a default pool made
  // manual "with the management servers of one data centre", leaves it spanning them as before.
  it.each([
    ['a pool of its own', '  - {name: Branch Pool, members: [ms03, ms04]}', 'Branch Pool'],
    ['a default pool', '  - {name: All Management Servers Resource Pool, membership: manual, members: [ms03, ms04]}', 'All Management Servers Resource Pool'],
  ])('pool-spans-data-centers does not advise splitting by site %s whose members share one data centre', async (_, pool, name) => {
    const text = [
      'version: 1',
      'name: t',
      'dataCenters: [{name: hq}, {name: branch}]',
      'databases: {operational: {server: sql01, dataCenter: hq}}',
      'managementServers:',
      '  - {name: ms01, dataCenter: hq}',
      '  - {name: ms02, dataCenter: hq}',
      '  - {name: ms03, dataCenter: branch}',
      '  - {name: ms04, dataCenter: branch}',
      'pools:',
      pool,
      '',
    ].join('\n');
    const { result } = await lintText(text, 'design.yaml');
    const finding = result.findings.find((f) => f.ruleId === 'pool-spans-data-centers' && f.pool === name);
    expect(finding?.messageId).toBe('spansByDatabase');
    expect(finding!.data).toMatchObject({ own: 'branch', database: 'hq' });
  });

  it.each(FIXTURES)('%s gives no pool opposite advice', async (file) => {
    const {
      files: [result],
    } = await validate([file], { cwd: ROOT });
    const byPool = new Map<string, { ruleId: string; message: string }[]>();
    for (const f of result!.findings) {
      const key = f.pool ?? `the pools at line ${f.line}`;
      const list = byPool.get(key) ?? [];
      list.push({ ruleId: f.ruleId, message: f.message });
      byPool.set(key, list);
    }
    for (const [pool, findings] of byPool) {
      const rules = new Set(findings.map((f) => f.ruleId));
      for (const [a, b] of OPPOSITE_RULES) expect(rules.has(a) && rules.has(b), `${pool}: ${a} beside ${b}`).toBe(false);
      for (const [a, b] of OPPOSITE_WORDS) {
        expect(findings.some((f) => a.test(f.message)) && findings.some((f) => b.test(f.message)), `${pool}: "${a.source}" beside "${b.source}"`).toBe(false);
      }
    }
  });
});
