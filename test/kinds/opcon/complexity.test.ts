/**
 * The ini reader and the OpCon model stay linear in the keys a file holds, measured in operations
 * (calls of the collection methods they are built from, weighted by the array walked), not in time.
 */
import { describe, expect, it } from 'vitest';
import { parseIni } from '../../../src/io/ini-file.js';
import { normaliseOpcon, type OpconDocument, type OpconModel } from '../../../src/kinds/opcon/model/model.js';
import { operations } from '../../support/operations.js';
import { lintText } from '../../../src/api/lint.js';
import { opconView } from '../../../src/kinds/opcon/report/report.js';
import { simulateCommand } from '../../../src/kinds/opcon/commands/simulate.js';
import type { OpconAnalysis } from '../../../src/kinds/opcon/analysis/analysis.js';

describe('OpCon input of many keys', () => {
  it('reads an ini file of many sections and keys in linear work', async () => {
    const ini = (n: number) => Array.from({ length: n }, (_, i) => `[S${i % 50}]\r\nKey${i}=v\r\nKEY${i}=again`).join('\r\n');
    const small = await operations(() => parseIni(ini(2000), 'x.ini'));
    const large = await operations(() => parseIni(ini(8000), 'x.ini'));
    expect(large! / small!).toBeLessThan(5);
  });

  it('reads a machine of many settings, known and unknown, in linear work', async () => {
    const doc = (n: number): OpconDocument => ({
      version: 1,
      kind: 'opcon-failover',
      name: 'x',
      machines: [{ name: 'a', settings: Object.fromEntries(Array.from({ length: n }, (_, i) => [i % 2 ? `PingRetryCount${i}` : `Owner${i}`, 1])) }],
    });
    const small = await operations(() => normaliseOpcon(doc(500)));
    const large = await operations(() => normaliseOpcon(doc(2000)));
    expect(large! / small!).toBeLessThan(5);
  });
});

/** `n` machines, each connecting to the SQL Server of the next one (so each server is a machine of the file), as a topology file. */
function ringOfMachines(n: number): string {
  const lines = ['version: 1', 'kind: opcon-failover', 'name: ring', 'database: {server: sqlx}', 'machines:'];
  for (let i = 0; i < n; i++)
    lines.push(
      `  - name: m${i}`,
      `    mode: ${i === 0 ? 'Primary' : i === 1 ? 'Secondary' : 'StandAlone'}`,
      `    connection: {server: 'm${(i + 1) % n}\\OPCON', database: OpConxps}`,
    );
  return `${lines.join('\n')}\n`;
}

describe('OpCon files of many machines', () => {
  it('finds the machine a SQL Server name is on in linear work: 20,000 machines took minutes', async () => {
    const small = await operations(() => lintText(ringOfMachines(500), 'ring.yaml'));
    const large = await operations(() => lintText(ringOfMachines(2000), 'ring.yaml'));
    expect(large / small).toBeLessThan(4 * 1.5);
  });

  it("draws each machine's link to its database in linear work", async () => {
    const view = async (n: number) => {
      const outcome = await lintText(ringOfMachines(n), 'ring.yaml');
      const { model, analysis } = (outcome as { opcon?: { model: OpconModel; analysis: OpconAnalysis } }).opcon!;
      return operations(() => opconView(model, analysis));
    };
    const small = await view(500);
    const large = await view(2000);
    expect(large / small).toBeLessThan(4 * 1.5);
  });

  it('simulate --down finds each named machine in work linear in the names and the machines', async () => {
    const down = async (n: number) => {
      const outcome = await lintText(ringOfMachines(5 * n), 'ring.yaml');
      const models = { opcon: (outcome as { opcon?: { model: OpconModel; analysis: OpconAnalysis } }).opcon! };
      const names = Array.from({ length: n }, (_, i) => `M${(i * 7) % (5 * n)}.corp.local`).join(',');
      const request = { file: 'ring.yaml', downs: [names], partitions: [], events: [], format: 'json' as const, color: false };
      return operations(() => simulateCommand(models, request));
    };
    const small = await down(100);
    const large = await down(400);
    expect(large / small).toBeLessThan(4 * 1.5);
  });
});
