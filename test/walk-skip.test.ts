/** The walk skips other tools' YAML; a file named is always linted; the pre-commit hook passes in a repository that has both. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/run-cli.js';

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'pooltopo-walk-skip-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  mkdirSync(path.join(repo, 'topologies'));
  mkdirSync(path.join(repo, 'deploy'));
  writeFileSync(path.join(repo, 'topologies/prod.yaml'), readFileSync(path.join(ROOT, 'examples/two-servers-separate-sql.yaml'), 'utf8'));
  writeFileSync(path.join(repo, 'docker-compose.yml'), 'version: "3.8"\nservices:\n  web:\n    image: nginx\n');
  writeFileSync(path.join(repo, 'deploy/inventory.yaml'), 'all:\n  hosts:\n    web01: {}\n');
  writeFileSync(path.join(repo, 'deploy/workflow.yml'), 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: []\n');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the directory walk', () => {
  it("skips YAML with none of any kind's top-level keys, counts it, and names it with --debug", async () => {
    const r = await runCli(['validate', '.'], { cwd: repo });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ no problems in 1 file \(3 files skipped: not topologies\)\n$/);
    const json = JSON.parse((await runCli(['validate', '.', '--format', 'json'], { cwd: repo })).stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['topologies/prod.yaml']);
    expect(json.summary.skipped).toBe(3);
    const debug = await runCli(['validate', '.', '--debug'], { cwd: repo });
    expect(debug.stderr.split('\n').filter(Boolean).sort()).toEqual([
      'pooltopo: debug: skipped "deploy/inventory.yaml": it has none of any kind\'s top-level keys',
      'pooltopo: debug: skipped "deploy/workflow.yml": it has none of any kind\'s top-level keys',
      'pooltopo: debug: skipped "docker-compose.yml": it has none of any kind\'s top-level keys',
    ]);
    // A glob walks the same way.
    expect((await runCli(['validate', '**/*.y*ml'], { cwd: repo })).stdout).toMatch(/\(3 files skipped: not topologies\)\n$/);
  });

  it('always lints a file named on the command line', async () => {
    const r = await runCli(['validate', 'docker-compose.yml', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings;
    expect(findings.filter((f: { messageId?: string }) => f.messageId === 'notATopology').map((f: { ruleId: string }) => f.ruleId)).toEqual(['schema']);
  });

  it('lets the pre-commit hook pass in a repository with other YAML, and fail on a broken topology', async () => {
    const [hook] = yaml.load(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { entry: string; pass_filenames: boolean; files: string }[];
    expect(hook!.pass_filenames).toBe(false);
    expect(new RegExp(hook!.files).test('.github/workflows/ci.yml')).toBe(true);
    const args = hook!.entry.split(' ').slice(1);
    expect((await runCli(args, { cwd: repo })).code).toBe(0);
    writeFileSync(path.join(repo, 'topologies/broken.yaml'), 'version: 1\nname: X\nmanagementServers:\n  - name: ms01\n    agents: many\n');
    try {
      expect((await runCli(args, { cwd: repo })).code).toBe(1);
    } finally {
      rmSync(path.join(repo, 'topologies/broken.yaml'));
    }
  });
});
