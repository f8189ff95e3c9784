/** Messages count in words that agree with the number: "1 management server", "0 management servers", never "(s)". */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';
import { RULES } from '../src/rules/index.js';
import { plural } from '../src/core/rule.js';
import { ROOT } from './fixture-files.js';

async function messagesOf(ruleId: string, lines: readonly string[]): Promise<string[]> {
  const { result } = await lintText([...lines, ''].join('\n'), 'x.yaml');
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
}

const SCOM = ['version: 1', 'name: t', 'databases:', '  operational: {server: sql01}'];

describe('messages', () => {
  it('have no "(s)" in any rule\'s templates', () => {
    for (const rule of RULES) {
      for (const [id, template] of Object.entries(rule.meta.messages)) expect(template, `${rule.meta.id} ${id}`).not.toMatch(/\w\(s\)/);
    }
  });

  it('plural() groups thousands like every other figure', () => {
    expect([plural(0, 'vote'), plural(1, 'vote'), plural(1200, 'vote')]).toEqual(['0 votes', '1 vote', '1,200 votes']);
  });

  it("count a gateway's management servers: none, one", async () => {
    // Two management servers: with one, the advice is to add a second (scom.cases.ts, onlyManagementServer).
    const gateways = (list: string) => [
      ...SCOM,
      'managementServers:',
      '  - name: ms01',
      '  - name: ms02',
      'gateways:',
      `  - {name: gw01, managementServers: [${list}]}`,
    ];
    expect(await messagesOf('gateway-without-failover', gateways(''))).toEqual([
      'Gateway "gw01" reports to no server, so it and its agents are cut off; name its primary and a failover server in `reportsTo`.',
    ]);
    expect(await messagesOf('gateway-without-failover', gateways('ms01'))).toEqual([
      'Gateway "gw01" reports to one management server, ms01; give it a failover server so its agents keep reporting: `Set-SCOMParentManagementServer -GatewayServer (Get-SCOMGatewayManagementServer -Name "gw01") -FailoverServer (Get-SCOMManagementServer -Name SERVER)`, and list it in `reportsTo`.',
    ]);
  });

  it('count failures, voting members, votes and members left', async () => {
    const servers = ['managementServers:', '  - name: ms01', '  - name: ms02', '  - name: ms03'];
    expect(await messagesOf('default-observer-no-benefit', [...SCOM, ...servers])).toContain(
      'Each of the default pools "All Management Servers Resource Pool", "Notifications Resource Pool" and "AD Assignment Resource Pool" tolerates 1 failure with or without its default observer while it keeps its 3 members (with one member fewer, the default observer is worth a failure); it could be disabled (`Get-SCOMResourcePool -DisplayName "All Management Servers Resource Pool", "Notifications Resource Pool", "AD Assignment Resource Pool" | ForEach-Object { $_.UseDefaultObserver = $false; $_.ApplyChanges() }`) to spare the operational database.',
    );
    const { result } = await lintText([...SCOM, ...servers, 'pools:', '  - {name: P, members: [ms01, ms02, ms03]}', ''].join('\n'), 'x.yaml', {
      settings: { targetTolerableFailures: 2 },
    });
    expect(result.findings.filter((f) => f.ruleId === 'no-high-availability').map((f) => f.message)).toContain(
      'Pool "P" tolerates 1 failure, below the target of 2 (4 voting members, 3 needed); add members.',
    );
    const lone = [
      ...SCOM,
      'managementServers:',
      '  - name: ms01',
      'gateways:',
      '  - {name: gw01, managementServers: [ms01]}',
      'pools:',
      '  - {name: G, members: [gw01], defaultObserver: false}',
    ];
    expect(await messagesOf('no-high-availability', lone)).toContain(
      'Pool "G" tolerates no failure (1 voting member, 1 needed); add members so it survives losing one.',
    );
    const split = [
      'version: 1',
      'name: t',
      'dataCenters: [{name: east}, {name: west}]',
      'databases:',
      '  operational: {server: sql01, dataCenter: east}',
      'managementServers:',
      '  - {name: ms01, dataCenter: east}',
      '  - {name: ms02, dataCenter: west}',
      '  - {name: ms03, dataCenter: west}',
      'pools:',
      '  - {name: P, members: [ms01, ms02, ms03], defaultObserver: false}',
    ];
    expect(await messagesOf('data-center-loss', split)).toContain(
      'Pool "P" stops when data centre "west" is lost: 1 vote left, 2 needed, 1 member left; keep the pool within one data centre (a pool of its own for each site), so that a site\'s loss takes only its own pool.',
    );
  });

  it('count observer-only members, affected management servers and front ends', async () => {
    const observers = [
      ...SCOM,
      'managementServers:',
      '  - name: ms01',
      '  - name: ms02',
      '  - name: ms03',
      'pools:',
      '  - {name: W, members: [ms01, ms02], observers: [ms03]}',
    ];
    expect(await messagesOf('observer-only-members', observers)).toEqual([
      'Pool "W" has 1 observer-only member (ms03), which vote but run no workflows; prefer full members.',
    ]);
    const slow = [
      'version: 1',
      'name: t',
      'dataCenters: [{name: east}, {name: west}]',
      'latency:',
      '  - {between: [east, west], ms: 7}',
      'databases:',
      '  operational: {server: sql01, dataCenter: east}',
      'managementServers:',
      '  - {name: ms01, dataCenter: west}',
      '  - {name: ms02, dataCenter: east}',
    ];
    expect((await messagesOf('database-latency-over-5ms', slow))[0]).toMatch(/\(1 management server affected\); place them near the database\.$/);
    const skype = [
      'version: 1',
      'kind: skype-pool-pair',
      'name: s',
      'productVersion: "2019"',
      'pools:',
      '  - {name: p1, site: a, edition: enterprise, users: 10, frontEnds: [fe01]}',
    ];
    expect(await messagesOf('skype/too-few-front-ends', skype)).toEqual(['Enterprise pool "p1" has 1 front end; at least 3 are recommended.']);
  });

  it("count the failures and remaining members of a pool's workload after failover", async () => {
    const two = [
      ...SCOM,
      'managementServers:',
      '  - name: ms01',
      '  - name: ms02',
      'pools:',
      '  - {name: U, members: [ms01, ms02], purpose: unix-linux, workload: {unixLinuxAgents: 1600}}',
    ];
    expect(await messagesOf('capacity-after-failover', two)).toEqual([
      'Pool "U" carries 1,600 UNIX/Linux computers: after 1 failure its one remaining member would carry them all, over the recommended limit of 1,000; add members or move part of the workload to another pool.',
    ]);
    const pool = [
      ...SCOM,
      'managementServers:',
      '  - name: ms01',
      '  - name: ms02',
      '  - name: ms03',
      'pools:',
      '  - {name: U, members: [ms01, ms02, ms03], purpose: unix-linux, workload: {unixLinuxAgents: 2500}}',
    ];
    expect(await messagesOf('capacity-after-failover', pool)).toEqual([
      'Pool "U" carries 2,500 UNIX/Linux computers: after 1 failure its 2 remaining members would carry 1,250 each, over the recommended limit of 1,000 for each; add members or move part of the workload to another pool.',
    ]);
  });

  it('count the items a schema list must have', async () => {
    const { result } = await lintText('version: 1\nname: t\nmanagementServers: []\nlatency:\n  - {between: [a], ms: 1}\n', 'x.yaml');
    expect(result.findings.filter((f) => f.ruleId === 'schema').map((f) => f.message)).toEqual([
      '`managementServers` must have at least 1 item.',
      '`latency[0].between` must have at least 2 items.',
    ]);
  });
});

/** A cmdlet or a PowerShell variable's assignment: where a command starts in a message. */
const COMMAND = /(?:\$\w+ = )?\b(?:Get|Set|Invoke|Start|Stop|Enable|Disable|Test|Move|New|Remove|Reset|Export|Import)-(?:SCOM|Cs)\w*/g;

/** The commands of a message that stand outside a `code` span, where a full stop or a comma after them would be copied with them. */
function commandsOutsideCode(message: string): string[] {
  return message
    .split('`')
    .filter((_, i) => i % 2 === 0)
    .flatMap((prose) => [...prose.matchAll(COMMAND)].map((m) => m[0]));
}

describe('commands in messages', () => {
  it('stand in `code` spans, so that the full stop or comma after one is not copied with it', async () => {
    expect(commandsOutsideCode('run `Set-SCOMResourcePool -Member X -Action Remove`.')).toEqual([]);
    expect(commandsOutsideCode('run Set-SCOMResourcePool -Member X -Action Remove.')).toEqual(['Set-SCOMResourcePool']);
    const outside: string[] = [];
    for (const rule of RULES) {
      for (const [id, template] of Object.entries(rule.meta.messages))
        for (const c of commandsOutsideCode(template)) outside.push(`${rule.meta.id}/${id}: ${c}`);
      // The rule's documentation and the report's "What to do" show code spans as code.
      for (const field of ['description', 'rationale', 'remediation'] as const)
        for (const c of commandsOutsideCode(rule.meta[field])) outside.push(`${rule.meta.id} ${field}: ${c}`);
    }
    const dirs = ['examples', 'test/fixtures/rules', 'test/fixtures/kinds'];
    let findings = 0;
    for (const dir of dirs)
      for (const f of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))) {
        const { result } = await lintText(readFileSync(path.join(ROOT, dir, f), 'utf8'), f);
        for (const finding of result.findings) {
          findings++;
          for (const c of commandsOutsideCode(finding.message)) outside.push(`${dir}/${f} ${finding.ruleId}: ${c}`);
          // A code span holds the command alone: no prose, no closing punctuation.
          for (const code of finding.message.split('`').filter((_, i) => i % 2 === 1))
            if (COMMAND.test(code)) expect(code, `${f} ${finding.ruleId}`).not.toMatch(/[,;:]$|(?<!\.)\.$/);
          COMMAND.lastIndex = 0;
        }
      }
    expect(findings).toBeGreaterThan(200);
    expect(outside).toEqual([]);
  });
});
