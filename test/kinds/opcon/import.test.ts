/**
 * `pooltopo import opcon` (FORMAT.md, "Import"): the four seed scenarios' SMAServMan.ini files give
 * the same scenario and findings as the topologies written by hand, in either order, and bad input
 * is one line with its file and line, exit 2, and no output file.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOpconResult } from '../../../src/kinds/results.js';
import { lintText } from '../../../src/api/lint.js';
import { runCli } from '../../support/run-cli.js';

const ini = (n: number, machine: 1 | 2) => `examples/opcon-seed/scenario-${n}/OpConxps${machine}/SMAServMan.ini`;
/** The options an administrator passes for what the ini files do not hold, as examples/opcon-seed-scenario-N.yaml was written. */
const OPTIONS: Readonly<Record<number, string[]>> = {
  1: [
    '--start-type',
    'OpConxps1=automatic-delayed',
    '--start-type',
    'OpConxps2=manual',
    '--connection',
    'OpConxps1=SMAProdDBServer/OpConxps',
    '--connection',
    'OpConxps2=SMAProdDBServer/OpConxps',
  ],
  2: [
    '--start-type',
    'OpConxps1=automatic-delayed',
    '--start-type',
    'OpConxps2=manual',
    '--connection',
    'OpConxps1=SMAProdDBServer/OpConxps',
    '--connection',
    'OpConxps2=SMABckupDBServer/OpConxps',
    '--replicated',
  ],
  3: [
    '--start-type',
    'OpConxps1=automatic',
    '--start-type',
    'OpConxps2=automatic',
    '--connection',
    'OpConxps1=SMAProdDBServer/OpConxps',
    '--connection',
    'OpConxps2=SMAProdDBServer/OpConxps',
  ],
  4: [
    '--start-type',
    'OpConxps1=automatic',
    '--start-type',
    'OpConxps2=automatic',
    '--connection',
    'OpConxps1=SMAProdDBServer/OpConxps',
    '--connection',
    'OpConxps2=SMABckupDBServer/OpConxps',
    '--replicated',
  ],
};
const importOf = (args: string[]) => runCli(['import', 'opcon', ...args]);
const figures = async (text: string) => {
  const { result } = await lintText(text, 'x.yaml');
  return { findings: result.findings.map((f) => f.ruleId).sort(), failover: isOpconResult(result) ? result.failover : undefined };
};

describe('pooltopo import opcon', () => {
  it.each([1, 2, 3, 4])('imports seed scenario %i to the scenario and findings of the file written by hand, in either order', async (n) => {
    const r = await importOf([ini(n, 1), ini(n, 2), ...OPTIONS[n]!]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const byHand = await figures(readFileSync(`test/fixtures/kinds/opcon-seed-scenario-${n}.yaml`, 'utf8'));
    expect(await figures(r.stdout)).toEqual(byHand);
    expect(byHand.failover?.scenario).toBe(n);
    // The example is this output, so that it stays what the ini files say.
    expect(r.stdout).toBe(readFileSync(`examples/opcon-seed-scenario-${n}.yaml`, 'utf8'));
    const reversed = await importOf([ini(n, 2), ini(n, 1), ...OPTIONS[n]!]);
    if (n >= 3) expect(reversed.stdout).toBe(r.stdout);
    else expect((await figures(reversed.stdout)).failover).toMatchObject({ primary: 'OpConxps2', secondary: 'OpConxps1', scenario: n });
  });

  it("reads each machine's own mode section only, keeps the ini's doubled quotes and says where each value comes from", async () => {
    const r = await importOf([ini(4, 1), ini(4, 2)]);
    const lines = r.stdout.split('\n');
    const primary = lines.slice(
      lines.findIndex((l) => l.startsWith('  - name: OpConxps1')),
      lines.findIndex((l) => l.startsWith('  - name: OpConxps2')),
    );
    // The Primary's file carries the same [Secondary Mode Settings] as the Secondary's: not read.
    expect(primary.join('\n')).not.toMatch(/^ +(PrimaryAbnormalShutdownFailover|PrimaryMachine|PingRetryCount):/m);
    expect(primary).toContain('      FailOverSocketNumber: 6500  # examples/opcon-seed/scenario-4/OpConxps1/SMAServMan.ini:13');
    // The Secondary's file is UTF-16 and spells the key FailoverSocketNumber: written as the documented key.
    expect(lines).toContain('      FailOverSocketNumber: 6500  # examples/opcon-seed/scenario-4/OpConxps2/SMAServMan.ini:18');
    expect(lines).toContain(
      '      PrimaryAbnormalShutdownScript: \'""C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd""\'  # examples/opcon-seed/scenario-4/OpConxps2/SMAServMan.ini:25',
    );
    // Defaults are left out: SecondsBetweenPings=15, TimeOutInSecondsForSync=60, the switches at N.
    expect(r.stdout).not.toMatch(/SecondsBetweenPings|TimeOutInSecondsForSync|SyncLostFailover|ShortServiceName/);
    // What the ini cannot say, said; validated as not given.
    expect(lines).toContain(
      "    # serviceStartType: not in SMAServMan.ini (the service's startup type in Windows), so not known: pass --start-type OpConxps2=automatic|automatic-delayed|manual",
    );
    expect(lines).toContain(
      '# database.replication: not in SMAServMan.ini, so not known: pass --replicated for a replicated database (scenarios 2 and 4), or --connection for each machine',
    );
    expect((await figures(r.stdout)).failover).toMatchObject({ scenario: 3, database: 'none' });
  });

  it("names machines by NAME=PATH, the Primary by the Secondary's PrimaryMachine, else by the file's folder", async () => {
    const r = await importOf([`opcon02.corp.local=${ini(3, 2)}`, ini(3, 1)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  - name: OpConxps1  # named by the Secondary's PrimaryMachine (examples/opcon-seed/scenario-3/OpConxps2/SMAServMan.ini:19)\n");
    expect(r.stdout).toContain('  - name: opcon02.corp.local  # named on the command line (NAME=PATH)\n');
    const manual = await importOf([`opcon-a=${ini(1, 1)}`, ini(1, 2)]);
    expect(manual.stdout).toContain("  - name: OpConxps2  # named after its file's folder");
  });

  it('refuses a Secondary whose PrimaryMachine names neither machine, with its file and line', async () => {
    const r = await importOf([`opcon09=${ini(3, 1)}`, ini(3, 2)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'pooltopo: examples/opcon-seed/scenario-3/OpConxps2/SMAServMan.ini:19: the Secondary\'s PrimaryMachine is "OpConxps1", which names neither machine imported (opcon09 from examples/opcon-seed/scenario-3/OpConxps1/SMAServMan.ini, OpConxps2 from examples/opcon-seed/scenario-3/OpConxps2/SMAServMan.ini); is the Primary\'s file the right one, or its name?\n',
    );
  });

  it('writes any key and value the ini holds as YAML that reads back the same, and escapes what a terminal would obey', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-import-'));
    const secondary = path.join(dir, 'SMAServMan.ini');
    writeFileSync(
      secondary,
      '[General Settings]\r\nMode=Secondary\r\n[Secondary Mode Settings]\r\nFailOverSocketNumber=6500\r\nPrimaryMachine=box1\r\n' +
        'PrimaryAbnormalShutdownFailover=Y\r\nPrimaryAbnormalShutdownScript=C:\\a b\\x.cmd # kept\r\nweird: key=yes\r\nTrue=on\r\nSyncLostScript=red\u202e\u2066\r\nPrimaryNormalShutdownScript=42\r\n',
    );
    const r = await importOf([`box2=${secondary}`]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u202e\u2066]/);
    const { opcon } = await lintText(r.stdout, 'x.yaml');
    const m = opcon!.model.machines[0]!;
    expect(m.scripts).toMatchObject({
      PrimaryAbnormalShutdownScript: 'C:\\a b\\x.cmd # kept',
      SyncLostScript: 'red\u202e\u2066',
      PrimaryNormalShutdownScript: '42',
    });
    expect([...m.settingKeys.values()]).toEqual([
      'FailOverSocketNumber',
      'PrimaryMachine',
      'PrimaryAbnormalShutdownFailover',
      'PrimaryAbnormalShutdownScript',
      'weird: key',
      'True',
      'SyncLostScript',
      'PrimaryNormalShutdownScript',
    ]);
    // A script (text) that looks like a number stays text, which the schema asks of it.
    expect(r.stdout).toContain("      PrimaryNormalShutdownScript: '42'  #");
  });

  describe('bad input: one line with file and line, exit 2, no output file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-import-'));
    const file = (name: string, content: string | Buffer) => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const refused = async (args: string[], message: string | RegExp) => {
      const out = path.join(dir, 'out.yaml');
      const r = await runCli(['import', 'opcon', ...args, '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      if (typeof message === 'string') expect(r.stderr).toBe(`pooltopo: ${message}\n`);
      else expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    };

    it('refuses a file that is not an ini file', async () => {
      const yaml = file('topology.yaml', 'version: 1\nkind: opcon-failover\n');
      await refused(
        [yaml, ini(3, 2)],
        `${yaml}:1: "version: 1" is neither a [Section], a Key=Value line nor a comment: the file is not an ini file (SMAServMan.ini is one)`,
      );
    });

    it('refuses a file with no Mode, or a Mode outside [General Settings]', async () => {
      const none = file('none.ini', '[General Settings]\r\nShortServiceName=SMA_Servman\r\n');
      await refused(
        [none, ini(3, 2)],
        `${none}:1: no Mode in [General Settings]: SMAServMan.ini says there whether the machine is Primary, Secondary or StandAlone; is this an SMAServMan.ini?`,
      );
      const misplaced = file('misplaced.ini', '[General Settings]\n[Primary Mode Settings]\nMode=Primary\n');
      await refused(
        [misplaced],
        `${misplaced}:3: Mode is in [Primary Mode Settings], but SMAServMan reads it in [General Settings]; the file says no Mode where it counts`,
      );
    });

    it('refuses two files of the same mode', async () => {
      await refused([ini(3, 1), ini(4, 1)], `${ini(3, 1)}:8 and ${ini(4, 1)}:8 both say Mode=Primary; give the Primary's SMAServMan.ini and the Secondary's`);
    });

    it('refuses a binary file and a 50 MB file', async () => {
      const binary = file('binary.ini', Buffer.from([0x5b, 0x47, 0x5d, 0x0a, 0x00, 0x01, 0x02, 0xff]));
      await refused(
        [binary, ini(3, 2)],
        `${binary}:2: the file holds binary data (a NUL byte), not ini text; save it as UTF-8, or as UTF-16 with a byte-order mark`,
      );
      const large = file('large.ini', '');
      truncateSync(large, 50 * 1024 * 1024);
      await refused([large, ini(3, 2)], `"${large}" is 50.0 MiB, larger than the 1024 KiB an SMAServMan.ini can be: it is not one`);
    });

    it('leaves an existing output file as it was, and never writes over an ini file it read', async () => {
      const out = file('kept.yaml', 'before\n');
      const r = await runCli(['import', 'opcon', file('bad.ini', 'nonsense\n'), '-o', out]);
      expect(r.code).toBe(2);
      expect(readFileSync(out, 'utf8')).toBe('before\n');
      const copy = file('SMAServMan.ini', readFileSync(ini(3, 2)));
      const over = await runCli(['import', 'opcon', ini(3, 1), copy, '-o', copy]);
      expect(over.code).toBe(2);
      expect(over.stderr).toMatch(/names a file this command read/);
      expect(readFileSync(copy)).toEqual(readFileSync(ini(3, 2)));
    });
  });

  it('writes -o atomically and says so; refuses bad options and sources with the closest names', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-import-'));
    const out = path.join(dir, 'opcon.yaml');
    const r = await importOf([ini(3, 1), ini(3, 2), '-o', out]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: `pooltopo: wrote ${out}\n` });
    expect(readFileSync(out, 'utf8')).toBe((await importOf([ini(3, 1), ini(3, 2)])).stdout);
    // No output through a link unless told, as every command writes -o.
    const link = path.join(dir, 'link.yaml');
    symlinkSync(out, link);
    expect((await importOf([ini(3, 1), ini(3, 2), '-o', link])).code).toBe(2);
    expect((await importOf([ini(3, 1), ini(3, 2), '-o', link, '--follow-output-link'])).code).toBe(0);
    expect((await importOf([ini(3, 1), ini(3, 2), '--start-type', 'OpConxps3=manual'])).stderr).toBe(
      'pooltopo: --start-type names "OpConxps3", which is neither machine imported (OpConxps1, OpConxps2); did you mean "OpConxps1"?\n',
    );
    expect((await importOf([ini(3, 1), ini(3, 2), '--start-type', 'OpConxps1=delayed'])).stderr).toBe(
      'pooltopo: --start-type takes NAME=automatic|automatic-delayed|manual, not "delayed"\n',
    );
    const source = await runCli(['import', 'opcn', 'x.ini']);
    expect(source).toMatchObject({ code: 2, stderr: 'pooltopo: unknown import source "opcn"; did you mean "opcon"? (pooltopo imports scom and opcon)\n' });
    expect((await runCli(['import'])).stderr).toBe(
      'pooltopo: import needs a source and its files: pooltopo import scom|opcon FILE... (pooltopo import --help)\n',
    );
    expect((await runCli(['import', 'opcon'])).code).toBe(2);
    const help = await runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pooltopo import opcon [NAME=]PRIMARY.ini [NAME=]SECONDARY.ini [options]');
    expect((await runCli(['--help'])).stdout).toContain('import SOURCE FILE...');
  });
});
