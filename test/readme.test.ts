/** The README's snippets are what users copy: every YAML block parses, and topology examples validate. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { lintText } from '../src/api/lint.js';
import { ROOT } from './fixture-files.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('README', () => {
  it('starts with the two commands a newcomer runs', () => {
    const head = readme.split('\n').slice(0, 6).join('\n');
    expect(head).toMatch(/npm ci && npx pooltopo validate examples/);
    expect(head).toMatch(/npm ci && npm test/);
  });

  it('is a page for users, about 300 lines: the long reference lives in docs/', () => {
    expect(readme.split('\n').length).toBeLessThan(400);
    for (const page of ['USAGE.md', 'KINDS.md', 'IMPORT.md', 'LIBRARY.md', 'SECURITY.md', 'PERFORMANCE.md']) expect(readme).toContain(`(docs/${page})`);
    expect(readme).toContain('(CONTRIBUTING.md)');
  });

  it('shows each command with an example', () => {
    for (const command of ['validate', 'report', 'simulate', 'plan', 'diff', 'rules']) {
      expect(readme, command).toMatch(new RegExp(`\`\`\`sh\n(?:.*\n)*?npx pooltopo ${command} `));
    }
  });

  it.each(['README.md', 'CONTRIBUTING.md', ...['USAGE.md', 'KINDS.md', 'IMPORT.md', 'LIBRARY.md', 'SECURITY.md', 'PERFORMANCE.md'].map((p) => `docs/${p}`)])(
    '%s links only to files that exist',
    (page) => {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      const targets = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
      for (const t of targets) expect(existsSync(path.join(ROOT, path.dirname(page), t)), `${page}: ${t}`).toBe(true);
    },
  );

  it.each(blocks.map((b, i) => [i, b] as const))('YAML block %i parses', (_i, block) => {
    expect(() => yaml.load(block)).not.toThrow();
  });

  it('has its TypeScript in the type tests, which compile it against the package', () => {
    const compiled = readFileSync(path.join(ROOT, 'test/types/readme.ts'), 'utf8');
    const ts = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(ts.length).toBeGreaterThan(0);
    for (const block of ts) expect(compiled).toContain(block);
  });

  it('has a topology example that validates and a config example pooltopo accepts', async () => {
    const topology = blocks.find((b) => b.includes('managementServers:') && b.includes('version: 1'))!;
    expect((await lintText(topology, 'README.yaml')).result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const config = blocks.find((b) => b.includes('policies:'))!;
    const loaded = await parseConfig(config, 'README config', ROOT);
    expect(loaded.policies.map((p) => p.definition.id)).toEqual(['acme/two-failures']);
  });

  it('has CI snippets for GitHub code scanning, GitLab test reports and pre-commit', () => {
    const gh = yaml.load(blocks.find((b) => b.includes('upload-sarif'))!) as {
      jobs: { pooltopo: { steps: { run?: string; with?: Record<string, string> }[] } };
    };
    const steps = gh.jobs.pooltopo.steps;
    // pooltopo comes from the project's own devDependencies (it is not on the npm registry).
    const runs = steps.map((s) => s.run ?? '');
    expect(runs.findIndex((r) => r.startsWith('npm ci'))).toBeLessThan(runs.findIndex((r) => r.includes('--format sarif -o pooltopo.sarif')));
    expect(runs.find((r) => r.includes('--format sarif'))).toMatch(/^npx --no-install pooltopo validate /);
    expect(steps.some((s) => s.with?.['sarif_file'] === 'pooltopo.sarif')).toBe(true);
    const gl = yaml.load(blocks.find((b) => b.includes('reports:'))!) as { pooltopo: { artifacts: { reports: { junit: string } }; script: string[] } };
    expect(gl.pooltopo.script[0]).toMatch(/^npm ci/);
    expect(gl.pooltopo.script[1]).toMatch(
      new RegExp(`^npx --no-install pooltopo validate .*--format junit -o ${gl.pooltopo.artifacts.reports.junit} \\|\\| status=\\$\\?$`),
    );
    // validate's failure does not stop the diff; the job fails after it, with validate's or diff's exit code.
    expect(gl.pooltopo.script.at(-1)).toBe('exit "${status:-0}"');
    const diffStep = steps.find((s) => s.run?.includes('pooltopo diff')) as { if?: string } | undefined;
    expect(diffStep?.if).toMatch(/!cancelled\(\)/);
    const hooks = yaml.load(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    const pc = yaml.load(blocks.find((b) => b.includes('repos:'))!) as { repos: { hooks: { id: string }[] }[] };
    expect(hooks.map((h) => h.id)).toContain(pc.repos[0]!.hooks[0]!.id);
  });
});
