/**
 * A kind is a folder and one entry in the registry: the toy kind of test/fixtures/toy-kind/ is added
 * to src/kinds/registry.ts's list here, and nothing else, and validate, simulate, diff, report and
 * the rule docs all work on it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from './support/run-cli.js';

vi.mock('../src/kinds/registry.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/kinds/registry.js')>();
  const { createRegistry } = await import('../src/core/registry.js');
  const { toyKind } = await import('./fixtures/toy-kind/index.js');
  // The one line a new kind adds: its entry in the list.
  const KIND_PLUGINS = [...actual.KIND_PLUGINS, toyKind];
  const REGISTRY = createRegistry(KIND_PLUGINS);
  return { KIND_PLUGINS, REGISTRY, kindPlugin: (id: string) => REGISTRY.kind(id) };
});

const DIR = 'test/fixtures/toy-kind';

describe('a toy kind added through the registry alone', () => {
  it('validates: its schema, its rule, its model issues worded through the common rules, its summary', async () => {
    const quiet = await runCli(['validate', `${DIR}/three-nodes.yaml`]);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('3 votes, 2 needed, tolerates 1');
    expect(quiet.code).toBe(0);

    const json = JSON.parse((await runCli(['validate', `${DIR}/rules/toy-too-few-nodes.fires.yaml`, '--format', 'json'])).stdout);
    expect(json.files[0].kind).toBe('toy-cluster');
    expect(json.files[0].pools).toEqual([{ name: 'lab', votes: 2, votesNeeded: 2, tolerableFailures: 0 }]);
    expect(json.files[0].findings.map((f: { ruleId: string; messageId: string; message: string }) => [f.ruleId, f.messageId, f.message])).toEqual([
      ['toy-too-few-nodes', 'noFailure', 'Cluster "lab" tolerates no failure (2 votes); add a node.'],
    ]);
  });

  it('refuses what its schema refuses, finds its model issues, and tells a file without `kind` which kind to add', async () => {
    const { lintText } = await import('../src/api/lint.js');
    const bad = await lintText('version: 1\nkind: toy-cluster\nname: x\nnodes: [{name: a, votes: -1}]\n', 'x.yaml');
    expect(bad.result.findings.map((f) => [f.ruleId, f.path])).toEqual([['schema', '/nodes/0/votes']]);
    const twice = await lintText('version: 1\nkind: toy-cluster\nname: x\nnodes: [{name: a}, {name: A}, {name: b}]\n', 'x.yaml');
    expect(twice.result.findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      ['duplicate-name', 'toyDuplicateNode', 'Node "A" is listed twice; name each node once.'],
    ]);
    const unnamed = await lintText('version: 1\nname: x\nnodes: [{name: a}]\n', 'x.yaml');
    expect(unnamed.result.findings.map((f) => [f.messageId, f.data])).toEqual([['missingKind', { kind: 'toy-cluster' }]]);
    const unknown = await lintText('version: 1\nkind: toy\nname: x\n', 'x.yaml');
    expect(unknown.result.findings[0]?.message).toContain('toy-cluster');
  });

  it('simulates, and says how in simulate --help', async () => {
    const help = await runCli(['simulate', '--help']);
    expect(help.stdout).toContain('For kind toy-cluster, --down names nodes: whether a majority of the votes is left.');
    expect(help.stdout).toContain('For kind skype-pool-pair, --down names pools');
    const keeps = await runCli(['simulate', `${DIR}/three-nodes.yaml`, '--down', 'n1']);
    expect([keeps.code, keeps.stdout]).toEqual([0, 'lab with n1 down: 2 of 2 votes needed, keeps quorum\n']);
    const loses = await runCli(['simulate', `${DIR}/three-nodes.yaml`, '--down', 'n1', '--down', 'n2']);
    expect(loses.code).toBe(1);
    expect(loses.stdout).toContain('loses quorum');
  });

  it('is told plainly that plan is not among its commands (the kinds that plan are named from the registry)', async () => {
    const run = await runCli(['plan', `${DIR}/three-nodes.yaml`]);
    expect([run.code, run.stderr]).toEqual([
      2,
      `pooltopo: this command supports kind scom only for now; "${DIR}/three-nodes.yaml" is toy-cluster (pooltopo validate checks it)\n`,
    ]);
  });

  it('diffs two versions: its figures judged, its names added and removed', async () => {
    const run = await runCli(['diff', `${DIR}/three-nodes.yaml`, `${DIR}/rules/toy-too-few-nodes.fires.yaml`, '--format', 'json']);
    expect(run.code).toBe(1);
    const diff = JSON.parse(run.stdout);
    expect(diff.kind).toBe('toy-cluster');
    expect(diff.pools[0].figures).toEqual([
      { figure: 'votes', before: 3, after: 2, verdict: 'changed' },
      { figure: 'tolerableFailures', before: 1, after: 0, verdict: 'worse' },
    ]);
    expect(diff.removed).toEqual({ nodes: ['n3'] });
  });

  it('draws its report section', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'pooltopo-toy-')), 'toy.html');
    const run = await runCli(['report', `${DIR}/three-nodes.yaml`, '-o', out]);
    expect(run.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('toy cluster review');
    expect(html.match(/class="toy-node"/g)).toHaveLength(3);
    expect(html).toContain('href="#nodes"');
  });

  it('gets its rule docs from its own folder', async () => {
    const { renderAllRuleDocs } = await import('../src/docs/generate.js');
    const pages = await renderAllRuleDocs(path.resolve(import.meta.dirname, '..'));
    const page = [...pages].find(([name]) => name.includes('toy-too-few-nodes'));
    expect(page?.[1]).toContain('the cluster tolerates no failure');
    expect(page?.[1]).toContain('test/fixtures/toy-kind/rules/toy-too-few-nodes.fires.yaml');
    expect(pages.get('README.md')).toContain('toy-too-few-nodes');
  });
});
