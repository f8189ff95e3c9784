/**
 * The OpCon report (issue 22): the machine crash in the what-if table, the database each SAM uses
 * in the machines table, and a replicated pair drawn as two databases with replication between them.
 */
import { describe, expect, it } from 'vitest';
import { validateOutcomes } from '../../../src/api/validate.js';
import { describeRule } from '../../../src/rules/descriptors.js';
import { RULES } from '../../../src/rules/index.js';
import { renderReport } from '../../../src/report/render.js';
import { buildReportView } from '../../../src/report/view-model.js';
import { DEFAULT_SETTINGS } from '../../../src/core/settings.js';
import type { OpconView } from '../../../src/kinds/opcon/report/report.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, runCli } from '../../support/run-cli.js';

const options = { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error' as const, version: 'test' };
const reportOf = async (file: string) => {
  const [outcome] = await validateOutcomes([file], { cwd: ROOT });
  const view = await buildReportView(outcome!, options);
  return { view: view.kindView as OpconView, html: await renderReport(view) };
};

describe('the OpCon report', () => {
  it('has the machine crash in the what-if table: nothing runs with the recommended settings', async () => {
    const { html } = await reportOf('examples/opcon-seed-scenario-3.yaml');
    expect(html).toContain(
      '<tr><th scope="row">The Primary machine crashes <span class="muted">(machine-crash)</span></th><td class="cell-bad">none: no SAM runs until someone acts</td><td>no</td><td>no</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">The Primary stops abnormally <span class="muted">(abnormal-shutdown)</span></th><td>OpConxps2</td><td>yes</td><td>no</td></tr>',
    );
    expect(html).toContain('<h3>The Primary machine crashes <span class="muted">(machine-crash)</span></h3>');
  });

  it('says which database each SAM uses in the machines table', async () => {
    const { view, html } = await reportOf('examples/opcon-seed-scenario-4.yaml');
    expect(view.settings.rows.find((r) => r.label === 'SMA Connection (the database its SAM uses)')?.values).toEqual([
      'SMAProdDBServer/OpConxps (publisher)',
      'SMABckupDBServer/OpConxps (subscriber)',
    ]);
    expect(html).toContain(
      '<th scope="row">SMA Connection (the database its SAM uses)</th><td>SMAProdDBServer/OpConxps (publisher)</td><td>SMABckupDBServer/OpConxps (subscriber)</td>',
    );
    const hand = await reportOf('examples/opcon-automatic-recommended.yaml');
    expect(hand.view.settings.rows.find((r) => r.label === 'SMA Connection (the database its SAM uses)')?.values).toEqual([
      'not given: the OpCon database',
      'not given: the OpCon database',
    ]);
  });

  it('draws a replicated pair as two databases with replication between them, and one database as one', async () => {
    const replicated = await reportOf('examples/opcon-seed-scenario-4.yaml');
    expect(replicated.view.databases.map((d) => [d.label, d.server])).toEqual([
      ['publishing database', 'SMAProdDBServer'],
      ['subscribing database', 'SMABckupDBServer'],
    ]);
    expect(replicated.view.links.find((l) => l.label === 'replication →')).toBeDefined();
    expect(replicated.html.match(/<g class="box box-database">/g)).toHaveLength(2);
    expect(replicated.view.description).toBe(
      'Scenario 4: automatic failover from OpConxps1 to OpConxps2; publishing database on SMAProdDBServer, replicated to subscribing database on SMABckupDBServer.',
    );
    const one = await reportOf('examples/opcon-seed-scenario-3.yaml');
    expect(one.view.databases.map((d) => [d.label, d.server])).toEqual([['OpCon database (shared)', 'SMAProdDBServer']]);
    expect(one.view.links.some((l) => l.label.includes('replication'))).toBe(false);
    const onMachine = await reportOf('test/fixtures/rules/opcon/database-on-machine.fires.yaml');
    expect(onMachine.view.databases[0]!.server).toBe('opcon01.corp.local (on opcon01)');
  });

  it('writes the report of machines whose modes set up no failover, with their findings and no event walked', async () => {
    const twoSecondaries = 'version: 1\nkind: opcon-failover\nname: m\nmachines:\n  - {name: opcon01, mode: Secondary}\n  - {name: opcon02, mode: Secondary}\n';
    const modeConflict =
      'version: 1\nkind: opcon-failover\nname: m\nmachines:\n  - {name: a, mode: Primary, settings: {Mode: StandAlone}}\n  - {name: b, mode: Secondary}\n';
    for (const input of [
      'test/fixtures/kinds/opcon/standalone-beside-secondary.yaml',
      { file: 's.yaml', text: twoSecondaries },
      { file: 'c.yaml', text: modeConflict },
    ]) {
      const [outcome] = await validateOutcomes([input], { cwd: ROOT });
      expect(outcome!.result.findings.some((f) => f.ruleId === 'opcon/mode-conflict')).toBe(true);
      const view = await buildReportView(outcome!, options);
      const opcon = view.kindView as OpconView;
      expect(opcon.events).toEqual([]);
      expect(opcon.noFlow).toMatch(
        /^This design sets up no failover: its machines' modes conflict \(\d Primary, \d Secondary, \d StandAlone\) \(opcon\/mode-conflict\)\./,
      );
      const html = await renderReport(view);
      expect(html).toContain('opcon/mode-conflict');
      expect(html).not.toContain('class="figures what-if-summary"');
    }
    const cli = await runCli([
      'report',
      'test/fixtures/kinds/opcon/standalone-beside-secondary.yaml',
      '-o',
      path.join(mkdtempSync(path.join(tmpdir(), 'opcon-report-')), 'r.html'),
    ]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/^pooltopo: wrote .*r\.html\n$/);
  });

  it("gives the detection time as a silent Primary's, not a trigger's, in validate, the report and simulate alike", async () => {
    const seed3 = 'examples/opcon-seed-scenario-3.yaml';
    const validate = await runCli(['validate', seed3]);
    expect(validate.stdout).toContain(
      'failover  scenario 3 (automatic, one database): OpConxps1 -> OpConxps2 on primary-abnormal-shutdown; a silent Primary is given up on after 30.5 s',
    );
    const { view } = await reportOf(seed3);
    expect(view.facts.map((f) => f.label)).toEqual(expect.arrayContaining(['Triggers', 'Silent Primary given up on after', "Primary's shutdown seen within"]));
    expect(view.facts.find((f) => f.label === "Primary's shutdown seen within")?.value).toMatch(/^15 s \(at the Secondary's next ping/);
    const loss = JSON.parse((await runCli(['simulate', seed3, '--event', 'communication-loss', '--format', 'json'])).stdout).events[0];
    expect(loss.steps[1]).toMatch(/gives up on the Primary after 30\.5 s/);
    // Without a trigger the headline says the failover never happens, beside the same figure.
    const noTrigger =
      'version: 1\nkind: opcon-failover\nname: n\nmachines:\n  - {name: a, mode: Primary, settings: {FailOverSocketNumber: 6500}}\n  - {name: b, mode: Secondary, settings: {FailOverSocketNumber: 6500, PrimaryMachine: a}}\n';
    const dir = mkdtempSync(path.join(tmpdir(), 'opcon-headline-'));
    writeFileSync(path.join(dir, 'n.yaml'), noTrigger);
    expect((await runCli(['validate', 'n.yaml'], { cwd: dir })).stdout).toContain(
      'failover  scenario 3 (automatic, one database): a -> b never (no failover switch is Y); a silent Primary is given up on after 16 s',
    );
  });
});
