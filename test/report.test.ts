/** The report without a browser: escaping, determinism, no scripts or remote loads, contrast, exit codes. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateOutcomes } from '../src/api/validate.js';
import { describeRule } from '../src/rules/descriptors.js';
import { RULES } from '../src/rules/index.js';
import { buildReportView } from '../src/report/view-model.js';
import { weakestPoolHeadline } from '../src/core/headline.js';
import { scomReportView } from '../src/kinds/scom/report/report.js';
import { renderReport } from '../src/report/render.js';
import { DEFAULT_SETTINGS } from '../src/core/settings.js';
import { ROOT, runCli } from './support/run-cli.js';

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</title><h1>x', '{{constructor}}', '\'; x="y" & <svg onload=alert(1)>'];
let dir: string;

const options = { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error' as const, version: 'test' };

async function reportOf(text: string, file = 'hostile.yaml'): Promise<string> {
  const [outcome] = await validateOutcomes([{ file, text }]);
  return renderReport(await buildReportView(outcome!, options));
}

function hostileTopology(): string {
  const q = JSON.stringify;
  return [
    'version: 1',
    `name: ${q(HOSTILE.join(' '))}`,
    'dataCenters:',
    `  - name: ${q(HOSTILE[1])}`,
    `  - name: ${q(HOSTILE[2])}`,
    'latency:',
    `  - between: [${q(HOSTILE[1])}, ${q(HOSTILE[2])}]`,
    '    ms: 24',
    'databases:',
    '  operational:',
    `    server: ${q(HOSTILE[3])}`,
    `    dataCenter: ${q(HOSTILE[1])}`,
    'managementServers:',
    `  - name: ${q(HOSTILE[0])}`,
    `    dataCenter: ${q(HOSTILE[1])}`,
    `  - name: ${q(HOSTILE[4])}`,
    `    dataCenter: ${q(HOSTILE[2])}`,
    'gateways:',
    `  - name: ${q(`gw ${HOSTILE[1]}`)}`,
    `    dataCenter: ${q(HOSTILE[2])}`,
    `    managementServers: [${q(HOSTILE[0])}]`,
    'pools:',
    `  - name: ${q(HOSTILE.join('|'))}`,
    `    members: [${q(HOSTILE[0])}, ${q(HOSTILE[4])}]`,
    `  - name: ${q(`gateways ${HOSTILE[0]}`)}`,
    `    members: [${q(`gw ${HOSTILE[1]}`)}]`,
    '',
  ].join('\n');
}

/** A Skype pair and an OpCon pair with hostile names, for the kinds' own tables. */
function hostileOthers(): string[] {
  const q = JSON.stringify;
  const skype = [
    'version: 1',
    'kind: skype-pool-pair',
    `name: ${q(HOSTILE[0])}`,
    'productVersion: "2015"',
    'pools:',
    ...[HOSTILE[1], HOSTILE[4]].flatMap((name, i) => [
      `  - name: ${q(name)}`,
      '    edition: enterprise',
      `    operatingSystem: ${q(HOSTILE[2])}`,
      '    users: 100',
      '    maxUsers: 150',
      `    frontEnds: [${q(`fe${i}a ${HOSTILE[0]}`)}, ${q(`fe${i}b`)}, ${q(`fe${i}c`)}]`,
      '    poolState: Active',
      `    backupService: {exportStatus: ${q(HOSTILE[3])}, importStatus: ${q(HOSTILE[1])}}`,
    ]),
    'pairs:',
    `  - [${q(HOSTILE[1])}, ${q(HOSTILE[4])}]`,
    '',
  ].join('\n');
  const opcon = [
    'version: 1',
    'kind: opcon-failover',
    `name: ${q(HOSTILE[4])}`,
    'machines:',
    `  - {name: ${q(HOSTILE[0])}, mode: Primary}`,
    `  - {name: ${q(HOSTILE[1])}, mode: Secondary, settings: {PrimaryMachine: ${q(HOSTILE[0])}, PrimaryAbnormalShutdownFailover: Y, PrimaryAbnormalShutdownScript: ${q(HOSTILE[2])}}}`,
    '',
  ].join('\n');
  return [skype, opcon];
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report', () => {
  it.each([
    ['scom', 0],
    ['skype', 1],
    ['opcon', 2],
  ] as const)('shows hostile names as text in every context (%s)', async (kind, i) => {
    const html = await reportOf([hostileTopology(), ...hostileOthers()][i]!);
    // Each kind's own tables are there to be checked: the gateways, the sizing, the settings.
    expect(html).toContain({ scom: 'class="gateways"', skype: 'class="figures-wide sizing"', opcon: 'class="figures machine-settings"' }[kind]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/<svg onload/i);
    expect(html).not.toMatch(/<h1>x/);
    // Every title (the page's, the diagram's, the tooltips of cut labels) closes itself, and only once.
    expect(html.match(/<\/title>/g)!.length).toBe(html.match(/<title[^>]*>[^<]*<\/title>/g)!.length);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    if (kind !== 'opcon') expect(html).toContain('{{constructor}}');
    // Every attribute value is quoted and holds no raw quote or angle bracket from the input.
    for (const m of html.matchAll(/\s[\w:-]+="([^"]*)"/g)) expect(m[1]).not.toMatch(/[<>]/);
  });

  it('shows bidirectional and invisible characters in names escaped, as the terminal does', async () => {
    const html = await reportOf('version: 1\nname: "Spoof\\u202Eevil"\nmanagementServers:\n  - name: "ms04\\u202Eevil"\n  - name: "ms\\u200B05"\n');
    expect(html).not.toMatch(/[\u202E\u200B]/);
    expect(html).toContain('ms04\\u{202E}evil');
    expect(html).toContain('ms\\u{200B}05');
    // The markup's own line breaks are left alone.
    expect(html.split('\n').length).toBeGreaterThan(50);
  });

  it("shows a finding's command as code whole where a name in it holds a backtick, the name kept as written", async () => {
    const html = await reportOf(
      'version: 1\nkind: scom\nname: t\nmanagementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\n  - name: ms04\npools:\n  - name: Web `Pool $x\n    membership: manual\n    members: [ms01, ms02, ms03]\n',
    );
    const row = html.split('\n').find((line) => line.includes('UseDefaultObserver'))!;
    // The name's own backtick neither ends nor starts a code span: the command is copied as PowerShell reads it.
    expect(row).toContain('<td>Pool &quot;Web &#x60;Pool $x&quot; tolerates 1 failure');
    expect(row).toContain(
      '(<code>Get-SCOMResourcePool -DisplayName &#x27;Web &#x60;Pool $x&#x27; | ForEach-Object { $_.UseDefaultObserver &#x3D; $false; $_.ApplyChanges() }</code>)',
    );
  });

  it('escapes hostile names in the Skype and OpCon sections too', async () => {
    const q = JSON.stringify;
    const skype = await reportOf(
      `version: 1\nkind: skype-pool-pair\nname: ${q(HOSTILE[0])}\npools:\n  - {name: ${q(HOSTILE[1])}, frontEnds: [${q(HOSTILE[2])}]}\n  - {name: ${q(HOSTILE[3])}, frontEnds: [${q(HOSTILE[4])}]}\npairs:\n  - [${q(HOSTILE[1])}, ${q(HOSTILE[3])}]\n`,
    );
    const opcon = await reportOf(
      `version: 1\nkind: opcon-failover\nname: ${q(HOSTILE[0])}\nmachines:\n  - {name: ${q(HOSTILE[1])}, mode: StandAlone}\n  - {name: ${q(HOSTILE[4])}, mode: StandAlone}\n`,
    );
    for (const html of [skype, opcon]) {
      expect(html).not.toMatch(/<script|<img|<svg onload|\son\w+\s*=/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect(skype).toMatch(/<svg [^>]*class="topology-svg"/);
    expect(opcon).toMatch(/What each event does/);
  });

  it('says an OpCon database without replication is one shared database, not "none"', async () => {
    const opcon = (replication: string) =>
      reportOf(
        `version: 1\nkind: opcon-failover\nname: O\ndatabase: {replication: ${replication}}\nmachines:\n  - {name: a, mode: StandAlone}\n  - {name: b, mode: StandAlone}\n`,
      );
    expect(await opcon('none')).toContain('<dt>Database</dt><dd>one, shared (no replication)</dd>');
    expect(await opcon('replicated')).toContain('<dt>Database</dt><dd>replicated (publisher on the Primary, subscriber on the Secondary)</dd>');
  });

  it("draws every pool's bars to one scale, so equal figures have equal bars", async () => {
    const text =
      'version: 1\nname: T\nmanagementServers: [{name: a}, {name: b}, {name: c}, {name: d}, {name: e}]\npools:\n  - {name: Small, members: [a, b]}\n  - {name: Large, members: [a, b, c, d, e]}\n';
    const [outcome] = await validateOutcomes([{ file: 't.yaml', text }]);
    const view = scomReportView(outcome!, DEFAULT_SETTINGS);
    const scales = new Set(view.pools.map((p) => p.barsMax));
    expect([...scales]).toEqual([Math.max(...view.pools.flatMap((p) => p.bars.map((b) => b.value)))]);
    const widthOf = new Map<number, Set<number>>();
    for (const b of view.pools.flatMap((p) => p.bars)) widthOf.set(b.value, (widthOf.get(b.value) ?? new Set()).add(b.width));
    for (const widths of widthOf.values()) expect(widths.size).toBe(1);
    expect(widthOf.size).toBeGreaterThan(1);
  });

  it('shows every pool membership in the diagram: "+N" for a server in more pools than fit, named in its title', async () => {
    const pools = [1, 2, 3, 4].map((i) => `  - {name: Pool ${i}, members: [ms01, scom-management-server-02]}`).join('\n');
    const html = await reportOf(`version: 1\nname: Many pools\nmanagementServers:\n  - name: ms01\n  - name: scom-management-server-02\npools:\n${pools}\n`);
    const badges = [...html.matchAll(/<g class="badge c(\d)"><title>([^<]*)<\/title>.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => [m[1], m[3], m[2]]);
    // Each server is in the three default pools and four of its own, seven in all. The badges share
    // the sublabel's line ("0 agents" where the role does not fit beside them), which leaves room
    // for four (P1 to P3 and "+4") whatever the name: a long name wraps above them.
    expect(badges).toHaveLength(4 + 4);
    expect(badges.slice(0, 4).map(([, text]) => text)).toEqual(['P1', 'P2', 'P3', '+4']);
    expect(badges.slice(4).map(([, text]) => text)).toEqual(['P1', 'P2', 'P3', '+4']);
    expect(badges[0]).toEqual(['0', 'P1', 'P1 Pool 1']);
    expect(badges[3]).toEqual([
      '8',
      '+4',
      'Also in P4 Pool 4, P5 All Management Servers Resource Pool, P6 Notifications Resource Pool, P7 AD Assignment Resource Pool',
    ]);
    expect(badges[7]![2]).toMatch(/^Also in P4 Pool 4, P5 /);
    expect(html).toContain('("+N": in N more pools, named when the badge is pointed at, and listed under each pool)');
    // A server in three pools or fewer shows them all, and the caption says nothing of "+N".
    expect(await reportOf('version: 1\nname: Few\nmanagementServers:\n  - name: ms01\n')).not.toContain('"+N"');
  });

  it('lists each gateway with its primary and failover management servers and its pools, marked as gateway-without-failover finds it', async () => {
    const [outcome] = await validateOutcomes(['examples/gateway-pool-three.yaml'], { cwd: ROOT });
    const view = scomReportView(outcome!, DEFAULT_SETTINGS);
    expect(
      view.gateways.map((g) => [g.name, g.dataCenter, g.agents, g.primary, g.failover, g.noFailover, g.pools.map((p) => `P${p.number} ${p.name}`)]),
    ).toEqual([
      ['scom-gw01', 'dmz', '300', 'scom-ms01', 'scom-ms02', false, ['P1 DMZ Gateway Pool']],
      ['scom-gw02', 'dmz', '250', 'scom-ms02', 'scom-ms01', false, ['P1 DMZ Gateway Pool']],
      ['scom-gw03', 'dmz', '150', 'scom-ms02', 'none: its agents stop reporting while its primary is down', true, ['P1 DMZ Gateway Pool']],
    ]);
    const html = await renderReport(await buildReportView(outcome!, options));
    expect(html).toMatch(
      /<caption>Gateways and the management servers they report to<\/caption>[^]*<th scope="row">scom-gw03<\/th>[^]*<td class="cell-bad">none: its agents stop reporting while its primary is down ⚠<\/td>/,
    );
    // A gateway that reports to no management server has no primary to be down.
    const alone = readFileSync(path.join(ROOT, 'examples/gateway-pool-three.yaml'), 'utf8').replace('managementServers: [scom-ms02]', 'managementServers: []');
    const [lone] = await validateOutcomes([{ file: 'g.yaml', text: alone }]);
    expect(scomReportView(lone!, DEFAULT_SETTINGS).gateways[2]).toMatchObject({ primary: 'none', failover: 'none: it reports to no server', noFailover: true });
    // Where its agents name failover servers of their own, they fail over by that list rather than stop (FORMAT.md, "Agents after failures").
    const listed = readFileSync(path.join(ROOT, 'examples/gateway-pool-three.yaml'), 'utf8').replace(
      'managementServers: [scom-ms02]',
      'managementServers: [scom-ms02]\n    failoverServers: [scom-gw01]',
    );
    const [own] = await validateOutcomes([{ file: 'g.yaml', text: listed }]);
    expect(scomReportView(own!, DEFAULT_SETTINGS).gateways[2]).toMatchObject({
      failover: 'none: it is cut off while its primary is down; its agents fail over by their own list',
      noFailover: true,
    });
    // With the rule off, the gateway is shown as it is, without the mark.
    const [off] = await validateOutcomes(['examples/gateway-pool-three.yaml'], { cwd: ROOT, rules: { 'gateway-without-failover': 'off' } });
    expect(scomReportView(off!, DEFAULT_SETTINGS).gateways[2]).toMatchObject({ failover: 'none', noFailover: false });
    // No gateways, no table.
    expect(await reportOf('version: 1\nname: S\nmanagementServers:\n  - name: ms01\n')).not.toContain('class="gateways"');
  });

  it("gives each Skype pool's build and sizing, its users after failover marked where skype/pair-capacity finds them over", async () => {
    const text = readFileSync(path.join(ROOT, 'examples/skype-paired-enterprise.yaml'), 'utf8');
    const rows = async (t: string, rules?: Record<string, 'off'>) => {
      const [outcome] = await validateOutcomes([{ file: 's.yaml', text: t }], rules ? { rules } : {});
      const view = (await buildReportView(outcome!, options)).kindView as import('../src/kinds/skype/report/report.js').SkypeView;
      return view.sizing.map((r) => [r.name, r.edition, r.operatingSystem, r.users, r.maxUsers, r.afterFailover, r.over, r.backupService]);
    };
    expect(await rows(text)).toEqual([
      ['pool-east.contoso.com', 'enterprise', 'Windows Server 2016', '16,000', '53,280', '25,000: fits (28,280 to spare)', false, 'FinalState / NormalState'],
      ['pool-west.contoso.com', 'enterprise', 'Windows Server 2016', '9,000', '26,640', '25,000: fits (1,640 to spare)', false, 'FinalState / NormalState'],
    ]);
    const small = text.replace('maxUsers: 26640', 'maxUsers: 20000');
    expect((await rows(small))[1]!.slice(5, 7)).toEqual(['25,000: over its sizing by 5,000', true]);
    // Unpaired, a pool carries only its own users, and says so.
    expect((await rows(text.replace(/^pairs:\n.*\n/m, 'pairs: []\n')))[1]![5]).toBe('9,000 (not paired: its own users): fits (17,640 to spare)');
    expect((await rows(small, { 'skype/pair-capacity': 'off' }))[1]!.slice(5, 7)).toEqual(['25,000: over its sizing by 5,000', false]);
    const [outcome] = await validateOutcomes([{ file: 's.yaml', text: small }]);
    expect(await renderReport(await buildReportView(outcome!, options))).toContain('<td class="cell-bad">25,000: over its sizing by 5,000 ⚠</td>');
  });

  it("gives the OpCon machines' SMAServMan settings side by side, and what the detection time is made of", async () => {
    const [outcome] = await validateOutcomes(['examples/opcon-automatic-recommended.yaml'], { cwd: ROOT });
    const view = (await buildReportView(outcome!, options)).kindView as import('../src/kinds/opcon/report/report.js').OpconView;
    expect(view.settings.machines).toEqual(['opcon01', 'opcon02']);
    const row = (label: string) => view.settings.rows.find((r) => r.label.startsWith(label))?.values;
    // A mode section's key only where the machine's mode reads it (OPC-SM): no default shown for a Primary that never reads it.
    const secondaryOnly = 'not read (Secondary Mode setting)';
    expect([
      row('Mode'),
      row('FailOverSocketNumber'),
      row('TimeOutInSecondsForSync'),
      row('SecondsBetweenPings'),
      row('PingRetryCount'),
      row('PingTimeOutInMilliseconds'),
      row('PrimaryAbnormalShutdownFailover'),
      row('SyncLostFailover'),
      row('SyncInitFailureScript'),
    ]).toEqual([
      ['Primary', 'Secondary'],
      ['6500', '6500'],
      ['60 s', 'not read (Primary Mode setting)'],
      [secondaryOnly, '15 s'],
      [secondaryOnly, '1'],
      [secondaryOnly, '500 ms'],
      [secondaryOnly, 'Y'],
      [secondaryOnly, 'N'],
      ['C:\\ProgramData\\OpConxps\\Utilities\\WriteEvent_SyncFailure.cmd', 'C:\\ProgramData\\OpConxps\\Utilities\\WriteEvent_SyncFailure.cmd'],
    ]);
    // 15 s x 2 pings + 0.5 s: the figure and its inputs, from the Secondary's settings.
    expect(view.facts.find((f) => f.label === 'Silent Primary given up on after')?.value).toBe(
      "30.5 s (a communication loss or a crash of the Primary machine; opcon02: 15 s x 2 pings (PingRetryCount 1 + 1) + a 500 ms timeout; pooltopo's model, the vendor gives no figure)",
    );
    // To the millisecond, not floating point's 0.6000000000000001.
    const quick =
      'version: 1\nkind: opcon-failover\nname: Q\nmachines:\n  - {name: a, mode: Primary}\n  - {name: b, mode: Secondary, settings: {PrimaryMachine: a, PrimaryAbnormalShutdownFailover: Y, SecondsBetweenPings: 0.1, PingRetryCount: 2, PingTimeOutInMilliseconds: 300}}\n';
    const [q] = await validateOutcomes([{ file: 'q.yaml', text: quick }]);
    expect(((await buildReportView(q!, options)).kindView as typeof view).facts.find((f) => f.label === 'Silent Primary given up on after')?.value).toMatch(
      /^0\.6 s \(a communication loss or a crash of the Primary machine; b: 0\.1 s x 3 pings/,
    );
    const html = await renderReport(await buildReportView(outcome!, options));
    expect(html).toMatch(/<caption>SMAServMan settings of each machine[^<]*<\/caption>[^]*<th scope="col">opcon01<\/th><th scope="col">opcon02<\/th>/);
  });

  it('gives the quorum model in the footer for SCOM only, and points to the rules by their section', async () => {
    const scom = await reportOf('version: 1\nname: S\nmanagementServers:\n  - name: ms01\n');
    expect(scom).toMatch(/<footer[^]*Quorum model: [^]*href="#rules">Rules that fired<\/a>[^]*<\/footer>/);
    const [skype] = await validateOutcomes(['examples/skype-standard-pair.yaml'], { cwd: ROOT });
    const html = await renderReport(await buildReportView(skype!, options));
    expect(html).not.toMatch(/Quorum model: a pool works/);
    expect(html).not.toMatch(/in the appendix/);
    // A report with nothing for its footer (no quorum model, no rules fired) has none: an empty
    // one drew a bare rule under the page.
    const [clean] = await validateOutcomes(['examples/skype-paired-enterprise.yaml'], { cwd: ROOT });
    expect(clean!.result.findings).toEqual([]);
    expect(await renderReport(await buildReportView(clean!, options))).not.toContain('<footer');
  });

  it("captions each pool's own tables with its name, for a printed page that starts with one", async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'));
    expect(html).toContain('<caption>Losing one data centre: Frankfurt UNIX Linux Pool</caption>');
    expect(html).toContain('<caption>Workload against the supported limits: Frankfurt UNIX Linux Pool</caption>');
  });

  it("keeps the dark palette to the screen, and the pools' colours when printed", async () => {
    const html = await reportOf('version: 1\nname: S\nmanagementServers:\n  - name: ms01\n');
    expect(html).toContain('@media screen and (prefers-color-scheme: dark)');
    expect(html).not.toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(html).toMatch(/@media print \{[^]*\.badge-inline, \.badge, \.topology-svg \{ -webkit-print-color-adjust: exact; print-color-adjust: exact; \}/);
  });

  it('names every pool tied for weakest in the headline, or says every pool', () => {
    const pools = (...figures: number[]) => figures.map((tolerableFailures, i) => ({ name: `P${i + 1}`, tolerableFailures }));
    expect(weakestPoolHeadline(pools(2, 1, 3), 'member')).toEqual({ figure: 1, text: 'member failure tolerated by the weakest pool', pool: 'P2' });
    expect(weakestPoolHeadline(pools(0, 2, 0), 'member')).toEqual({
      figure: 0,
      text: 'member failures tolerated by the weakest pools',
      pool: 'P1 and P3',
      none: true,
    });
    expect(weakestPoolHeadline(pools(1, 1, 1, 1, 1, 2), 'front-end')).toMatchObject({ pool: 'P1, P2, P3 and 2 more' });
    expect(weakestPoolHeadline(pools(1, 1, 1), 'member')).toEqual({ figure: 1, text: 'member failure tolerated by every pool' });
    expect(weakestPoolHeadline(pools(1), 'member')).toMatchObject({ text: 'member failure tolerated by the weakest pool', pool: 'P1' });
    expect(weakestPoolHeadline([], 'member')).toBeUndefined();
  });

  it('says in the headline that the three default pools, tied, are all the weakest', async () => {
    const html = await reportOf('version: 1\nname: T\nmanagementServers: [{name: a}, {name: b}]\n');
    expect(html).toMatch(/member failure tolerated by every pool<\/p>/);
  });

  it('says under the headline where the workload would not fit after a failure the figure counts', async () => {
    const example = async (name: string) => reportOf(readFileSync(path.join(ROOT, `examples/${name}`), 'utf8'), name);
    expect(await example('two-servers-agent-overload.yaml')).toContain(
      '<p class="headline-caveat">but after a failure the Windows agents would no longer fit</p>',
    );
    expect(await example('unix-linux-pool.yaml')).toContain(
      '<p class="headline-caveat">but after a failure the workload of pool UNIX Linux Monitoring Pool would no longer fit</p>',
    );
    expect(await example('four-servers-default-observer.yaml')).not.toContain('<p class="headline-caveat">');
  });

  it.each(['stretched-two-sites.yaml', 'skype-paired-enterprise.yaml', 'opcon-manual-failover.yaml'])(
    'names each contents link as the heading it leads to (%s)',
    async (name) => {
      const html = await reportOf(readFileSync(path.join(ROOT, `examples/${name}`), 'utf8'), name);
      const links = [...html.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]]);
      expect(links.length).toBeGreaterThan(2);
      for (const [anchor, title] of links) expect(html, anchor).toContain(`<h2 id="${anchor}-title">${title}</h2>`);
    },
  );

  it("places each finding by line and column, the file being the report's own", async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'), 'stretched-two-sites.yaml');
    expect(html).toContain('<th scope="col">Line:col</th>');
    expect(html).toContain('<td class="where"><code>17:9</code>');
    expect(html).not.toMatch(/<td class="where"><code>[^<]*\.yaml:/);
  });

  it("labels a capacity limit per member or per pool, with each member's share before and after failover", async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'), 'stretched-two-sites.yaml');
    expect(html).toContain(
      '<th scope="row">UNIX/Linux computers</th><td>900</td><td>1,000 per member</td><td class="cell-ok">fits (300 each)</td><td class="cell-ok">fits (450 each on 2 members)</td><td>1,100</td>',
    );
  });

  it('marks each figure by its own verdict, and says nothing of links a design does not have', async () => {
    const example = async (name: string) => reportOf(readFileSync(path.join(ROOT, `examples/${name}`), 'utf8'), name);
    // A UNIX/Linux pool that fits with every member up but not after its failure: one cell each.
    const unix = await example('unix-linux-pool.yaml');
    expect(unix).toMatch(
      /<td class="cell-ok">fits \(800 each\)<\/td><td class="cell-bad">over the limit \(1,600 each on 1 member\)<\/td><td class="cell-bad">600 over<\/td>/,
    );
    // No measured latency: no links and no round-trip table to speak of.
    expect(unix).not.toMatch(/round trips between sites are on the links/i);
    const stretched = await example('stretched-two-sites.yaml');
    expect(stretched).toMatch(/Round trips between sites are on the links, <span class="over-text">⚠ over their limit<\/span>/);
    expect(stretched).toMatch(/<td class="cell-bad">14 ms ⚠ over the 10 ms limit<\/td>/);
    expect(stretched).toMatch(/<desc id="diagram-desc">[^<]*dc-london to dc-frankfurt 14 ms, over its 5 ms limit;/);
    // Zero counts are muted, not in their severity's colour.
    expect(await example('gateway-pool-three.yaml')).toMatch(/<li class="count count-none"><span class="count-number">0<\/span> errors<\/li>/);
  });

  it('says when the file gives no operational database, rather than a made-up name', async () => {
    const html = await reportOf('version: 1\nname: T\nmanagementServers: [{name: a}, {name: b}]\n');
    expect(html).toContain('<dt>Operational database</dt><dd>not given (taken to be in data centre default)</dd>');
  });

  it('marks a round trip over its limit only where the latency rules find it', async () => {
    // Two gateways of no common pool, and a site holding only a gateway: no rule holds these to a limit.
    const text = [
      'version: 1',
      'name: Lat',
      'dataCenters: [{name: dc-a}, {name: dc-b}, {name: dc-c}]',
      'databases: {operational: {server: sql01, dataCenter: dc-a}}',
      'managementServers:',
      '  - {name: ms01, dataCenter: dc-a}',
      '  - {name: ms02, dataCenter: dc-a}',
      'gateways:',
      '  - {name: gw01, dataCenter: dc-b, managementServers: [ms01, ms02]}',
      '  - {name: gw02, dataCenter: dc-c, managementServers: [ms01, ms02]}',
      'latency:',
      '  - {between: [gw01, gw02], ms: 12}',
      '  - {between: [dc-a, dc-b], ms: 6}',
      '',
    ].join('\n');
    const [outcome] = await validateOutcomes([{ file: 'lat.yaml', text }]);
    expect(outcome!.result.findings.filter((f) => /latency/.test(f.ruleId))).toEqual([]);
    const html = await reportOf(text, 'lat.yaml');
    expect(html).not.toMatch(/⚠ over its limit<|class="link link-over"/);
    expect(html).toContain('<th scope="row">gw01 ↔ gw02</th><td>12 ms</td><td>none (no voters of one pool, no database)</td>');
  });

  it('shows the management group against its limits: agents after the worst single failure, and each total', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/two-servers-agent-overload.yaml'), 'utf8'), 'o.yaml');
    expect(html).toContain(
      '<th scope="row">Windows agents on scom-ms02 after scom-ms01 fails</th><td>3,900</td><td>3,000 per server</td><td class="cell-bad">over the limit by 900</td>',
    );
    expect(html).toContain(
      '<th scope="row">Agent-managed and UNIX/Linux computers</th><td>3,900</td><td>6,000</td><td class="cell-ok">fits (2,100 to spare)</td>',
    );
  });

  it('names each OpCon event in words, and warns when nothing runs afterwards', async () => {
    const manual = await reportOf(readFileSync(path.join(ROOT, 'examples/opcon-manual-failover.yaml'), 'utf8'), 'm.yaml');
    expect(manual).toContain('<h3>The Primary stops abnormally <span class="muted">(abnormal-shutdown)</span></h3>');
    expect(manual).toMatch(/Running afterwards: <strong>none<\/strong> <span class="over-text">⚠ no SAM runs until someone acts<\/span>/);
  });

  it('allows no scripts and no remote loads', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'));
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">/,
    );
    expect(html).not.toMatch(/<script|<link\b|<iframe|<object|<embed|\ssrc=|@import|url\(/i);
    // Links are in-page, or a rule's public source (followed only when clicked, never loaded).
    const hrefs = [...html.matchAll(/<a href="([^"]*)"([^>]*)>/g)];
    expect(hrefs.length).toBeGreaterThan(0);
    for (const [, href, rest] of hrefs) {
      if (href!.startsWith('#')) continue;
      expect(href).toMatch(/^https:\/\/[^\s"<>]+$/);
      expect(rest).toBe(' rel="noreferrer"');
    }
    expect(html).toMatch(/<a href="https:\/\/learn\.microsoft\.com\//);
    // Backticks in the rules' text are code, not literal.
    expect(html).not.toMatch(/`/);
    expect(html).toMatch(/<code>pooltopo simulate --down DC<\/code>/);
  });

  it('is byte-identical from run to run, with a timestamp only when asked', async () => {
    const root = mkdtempSync(path.join(dir, 'det-'));
    writeFileSync(path.join(root, 'a.yaml'), readFileSync(path.join(ROOT, 'examples/network-pool.yaml')));
    expect((await runCli(['report', 'a.yaml'], { cwd: root })).code).toBe(0);
    const first = readFileSync(path.join(root, 'a.html'), 'utf8');
    expect((await runCli(['report', 'a.yaml', '-o', 'b.html'], { cwd: root })).code).toBe(0);
    expect(readFileSync(path.join(root, 'b.html'), 'utf8')).toBe(first);
    expect(first).not.toMatch(/generated \d{4}-/);
    await runCli(['report', 'a.yaml', '-o', 'c.html', '--timestamp'], { cwd: root });
    expect(readFileSync(path.join(root, 'c.html'), 'utf8')).toMatch(/generated \d{4}-\d\d-\d\dT/);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits like validate: 1 at --fail-on, 2 for bad usage or an unwritable output', async () => {
    const root = mkdtempSync(path.join(dir, 'exit-'));
    writeFileSync(path.join(root, 'a.yaml'), readFileSync(path.join(ROOT, 'examples/gateway-pool-two.yaml')));
    expect((await runCli(['report', 'a.yaml'], { cwd: root })).code).toBe(0);
    expect((await runCli(['report', 'a.yaml', '--fail-on', 'warning'], { cwd: root })).code).toBe(1);
    expect((await runCli(['report'], { cwd: root })).code).toBe(2);
    expect((await runCli(['report', 'a.yaml', 'b.yaml'], { cwd: root })).code).toBe(2);
    const bad = await runCli(['report', 'a.yaml', '-o', 'no/dir/x.html'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^pooltopo: cannot write "no\/dir\/x.html"/);
  });

  it('says in the headline and the summary when a single server stops what the figure counts as surviving (seed 000\'s "Good" design)', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/two-servers-colocated-db.yaml'), 'utf8'));
    expect(html).toContain('<p class="headline-caveat">but scom-ms01 is a single point of failure: losing it alone stops a pool</p>');
    expect(html).toMatch(/Single points of failure<\/dt><dd>the management group: scom-ms01<\/dd>/);
    const clustered = await reportOf(readFileSync(path.join(ROOT, 'examples/database-cluster-three-sites.yaml'), 'utf8'));
    expect(clustered).not.toContain('<p class="headline-caveat">');
    expect(clustered).toMatch(/Single points of failure<\/dt><dd>the management group: none<\/dd>/);
  });

  it("says which limit a measured round trip is held to: the database's, a pool's, or both", async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'));
    expect(html).toContain(
      '<th scope="row">dc-london ↔ dc-frankfurt</th><td>14 ms ⚠ over its limit</td><td>5 ms (a management server to the operational database); also 10 ms (between voters of one pool)</td>',
    );
  });

  it('has a what-if table: every data centre, server and the database down', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'));
    const table = html.slice(html.indexOf('<table class="what-if">'), html.indexOf('</table>', html.indexOf('<table class="what-if">')));
    // 2 data centres, 4 management servers and the database.
    expect(table.match(/<tr class="(ok|bad)">/g)).toHaveLength(7);
    expect(table).toMatch(
      /dc-frankfurt <span class="muted">data centre<\/span><\/th><td class="cell-stops" title="[^"]+">STOPS \(1\/3\)<\/td><td class="cell-runs" title="[^"]+">works \(3\/5\)<\/td>/,
    );
    // Enough votes but no database: the pools run, cut off, and the cell says why (FORMAT.md's outcome).
    expect(table).toMatch(
      /scom-sql01 <span class="muted">operational database<\/span><\/th><td class="cell-cut" title="runs, but its data reaches no connected management server">CUT OFF \(no database\)<\/td>/,
    );
    expect(table).toMatch(/<caption>Each pool in a column: <span class="badge-inline c0">P1<\/span> Frankfurt UNIX Linux Pool, /);
  });

  it('lists under the what-if the agents a failure leaves unmonitored or over a limit, as simulate counts them, though every pool works', async () => {
    const file = 'examples/dmz-gateways-chained-branch.yaml';
    const html = await reportOf(readFileSync(path.join(ROOT, file), 'utf8'));
    const agents = html.slice(html.indexOf('<ul class="what-if-agents">'), html.indexOf('</ul>', html.indexOf('<ul class="what-if-agents">')));
    // gw-dmz01 down: every pool works, and the 650 agents of gw-dmz01 and the branch gateway behind it stop reporting.
    expect(agents).toContain('<li><span class="down">gw-dmz01</span> <span class="muted">gateway</span> down: 650 agents unmonitored</li>');
    const simulated = await runCli(['simulate', file, '--down', 'gw-dmz01', '--format', 'json']);
    expect(JSON.parse(simulated.stdout).scenarios[0].unmonitoredAgents).toBe(650);
    // A management server down whose agents the other takes: nothing to say.
    expect(agents).not.toContain('>ms01</span>');
    // Nothing unmonitored or over a limit in any what-if: no list.
    expect(await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'))).not.toContain('what-if-agents');
  });

  it('at 40 servers: every server whole in the diagram and in the servers table, and a block per pool in the what-if', async () => {
    const text = readFileSync(path.join(ROOT, 'examples/globex-forty-servers.yaml'), 'utf8');
    const html = await reportOf(text, 'examples/globex-forty-servers.yaml');
    const names = [...text.matchAll(/\{name: (globex-\w+-scom-ms\d+\.corp\.globex\.example),/g)].map((m) => m[1]!);
    expect(names).toHaveLength(40);
    // The diagram: each box's name, its lines joined, is a server's whole name; nothing is cut.
    const drawn = [...html.matchAll(/<text [^>]*class="box-label"[^>]*>(.*?)<\/text>/g)].map((m) =>
      [...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]).join(''),
    );
    expect(drawn).toEqual([...names.slice(0, 10), 'globex-nyc-scomsql01.corp.globex.example', ...names.slice(10)]);
    expect(html.slice(html.indexOf('<svg'), html.indexOf('<figcaption>'))).not.toContain('…');
    expect(html).not.toContain('listed in the tables below');
    // The servers table: a row per server, with its role, data centre, agents, pools and availability.
    const servers = html.slice(html.indexOf('<table class="servers">'), html.indexOf('</table>', html.indexOf('<table class="servers">')));
    const rows = [
      ...servers.matchAll(
        /<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td><td>([^<]*)<\/td><td class="num">([^<]*)<\/td><td>(.*?)<\/td><td class="num">([^<]*)<\/td><\/tr>/g,
      ),
    ];
    expect(rows.map((r) => r[1])).toEqual(names);
    expect(rows[0]!.slice(2, 5)).toEqual(['management server', 'dc-new-york', '137']);
    expect(rows[0]![5]!.match(/>P\d+</g)).toEqual(['>P1<', '>P2<', '>P3<']);
    expect(rows[0]![6]).toBe('99.5%');
    expect(rows[5]![5]).toBe('none');
    // Seven pools: no what-if column per pool, a block each, what stops it first.
    expect(html).not.toContain('<table class="what-if">');
    const blocks = [...html.matchAll(/<table class="what-if-pool" id="what-if-(\d+)">/g)].map((m) => Number(m[1]));
    expect(blocks).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const first = html.slice(html.indexOf('id="what-if-1"'), html.indexOf('</table>', html.indexOf('id="what-if-1"')));
    expect(first).toMatch(
      /<th scope="row" class="cell-stops" title="[^"]+">STOPS \(0\/6\)<\/th><td><p class="downs"><span class="muted">data centre:<\/span> <span class="down">dc-new-york<\/span><\/p><\/td>/,
    );
    expect(first.indexOf('STOPS')).toBeLessThan(first.indexOf('works'));
    // Every row the matrix would have is in each block, once.
    expect(first.match(/<span class="down">/g)).toHaveLength(4 + 40 + 1);
  });

  it('at 4,000 servers: a box per role and data centre with their count, and every server in the servers table', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'test/fixtures/scale/four-thousand-servers.yaml'), 'utf8'));
    // Eight sites, two a row: four bands, each its own SVG, the first one labelled for the whole.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('<figcaption>'));
    expect(svg.match(/<svg [^>]*class="topology-svg rows"/g)).toHaveLength(1);
    expect(svg.match(/<svg [^>]*aria-hidden="true"[^>]*class="topology-svg-more rows"/g)).toHaveLength(3);
    expect(svg.match(/<g class="box box-more">/g)).toHaveLength(16);
    expect(svg).toContain('<tspan x="35" y="58" dx="10" dy="19">50 management servers</tspan>');
    expect(svg.match(/>450 gateways</g)).toHaveLength(8);
    expect(html).toContain('A data centre of more than 12 servers shows a box per role with their count; the servers table below lists each server.');
    const servers = html.slice(html.indexOf('<table class="servers">'), html.indexOf('</table>', html.indexOf('<table class="servers">')));
    expect(servers.match(/<tr><th scope="row">/g)).toHaveLength(4000);
    expect(servers).toContain('<tr><th scope="row">initech-r08-gw0450.dmz.initech.example</th><td>gateway</td><td>dc-region-08</td>');
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 2 ** 20);
  });

  it('routes a Skype pair line around the pools between its two, below them, each pair in a lane of its own', async () => {
    const pools = ['a', 'b', 'c', 'd'].map((p) => `  - {name: pool-${p}.contoso.com, frontEnds: [${p}1, ${p}2, ${p}3]}`).join('\n');
    const html = await reportOf(
      `version: 1\nkind: skype-pool-pair\nname: Four pools\npools:\n${pools}\npairs:\n  - [pool-a.contoso.com, pool-c.contoso.com]\n  - [pool-b.contoso.com, pool-d.contoso.com]\n`,
    );
    const rects = [...html.matchAll(/<g class="region[^"]*">(?:<title>[^<]*<\/title>)?\s*<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map(
      (m) => m.slice(1, 5).map(Number) as [number, number, number, number],
    );
    expect(rects).toHaveLength(4);
    const paths = [...html.matchAll(/<g class="link[^"]*"><title>[^<]*<\/title><path d="([^"]*)"\/>/g)].map((m) => m[1]!.match(/-?\d+(\.\d+)?/g)!.map(Number));
    expect(paths).toHaveLength(2);
    // Each segment of each line stays out of every pool's rectangle (it may touch the two it joins at their edge).
    for (const points of paths) {
      for (let k = 0; k + 3 < points.length; k += 2) {
        const [x1, y1, x2, y2] = points.slice(k, k + 4) as [number, number, number, number];
        for (const [x, y, w, h] of rects) {
          const inside = Math.max(x1, x2) > x && Math.min(x1, x2) < x + w && Math.max(y1, y2) > y && Math.min(y1, y2) < y + h;
          expect(inside, `segment ${x1},${y1} to ${x2},${y2} through the pool at ${x}`).toBe(false);
        }
      }
    }
    // Two lanes, one below the other, and the figure tall enough for both.
    expect(paths[0]![5]).toBeLessThan(paths[1]![5]!);
    expect(Number(html.match(/viewBox="0 0 \d+ (\d+)"/)![1])).toBeGreaterThan(paths[1]![5]!);
    // Two pools side by side keep their straight line between facing edges.
    const two = await reportOf(readFileSync(path.join(ROOT, 'examples/skype-paired-enterprise.yaml'), 'utf8'));
    expect(two).toMatch(/<path d="M 400 [\d.]+ L 520 [\d.]+"\/>/);
  });

  it('keeps a what-if column per pool up to four pools', async () => {
    const html = await reportOf(readFileSync(path.join(ROOT, 'examples/stretched-two-sites.yaml'), 'utf8'));
    expect(html).toContain('<table class="what-if">');
    expect(html).not.toContain('<table class="what-if-pool"');
  });

  it('reports a file that does not parse, with its findings', async () => {
    const html = await reportOf('a: [', 'broken.yaml');
    expect(html).toMatch(/could not be analysed/);
    expect(html).toMatch(/yaml-syntax/);
  });

  it('uses colours that pass WCAG AA contrast in light and dark schemes', () => {
    const css = readFileSync(path.join(ROOT, 'templates/partials/styles.hbs'), 'utf8');
    const blocks = [...css.matchAll(/:root\s*\{([^}]*)\}/g)].map((m) =>
      Object.fromEntries([...m[1]!.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((v) => [v[1]!, v[2]!])),
    );
    expect(blocks).toHaveLength(2);
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
      return (x! + 0.05) / (y! + 0.05);
    };
    const pairs: [string, string][] = [
      ['fg', 'bg'],
      ['muted', 'bg'],
      ['fg', 'panel'],
      ['muted', 'panel'],
      ['accent', 'bg'],
      ['accent', 'panel'],
      ['ok', 'bg'],
      ['warn', 'bg'],
      ['warn', 'panel'],
      ['bad', 'bg'],
      ['bad', 'panel'],
      ['info', 'panel'],
      ['fg', 'region'],
      ['muted', 'region'],
      ['fg', 'cloud'],
      ['muted', 'cloud'],
      ['fg', 'box'],
      ['muted', 'box'],
      ['fg', 'db'],
      ['muted', 'db'],
      ['bad', 'region'],
      ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => ['fg', `c${i}`] as [string, string]),
    ];
    // Graphics (WCAG 1.4.11, 3:1): the bars of the tolerable-failure charts,
    const graphics: [string, string][] = [
      ['bar', 'bg'],
      ['bar', 'panel'],
      ['accent', 'bg'],
      ['accent', 'panel'],
      // and the borders of regions and boxes in the diagram, on their fills and the page.
      ['region-line', 'region'],
      ['region-line', 'bg'],
      ['region-line', 'cloud'],
      ['region-line', 'box'],
      ['region-line', 'db'],
    ];
    for (const vars of blocks) {
      for (const [fg, bg] of pairs) expect(ratio(vars[fg]!, vars[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const [fg, bg] of graphics) expect(ratio(vars[fg]!, vars[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
});
