import { execFileSync } from 'node:child_process';
/** schemas/topology.schema.json is what the kinds' schema parts compose to (run `npm run build`). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSchema } from '../tools/build/schema.mjs';
import { REGISTRY } from '../src/kinds/registry.js';
import { lintText } from '../src/api/lint.js';
import { ROOT } from './fixture-files.js';

describe('topology schema', () => {
  it("is composed from the kinds' parts and up to date", () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'schemas/topology.schema.json'), 'utf8'));
    expect(committed).toEqual(composeSchema());
  });

  it('knows exactly the registered kinds', () => {
    const schema = composeSchema() as { properties: { kind: { enum: string[] } } };
    expect([...schema.properties.kind.enum].sort()).toEqual([...REGISTRY.ids].sort());
  });
});

describe('the schema for editors and other tools', () => {
  const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../schemas/topology.schema.json'), 'utf8'));

  it('has a versioned $id, and a title of its own on every property', () => {
    expect(schema.$id).toMatch(/\/v1\//);
    const untitled: string[] = [];
    const titles = new Set<string>();
    const walk = (node: unknown, at: string) => {
      if (node === null || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n['properties'] && typeof n['properties'] === 'object') {
        for (const [key, prop] of Object.entries(n['properties'] as Record<string, { title?: string }>)) {
          if (typeof prop.title !== 'string') untitled.push(`${at}/${key}`);
          else titles.add(prop.title);
        }
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema, '');
    expect(untitled).toEqual([]);
    expect(titles.has(schema.title)).toBe(false);
  });

  it('takes $schema in a JSON topology, and types a duration as a pattern the CLI reads', async () => {
    const json = JSON.stringify({
      $schema: './node_modules/pooltopo/schemas/topology.schema.json',
      version: 1,
      name: 'J',
      managementServers: [{ name: 'a' }, { name: 'b' }],
      latency: [{ between: ['a', 'b'], ms: '0.4 ms' }],
    });
    expect((await lintText(json, 't.json')).result.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    const bad = (await lintText(json.replace('0.4 ms', 'fast'), 't.json')).result.findings;
    expect(bad.map((f) => [f.ruleId, f.path])).toEqual([['schema', '/latency/0/ms']]);
    const pattern = new RegExp(schema.definitions.latencyEntry.properties.ms.pattern);
    for (const ok of ['24 ms', '0.024 s', '1500 us', '.5ms', '3']) expect(pattern.test(ok), ok).toBe(true);
  });

  it('is exported from the package', () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8'));
    expect(pkg.exports['./schemas/topology.schema.json']).toBe('./schemas/topology.schema.json');
  });
});

describe('the package', () => {
  it("ships what a user runs: no test fixtures, no code cache built for another machine's Node", () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('schemas/topology.schema.json');
    expect(files).toContain('bin/pooltopo.js');
    expect(files.filter((f) => /(^|\/)\.expected\/|^test\/|\.(batch-)?cache$/.test(f))).toEqual([]);
  });
});

describe("the schema's lengths", () => {
  const schemaFindings = async (name: string) =>
    (await lintText(`version: 1\nname: T\nmanagementServers:\n  - name: ${JSON.stringify(name)}\n  - name: ms02\n`, 't.yaml')).result.findings.filter(
      (f) => f.ruleId === 'schema',
    );

  it('count a name in code points, a character past the BMP as one, as the schema says', async () => {
    const astral = '\u{1F600}';
    expect(await schemaFindings(astral.repeat(255))).toEqual([]);
    expect(await schemaFindings('x'.repeat(255))).toEqual([]);
    for (const over of [astral.repeat(256), 'x'.repeat(256), `${'x'.repeat(255)}${astral}`]) {
      expect((await schemaFindings(over)).map((f) => f.path)).toEqual(['/managementServers/0/name']);
    }
    expect((await schemaFindings('')).map((f) => f.path)).toContain('/managementServers/0/name');
  });

  it('are counted in code points only where the length alone cannot settle them (the build guards each count)', () => {
    const code = readFileSync(path.join(ROOT, 'src/io/generated/topology-validator.js'), 'utf8');
    const runtime = /import \* as (runtime\d+)Module from "ajv\/dist\/runtime\/ucs2length\.js"/.exec(code)![1]!;
    const helper = new RegExp(`const (\\w+) = ${runtime}\\.default;`).exec(code)![1]!;
    // Each count of a string's code points, with what comes before it: `&& ` where its length is checked first.
    const counts = code.match(new RegExp(`.. ?${helper}\\(\\w+\\) [<>] \\d+`, 'g')) ?? [];
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((c) => !c.startsWith('&&'))).toEqual([]);
  });
});
