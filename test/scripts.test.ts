import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

// The scripts reach into the build by path (`npm run bench` times the analyses in process): a
// module moved in src/ must not leave a script that fails only when someone runs it.
describe("the scripts' imports of the build", () => {
  const uses: { script: string; file: string; names: string[] }[] = [];
  for (const script of readdirSync(path.join(root, 'scripts')).filter((f) => f.endsWith('.mjs'))) {
    const text = readFileSync(path.join(root, 'scripts', script), 'utf8');
    for (const m of text.matchAll(/const \{([^}]*)\} = await import\(path\.join\(root, '(dist\/[^']+)'\)\)/g))
      uses.push({ script, file: m[2]!, names: m[1]!.split(',').map((n) => n.trim()) });
    for (const m of text.matchAll(/^import \{([^}]*)\} from '\.\.\/(dist\/[^']+)';$/gm))
      uses.push({ script, file: m[2]!, names: m[1]!.split(',').map((n) => n.trim()) });
  }

  it('are found in the scripts (the bench imports four modules, record-expected one)', () => {
    expect(uses.filter((u) => u.script === 'bench.mjs').length).toBe(4);
    expect(uses.filter((u) => u.script === 'record-expected.mjs').length).toBe(1);
  });

  it.each(uses.map((u) => [`${u.script}: ${u.file}`, u] as const))('%s exists and exports what is imported', async (_, u) => {
    const module = (await import(pathToFileURL(path.join(root, u.file)).href)) as Record<string, unknown>;
    for (const name of u.names) expect(typeof module[name], `${u.file} exports ${name}`).toBe('function');
  });
});
