/**
 * The default, human format, shaped like ESLint's: findings grouped by file, `line:col  severity
 * message  rule-id`, each pool's quorum in one line, and a summary. Colour only when asked.
 */
import { isScomPool, type FileResult, type KindPoolResult, type PoolResult, type Results } from '../results.js';
import { groupThousands } from '../rules/types.js';
import { escapeForTerminal } from './text.js';

export interface StylishOptions {
  readonly color: boolean;
}

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], green: [32, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;
type Style = keyof typeof CODES;

export function formatStylish(results: Results, options: StylishOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const out: string[] = [];
  for (const file of results.files) out.push(...formatFile(file, paint), '');
  const { errors, warnings, infos, files } = results.summary;
  const problems = errors + warnings + infos;
  if (problems === 0) {
    out.push(paint('green', `✔ no problems in ${plural(files, 'file')}`));
  } else {
    const line = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) in ${plural(files, 'file')}`;
    out.push(paint(errors > 0 ? 'red' : warnings > 0 ? 'yellow' : 'blue', paint('bold', line)));
  }
  return out.join('\n') + '\n';
}

function formatFile(file: FileResult, paint: (s: Style, t: string) => string): string[] {
  const lines = [paint('underline', escapeForTerminal(file.file))];
  const rows = file.findings.map((f) => ({
    at: `${f.line}:${f.column}`,
    severity: f.severity,
    message: escapeForTerminal(f.message),
    rule: f.ruleId,
  }));
  const atWidth = Math.max(0, ...rows.map((r) => r.at.length));
  const messageWidth = Math.min(100, Math.max(0, ...rows.map((r) => r.message.length)));
  for (const r of rows) {
    const sev = r.severity === 'error' ? paint('red', 'error  ') : r.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', 'info   ');
    lines.push(`  ${paint('dim', r.at.padEnd(atWidth))}  ${sev}  ${r.message.padEnd(messageWidth)}  ${paint('dim', r.rule)}`);
  }
  if (file.failover) {
    if (rows.length > 0) lines.push('');
    lines.push(`  ${paint('bold', 'failover')}  ${failoverSummary(file.failover)}`);
  } else if (file.pools.length > 0) {
    if (rows.length > 0) lines.push('');
    const nameWidth = Math.min(60, Math.max(...file.pools.map((p) => escapeForTerminal(p.name).length)));
    for (const p of file.pools) lines.push(`  ${paint('bold', escapeForTerminal(p.name).padEnd(nameWidth))}  ${isScomPool(p) ? poolSummary(p) : frontEndPoolSummary(p)}`);
  } else if (rows.length === 0) {
    lines.push('  no pools');
  }
  return lines;
}

/** `scenario 3 (automatic, one database): opcon01 -> opcon02 on primary-abnormal-shutdown, detected in 30.5 s`. */
export function failoverSummary(f: NonNullable<FileResult['failover']>): string {
  if (f.mode === 'none') return `none: ${escapeForTerminal(f.primary ?? '')} runs alone`;
  const db = f.database === 'replicated' ? 'replicated database' : 'one database';
  const head = `scenario ${f.scenario} (${f.mode}, ${db}): ${escapeForTerminal(f.primary ?? '?')} -> ${escapeForTerminal(f.secondary ?? '?')}`;
  if (f.mode === 'manual') return `${head}, by hand`;
  return `${head} on ${f.triggers.length ? f.triggers.join(', ') : 'no trigger'}, detected in ${f.detectionSeconds} s`;
}

/** `8 front ends, 4 of the first 7 needed, tolerates 3, paired with pool-west (55,000 users after failover)`. */
export function frontEndPoolSummary(p: Exclude<KindPoolResult, PoolResult>): string {
  const of = p.quorumFrom === p.frontEnds ? `${p.quorumNeeded} of ${p.frontEnds} needed` : `${p.quorumNeeded} of the first ${p.quorumFrom} needed`;
  const pair = p.pairedWith === null ? 'not paired' : `paired with ${escapeForTerminal(p.pairedWith)} (${groupThousands(p.usersAfterFailover)} users after failover)`;
  const state = p.poolState === 'Active' ? '' : `, PoolState ${p.poolState}`;
  return `${p.frontEnds} front end${p.frontEnds === 1 ? '' : 's'}, ${of}, tolerates ${p.tolerableFailures}, ${pair}${state}`;
}

/** `3 voters, 2 needed, tolerates 1 (0 without the default observer)`. */
export function poolSummary(p: PoolResult): string {
  let s = `${plural(p.votingMembers, 'voter')}, ${p.votesNeeded} needed, tolerates ${p.tolerableFailures}`;
  if (p.defaultObserver.participates) {
    s += ` (${p.withoutDefaultObserver.tolerableFailures} without the default observer)`;
  } else if (!p.defaultObserver.enabled) {
    s += ` (${p.withDefaultObserver.tolerableFailures} with the default observer)`;
  } else {
    s += ' (the default observer cannot vote: no management server)';
  }
  if (p.availability) {
    s += p.availability.nines === null ? ', always available' : `, availability ${formatProbability(p.availability.probability)} (${p.availability.nines} nines)`;
  }
  return s;
}

function formatProbability(p: number): string {
  return `${(p * 100).toPrecision(8).replace(/\.?0+$/, '')}%`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
