/**
 * The output shown in README.md and docs/ is what the command prints today. A sample is a code block
 * with no language whose commands are given as `$ npx pooltopo ...` lines inside it, or by an
 * `<!-- output of: npx pooltopo ... -->` comment just before it. Its lines must appear in the
 * output in order; a line `...` stands for lines left out, and a line ending in `...` for the rest
 * of a long line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixture-files.js';
import { runCli } from './support/run-cli.js';

const PAGES = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Sample {
  where: string;
  command: string[];
  expected: string[];
}

function samplesOf(page: string): { samples: Sample[]; unannotated: string[] } {
  const lines = readFileSync(path.join(ROOT, page), 'utf8').split('\n');
  const samples: Sample[] = [];
  const unannotated: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```')) continue;
    const open = i;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    const body = lines.slice(open + 1, end);
    i = end;
    if (lines[open] !== '```') continue;
    const where = `${page}:${open + 1}`;
    const comment = /^<!-- output of: npx pooltopo (.+) -->$/.exec(lines[open - 1] ?? '');
    if (comment) samples.push({ where, command: comment[1]!.split(' '), expected: body });
    else if (body.some((l) => l.startsWith('$ npx pooltopo '))) {
      for (const l of body) {
        if (l.startsWith('$ npx pooltopo ')) samples.push({ where, command: l.slice('$ npx pooltopo '.length).split(' '), expected: [] });
        else samples.at(-1)?.expected.push(l);
      }
    } else if (/^examples\//.test(body[0] ?? '')) unannotated.push(where);
  }
  return { samples, unannotated };
}

const all = PAGES.map(samplesOf);
const samples = all.flatMap((p) => p.samples);

describe('output samples in the docs', () => {
  it('are found, and every block that shows output says which command gives it', () => {
    expect(samples.length).toBeGreaterThanOrEqual(9);
    expect(all.flatMap((p) => p.unannotated)).toEqual([]);
  });

  it.each(samples.map((s) => [`${s.where}: pooltopo ${s.command.join(' ')}`, s] as const))('%s', async (_, sample) => {
    const run = await runCli(sample.command);
    const actual = run.stdout.split('\n').map((l) => l.trimEnd());
    let at = 0;
    for (const line of sample.expected) {
      const want = line.trimEnd();
      if (want === '' || want.trim() === '...') continue;
      const prefix = want.endsWith('...') ? want.slice(0, -3).trimEnd() : undefined;
      const found = actual.findIndex((a, k) => k >= at && (prefix !== undefined ? a.startsWith(prefix) : a === want));
      expect(found, `${sample.where}: not in the output, in order: ${want}\n--- output ---\n${run.stdout}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
