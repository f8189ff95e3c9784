/** The fixtures: examples and test files with an `.expected.yaml` beside them. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

export const ROOT = path.resolve(import.meta.dirname, '..');

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...fixtureFiles(rel));
    else if (/\.(ya?ml|json)$/.test(entry.name) && !entry.name.endsWith('.expected.yaml')) {
      if (existsSync(path.join(ROOT, expectedPath(rel)))) out.push(rel);
    }
  }
  return out.sort();
}

export function expectedPath(file: string): string {
  return file.replace(/\.(ya?ml|json)$/, '.expected.yaml');
}

export interface Expected {
  findings: { ruleId: string; line?: number; column?: number; pool?: string }[];
  pools?: Record<string, unknown>[];
}

export function readExpected(file: string): Expected {
  return yaml.load(readFileSync(path.join(ROOT, expectedPath(file)), 'utf8')) as Expected;
}

export const FIXTURES = [...fixtureFiles('examples'), ...fixtureFiles('test/fixtures')];
