/** `pooltopo diff`'s outputs: stylish for a terminal, json for scripts, markdown for a pull request. */
import type { DiffFinding, DiffResult, FigureChange, FigureValue } from './compare.js';
import { escapeForTerminal, escapeJsonForTerminal } from '../util/text.js';
import { escapeMarkdownCell } from '../formatters/markdown.js';
import { plural } from '../core/rule.js';

/** The JSON of CLI.md's "`diff`": the per-figure verdicts stay, for scripts that want them. */
export function formatDiffJson(d: DiffResult): string {
  return escapeJsonForTerminal(JSON.stringify(d, null, 2) + '\n');
}

const LABELS: Readonly<Record<string, string>> = {
  members: 'members',
  observers: 'observer-only members',
  defaultObserver: 'default observer',
  votingMembers: 'voting members',
  votesNeeded: 'votes needed',
  outcome: 'with nothing down',
  tolerableFailures: 'tolerates',
  tolerableSimultaneousFailures: 'tolerates at once',
  availability: 'availability',
  singlePointsOfFailure: 'single points of failure',
  scomVersion: 'Operations Manager version',
  frontEnds: 'front ends',
  startupNeeded: 'front ends to start',
  quorumNeeded: 'front ends for quorum',
  quorumFrom: 'among the first',
  pairedWith: 'paired with',
  poolState: 'PoolState',
  usersAfterFailover: 'users after failover',
  usersNow: 'users now',
  scenario: 'scenario',
  mode: 'mode',
  primary: 'primary',
  secondary: 'secondary',
  database: 'database',
  triggers: 'triggers',
  machines: 'machines',
  detectionSeconds: 'detection (s)',
};

/** A figure's name for people: `dataCenterLoss/dc-east` reads "loss of dc-east". */
export function figureLabel(figure: string): string {
  if (figure.startsWith('dataCenterLoss/')) return `loss of ${figure.slice('dataCenterLoss/'.length)}`;
  return Object.hasOwn(LABELS, figure) ? LABELS[figure]! : figure;
}

export function showValue(figure: string, v: FigureValue | undefined): string {
  if (v === undefined) return '-';
  if (v === null) return figure === 'availability' ? 'not given' : 'none';
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.join(', ');
  if (figure === 'availability' && typeof v === 'number') return percent(v);
  if (typeof v === 'number') return v.toLocaleString('en-US');
  return String(v);
}

/** A probability as a percentage with enough digits to show its nines (0.99995 → 99.995%), and `extra` more. */
function percent(p: number, extra = 0): string {
  if (p >= 1) return '100%';
  const digits = Math.min(12, Math.max(2, Math.ceil(-Math.log10(1 - p)) + 1) + extra);
  return `${(p * 100).toFixed(digits - 2).replace(/\.?0+$/, '')}%`;
}

/** Before and after as text; two availabilities that would read the same get the digits that tell them apart. */
function showPair(c: Pick<FigureChange, 'figure' | 'before' | 'after'>): [string, string] {
  if (c.figure === 'availability' && typeof c.before === 'number' && typeof c.after === 'number') {
    for (let extra = 0; extra < 10; extra++) {
      const pair: [string, string] = [percent(c.before, extra), percent(c.after, extra)];
      if (pair[0] !== pair[1]) return pair;
    }
  }
  return [showValue(c.figure, c.before), showValue(c.figure, c.after)];
}

function changeText(c: FigureChange): string {
  const [before, after] = showPair(c);
  return `${figureLabel(c.figure)} ${before} → ${after}${c.verdict !== 'changed' ? ` (${c.verdict})` : ''}`;
}

function findingLine(f: DiffFinding): string {
  return `${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`;
}

/** Names added and removed, by what they are, one line each. */
function inventoryLines(d: DiffResult): string[] {
  const out: string[] = [];
  for (const [what, names] of Object.entries(d.added)) out.push(`added ${what}: ${names.join(', ')}`);
  for (const [what, names] of Object.entries(d.removed)) out.push(`removed ${what}: ${names.join(', ')}`);
  return out;
}

/** The verdict in a line: worse, better or no change, and how many of each. */
function verdict(d: DiffResult): { worse: number; better: number; line: string } {
  const all = [...d.pools.flatMap((p) => (p.change === 'changed' ? p.figures : [])), ...(d.managementGroup?.figures ?? []), ...(d.failover?.figures ?? [])];
  const worse = all.filter((f) => f.verdict === 'worse').length;
  const better = all.filter((f) => f.verdict === 'better').length;
  const findings = `${plural(d.findings.added.length, 'new finding')}, ${plural(d.findings.removed.length, 'finding')} gone`;
  // A figure that only changed (a scenario, a version) is a change all the same: the lines above list it.
  const unchanged = all.length + d.findings.added.length + d.findings.removed.length + d.pools.length === 0 && inventoryLines(d).length === 0;
  const line = d.worse
    ? `worse: ${plural(worse, 'figure')} worse, ${better} better; ${findings}`
    : unchanged
      ? 'no change to resilience'
      : `not worse: ${plural(better, 'figure')} better; ${findings}`;
  return { worse, better, line };
}

export function formatDiffStylish(d: DiffResult): string {
  const out: string[] = [escapeForTerminal(`${d.old} → ${d.new}`) + (d.oldMissing ? ' (new file: every figure is added)' : '')];
  const section = (title: string, lines: readonly string[]) => {
    if (lines.length === 0) return;
    out.push(`  ${title}`);
    for (const l of lines) out.push(`    ${escapeForTerminal(l)}`);
  };
  for (const p of d.pools) {
    const lines =
      p.change === 'changed'
        ? p.figures.map(changeText)
        : p.change === 'added'
          ? [`added: ${p.figures.map((c) => `${figureLabel(c.figure)} ${showValue(c.figure, c.after)}`).join('; ')}`]
          : ['removed'];
    section(`pool ${p.name}`, lines);
  }
  if (d.managementGroup) section('management group', d.managementGroup.figures.map(changeText));
  if (d.failover) section('failover', d.failover.figures.map(changeText));
  section('design', inventoryLines(d));
  section(
    'new findings',
    d.findings.added.map((f) => `+ ${findingLine(f)}`),
  );
  section(
    'findings gone',
    d.findings.removed.map((f) => `- ${findingLine(f)}`),
  );
  out.push('');
  out.push(`${d.worse ? '✖' : '✔'} ${verdict(d).line}`);
  return out.join('\n') + '\n';
}

/** For a pull request or a merge request: a heading with the verdict, then tables of what moved. */
export function formatDiffMarkdown(d: DiffResult): string {
  const cell = escapeMarkdownCell;
  const v = verdict(d);
  const out: string[] = [
    `### ${d.worse ? '❌' : '✅'} pooltopo diff: ${v.line}`,
    '',
    `${cell(d.old)} → ${cell(d.new)}${d.oldMissing ? ' (new file: every figure is added)' : ''}`,
    '',
  ];
  const rows: string[] = [];
  const row = (where: string, c: FigureChange) =>
    rows.push(
      `| ${cell(where)} | ${cell(figureLabel(c.figure))} | ${cell(showPair(c)[0])} | ${cell(showPair(c)[1])} | ${c.verdict === 'worse' ? '🔴 worse' : c.verdict === 'better' ? '🟢 better' : 'changed'} |`,
    );
  for (const p of d.pools) {
    if (p.change === 'removed') rows.push(`| ${cell(p.name)} | pool | present | removed | changed |`);
    else for (const c of p.figures) row(p.name, c);
  }
  for (const c of d.managementGroup?.figures ?? []) row('management group', c);
  for (const c of d.failover?.figures ?? []) row('failover', c);
  if (rows.length > 0) out.push('| pool | figure | before | after | |', '|---|---|---|---|---|', ...rows, '');
  const inventory = inventoryLines(d);
  if (inventory.length > 0) out.push(...inventory.map((l) => `- ${cell(l)}`), '');
  const findingRows = [
    ...d.findings.added.map((f) => `| new | ${f.severity} | ${cell(f.ruleId)} | ${f.line}:${f.column} | ${cell(f.message)} |`),
    ...d.findings.removed.map((f) => `| gone | ${f.severity} | ${cell(f.ruleId)} | ${f.line}:${f.column} | ${cell(f.message)} |`),
  ];
  if (findingRows.length > 0) out.push('| finding | severity | rule | at | message |', '|---|---|---|---|---|', ...findingRows, '');
  return out.join('\n') + (out.at(-1) === '' ? '' : '\n');
}
