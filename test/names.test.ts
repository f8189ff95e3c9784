/** Names in the shared namespace of servers and data centres: a clash is one finding, not a broken model. */
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/api/lint.js';

describe('a server named as a data centre', () => {
  const text = [
    'version: 1',
    'name: Clash',
    'dataCenters:',
    '  - name: MS01',
    '  - name: dc2',
    'managementServers:',
    '  - {name: ms01, dataCenter: dc2}',
    '  - {name: ms02, dataCenter: MS01}',
    'gateways:',
    '  - {name: gw01, managementServers: [ms01, ms02], dataCenter: MS01}',
    'latency:',
    '  - {between: [ms01, ms02], ms: 2}',
    '  - {between: [MS01, dc2], ms: 3}',
    '',
  ].join('\n');

  it('is one duplicate-name finding, and the server and the data centre both stay in the model', async () => {
    const outcome = await lintText(text, 'clash.yaml');
    const spans = ['pool-spans-data-centers', 6];
    expect(outcome.result.findings.map((f) => [f.ruleId, f.line])).toEqual([spans, ['duplicate-name', 7]]);
    const { topology } = outcome as unknown as {
      topology: { managementServers: { name: string }[]; gateways: { reportsTo: unknown[] }[]; latency: { between: string; ends: string[] }[] };
    };
    expect(topology.managementServers.map((s) => s.name)).toEqual(['ms01', 'ms02']);
    expect(topology.gateways[0]!.reportsTo).toHaveLength(2);
    // Each latency entry read as its other end is: two servers, two data centres.
    expect(topology.latency.map((l) => [l.between, ...l.ends])).toEqual([
      ['servers', 'ms01', 'ms02'],
      ['data-centers', 'MS01', 'dc2'],
    ]);
    expect(outcome.result.pools.map((p) => (p as { votingMembers: number }).votingMembers)).toEqual([3, 3, 3]);
  });

  it('still leaves out a second server of a name', async () => {
    const outcome = await lintText('version: 1\nname: T\nmanagementServers:\n  - name: ms01\n  - name: MS01\n  - name: ms02\n', 't.yaml');
    const { topology } = outcome as unknown as { topology: { managementServers: { name: string }[] } };
    expect(topology.managementServers.map((s) => s.name)).toEqual(['ms01', 'ms02']);
  });

  it("is refused by simulate, which cannot tell which is down; the report's what-if rows know", async () => {
    const { runCli } = await import('./support/run-cli.js');
    const { validateOutcomes } = await import('../src/api/validate.js');
    const { scomReportView } = await import('../src/kinds/scom/report/report.js');
    const { DEFAULT_SETTINGS } = await import('../src/core/settings.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-names-'));
    writeFileSync(path.join(dir, 'clash.yaml'), text);
    const r = await runCli(['simulate', 'clash.yaml', '--down', 'ms01', '--no-config'], { cwd: dir });
    expect(r).toMatchObject({
      code: 2,
      stderr:
        'pooltopo: "ms01" is both a data centre and a server of clash.yaml (validate reports it as duplicate-name): rename one so that a scenario can tell which is down\n',
    });
    const [outcome] = await validateOutcomes([{ file: 'clash.yaml', text }]);
    const { resolveNames } = await import('../src/kinds/scom/analysis/scenario.js');
    const model = outcome!.analysis!.model;
    const { hostsIn } = await import('../src/kinds/scom/analysis/failure/index.js');
    const down = (meaning?: 'server' | 'data centre') => {
      const r = resolveNames(model, ['MS01'], meaning);
      return [...[...r.hosts].map((h) => h.index), ...[...r.dataCenters].flatMap((d) => hostsIn(model, model.dataCenters.indexOf(d)))].map(
        (h) => model.hosts[h]!.name,
      );
    };
    // The data centre MS01 holds ms02 and gw01; the server ms01 is in dc2.
    expect(down('data centre')).toEqual(['ms02', 'gw01']);
    expect(down('server')).toEqual(['ms01']);
    expect(resolveNames(model, ['MS01']).ambiguous).toEqual(['MS01']);
    const rows = scomReportView(outcome!, DEFAULT_SETTINGS).whatIf.rows;
    expect(rows.filter((x) => x.label.toLowerCase() === 'ms01').map((x) => x.kind)).toEqual(['data centre', 'management server']);
  });
});
