/**
 * export/Export-ScomTopology.ps1 cannot run here, so what can be checked without PowerShell is: it
 * parses (tree-sitter's PowerShell grammar, failing on any ERROR or MISSING node), it only reads,
 * and the property names it writes are exactly those the importer reads and the fixtures hold.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Parser from 'tree-sitter';
import PowerShell from 'tree-sitter-powershell';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

type Node = Parser.SyntaxNode;
const SCRIPT = path.join(ROOT, 'export/Export-ScomTopology.ps1');
const source = readFileSync(SCRIPT, 'utf8');
const parser = new Parser();
parser.setLanguage(PowerShell as unknown as Parser.Language);
const tree = parser.parse(source);

function nodes(type: string, from: Node = tree.rootNode): Node[] {
  const out: Node[] = [];
  const walk = (n: Node): void => {
    if (n.type === type) out.push(n);
    for (const c of n.children) walk(c);
  };
  walk(from);
  return out;
}

/** The keys of every hashtable the script builds: the export's property names. */
const written = new Set(nodes('hash_entry').map((e) => e.children.find((c) => c.type === 'key_expression')!.text));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pooltopo-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Export-ScomTopology.ps1', () => {
  it('parses as PowerShell, with no ERROR or MISSING node', () => {
    const broken = [...nodes('ERROR'), ...nodes('MISSING')].map((n) => `${n.startPosition.row + 1}:${n.startPosition.column + 1}`);
    expect(broken).toEqual([]);
    expect(tree.rootNode.hasError).toBe(false);
    // The check would catch a broken script: an unclosed block is an error.
    expect(parser.parse(source.replace('if ($server.IsGateway) {', 'if ($server.IsGateway {')).rootNode.hasError).toBe(true);
  });

  it('says at its top that it only reads, and calls no cmdlet that changes anything', () => {
    expect(source.slice(0, 400)).toMatch(/READ-ONLY: this script changes nothing/);
    const commands = new Set(nodes('command_name').map((n) => n.text));
    expect(
      [...commands].filter(
        (c) =>
          /^(Set|Remove|Add|Update|Install|Uninstall|Enable|Disable|Start|Stop|Restart|Invoke|Clear|Move|Rename|Approve|Reset)-/i.test(c) &&
          c !== 'Stop-Export',
      ),
    ).toEqual([]);
    expect([...commands].filter((c) => /^New-/i.test(c))).toEqual(['New-SCOMManagementGroupConnection', 'New-Object']);
    // Registry keys are opened for reading only.
    expect(source.match(/OpenSubKey\([^)]*\)/g)).toEqual(['OpenSubKey($KeyPath, $false)']);
    for (const cmdlet of [
      'Get-SCOMManagementGroup',
      'Get-SCOMManagementServer',
      'Get-SCOMAgent',
      'Get-SCOMResourcePool',
      'Get-SCXAgent',
      'Get-SCOMRelationship',
      'Get-SCOMRelationshipInstance',
    ])
      expect(commands).toContain(cmdlet);
  });

  it('takes the management server and the output file, writes UTF-8, and stops with a message and exit 1 when the module or the permission is missing', () => {
    const block = tree.rootNode.children.find((c) => c.type === 'param_block')!;
    const params = nodes('script_parameter', block).map((p) => p.children.find((c) => c.type === 'variable')!.text);
    expect(params).toEqual(['$ManagementServer', '$OutputPath']);
    expect(source).toMatch(/UTF8Encoding\(\$false\)/);
    expect(source).toMatch(/Stop-Export "the OperationsManager module could not be loaded/);
    expect(source).toMatch(/Stop-Export "access denied on/);
    expect(source).toMatch(/\[Console\]::Error\.WriteLine[^\n]*\n\s*exit 1/);
    expect(source).toMatch(/Write-Warning "the PoolManager values of \$name could not be read[^"]*exported as null"/);
  });

  it('writes the property names the fixtures hold, no more and no fewer', () => {
    const inFixtures = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          inFixtures.add(k);
          collect(x);
        }
    };
    const dirOf = path.join(ROOT, 'test/fixtures/import-scom');
    for (const f of readdirSync(dirOf).filter((f) => f.endsWith('.export.json'))) collect(JSON.parse(readFileSync(path.join(dirOf, f), 'utf8')));
    expect([...written].sort()).toEqual([...inFixtures].sort());
  });

  it('writes no property the importer does not read: without any one of them the import fails or changes', async () => {
    const exp = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/import-scom/gateway-pool-two.export.json'), 'utf8'));
    // Values away from their defaults, so that losing one shows.
    exp.managementServers[0].PoolManager = { PoolLeaseRequestPeriodSeconds: 600, PoolNetworkLatencySeconds: 120 };
    exp.managementServers[2].PoolManager = { PoolLeaseRequestPeriodSeconds: 600, PoolNetworkLatencySeconds: 120 };
    exp.resourcePools[3].Observers = [exp.managementServers[0].DisplayName];
    exp.resourcePools[3].NetworkDeviceCount = 40;
    const run = async (value: unknown, name: string) => {
      const file = path.join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(value, null, 2));
      const r = await runCli(['import', 'scom', file]);
      // The first line names the file, which differs from run to run.
      return { code: r.code, text: r.stdout.split('\n').slice(1).join('\n'), stderr: r.stderr };
    };
    const baseline = await run(exp, 'baseline');
    expect(baseline.code).toBe(0);
    const without = (v: unknown, key: string): unknown => {
      if (Array.isArray(v)) return v.map((x) => without(x, key));
      if (v === null || typeof v !== 'object') return v;
      return Object.fromEntries(
        Object.entries(v)
          .filter(([k]) => k !== key)
          .map(([k, x]) => [k, without(x, key)]),
      );
    };
    const unread: string[] = [];
    for (const key of written) {
      const r = await run(without(exp, key), `without-${key}`);
      if (r.code === 0 && r.text === baseline.text) unread.push(key);
    }
    expect(unread).toEqual([]);
    // Six at the top, two of the group, four of the database setup, six per server (two under
    // PoolManager) and seven per pool, DisplayName in both.
    expect(written.size).toBe(26);
  }, 60_000);
});
