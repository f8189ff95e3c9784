/** The fixtures: examples and test files with their expected findings beside them, in `.expected/`. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

export const ROOT = path.resolve(import.meta.dirname, '..');

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) out.push(...fixtureFiles(rel));
    } else if (/\.(ya?ml|json)$/.test(entry.name)) {
      if (existsSync(path.join(ROOT, expectedPath(rel)))) out.push(rel);
    }
  }
  return out.sort();
}

/** `examples/x.yaml` → `examples/.expected/x.yaml`: beside the file, in a hidden folder that `validate DIR` skips. */
export function expectedPath(file: string): string {
  const slash = file.lastIndexOf('/');
  return `${file.slice(0, slash)}/.expected/${file.slice(slash + 1).replace(/\.(ya?ml|json)$/, '.yaml')}`;
}

export interface Expected {
  /** Options the fixture is linted with (for example `reportUnusedDisable: true`). */
  options?: { reportUnusedDisable?: boolean };
  findings: { ruleId: string; line?: number; column?: number; pool?: string }[];
  /** Findings the file's comments suppress. */
  suppressed?: { ruleId: string; line: number }[];
  pools?: Record<string, unknown>[];
  /** For `kind: opcon-failover`. */
  failover?: Record<string, unknown>;
  /** For `kind: scom`: the management group's figures. */
  managementGroup?: Record<string, unknown>;
}

export function readExpected(file: string): Expected {
  return yaml.load(readFileSync(path.join(ROOT, expectedPath(file)), 'utf8')) as Expected;
}

export const FIXTURES = [...fixtureFiles('examples'), ...fixtureFiles('test/fixtures')];
