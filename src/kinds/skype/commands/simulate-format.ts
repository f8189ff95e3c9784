/** `pooltopo simulate` output for a Skype file: stylish (people) and json (scripts), pure functions of the scenarios. */
import { escapeForTerminal as t } from '../../../util/text.js';
import { groupThousands, plural } from '../../../core/rule.js';
import { maxOf } from '../../../util/extremes.js';
import { scenarioFails, type SkypeFrontEndsDown, type SkypeOverCapacity, type SkypePoolDown, type SkypeScenario } from '../analysis/failover.js';

/** `pools` names the rows of the side-by-side table (the file's pools; by default those the scenarios name). */
export function formatSkypeScenarios(
  file: string,
  scenarios: readonly SkypeScenario[],
  format: 'stylish' | 'json',
  color = false,
  pools?: readonly string[],
): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, scenarios }, null, 2) + '\n';
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const order = pools ?? namedPools(scenarios);
  for (const s of scenarios) {
    out.push(paint(4, `${t(file)}: ${t(s.label)}`));
    // Pool by pool in the file's order: its front ends down, then the pool down (named or lost to them).
    for (const pool of order) {
      const f = s.frontEnds.find((x) => x.pool === pool);
      if (f) out.push(...frontEndLines(f, paint));
      const p = s.poolsDown.find((x) => x.pool === pool);
      if (p) out.push(...poolDownLines(p, paint));
      const stranded = s.stranded.find((x) => x.pool === pool);
      if (stranded) out.push(`  pool ${t(stranded.pool)}: ${paint(31, 'no service')}: ${t(stranded.reason)}`);
      const over = s.overCapacity.find((x) => x.pool === pool);
      if (over) out.push(overLine(over, paint));
    }
    out.push('');
  }
  if (scenarios.length > 1) out.push(...sideBySide(order, scenarios), '');
  out.push(verdict(scenarios, paint));
  return out.join('\n') + '\n';
}

type Paint = (code: number, text: string) => string;

/** A pool over its sizing with its partner's users on it already: `pool b carries 7,000 users now, its own and those of a, which has failed over to it: ...`. */
function overLine(o: SkypeOverCapacity, paint: Paint): string {
  const how = o.partnerState === 'FailingOver' ? 'which is failing over to it' : 'which has failed over to it';
  return `  pool ${t(o.pool)} carries ${groupThousands(o.users)} users now, its own and those of ${t(o.partner)}, ${how}: more than the ${groupThousands(o.maxUsers)} it is sized for: ${paint(31, 'OVER')}`;
}

/** A pool down: the failover to its partner, or why there is none, and what breaks. */
function poolDownLines(p: SkypePoolDown, paint: Paint): string[] {
  const out: string[] = [];
  if (p.partner === null) out.push(`  pool ${t(p.pool)} is down and has ${paint(31, 'no backup pool')}`);
  else if (!p.partnerTakesOver) out.push(`  pool ${t(p.pool)} is down, and its backup pool ${t(p.partner)} ${paint(31, 'cannot take it over')}`);
  else {
    const how = p.cmdlet === null ? 'has already failed over to' : 'fails over to';
    out.push(`  pool ${t(p.pool)} ${how} ${t(p.partner)}: registrar PoolState ${p.registrarStates.map(t).join(' -> ')}`);
    // What to fill in goes under the last step with a `<…>` in it, not after the checks that follow it.
    const filled = p.runFirst.reduce((last, step, i) => (/<[^<>]+>/.test(step) ? i : last), -1);
    const at = filled >= 0 ? filled : p.runFirst.length - 1;
    const notes = p.fillIn.map((note) => `      fill in: ${t(note)}`);
    p.runFirst.forEach((step, i) => out.push(`    ${p.cmdlet === null ? 'run' : 'run first'}: ${t(step)}`, ...(i === at ? notes : [])));
    if (at < 0) out.push(...notes);
    if (p.cmdlet !== null) out.push(`    run: ${t(p.cmdlet)}`);
    const sized =
      p.partnerMaxUsers !== null ? ` of the ${groupThousands(p.partnerMaxUsers)} it is sized for${p.partnerOverCapacity ? `: ${paint(31, 'OVER')}` : ''}` : '';
    // Failed over already, its partner carries the users now: over its sizing, the scenario's overCapacity line says so once.
    if (p.cmdlet !== null) out.push(`    ${t(p.partner)} then carries ${groupThousands(p.partnerUsers ?? 0)} users${sized}`);
    else if (!p.partnerOverCapacity) out.push(`    ${t(p.partner)} carries ${groupThousands(p.partnerUsers ?? 0)} users already${sized ? `,${sized}` : ''}`);
  }
  for (const b of p.breaks) out.push(`    breaks: ${t(b)}`);
  if (p.restoreBy.length > 0) {
    // One step a line: the Central Management Store's steps include two that exclude each other
    // ("if they name ...", "if they are empty ..."), which a sentence joined by "then" reads as a sequence.
    out.push('    restore, in this order:');
    p.restoreBy.forEach((step, i) => out.push(`      ${i + 1}. ${t(step)}`));
    for (const note of p.fillIn) out.push(`      fill in: ${t(note)}`);
  }
  return out;
}

/** Front ends or the back end down in a pool: whether it keeps pool-level quorum, and what brings it back. */
function frontEndLines(f: SkypeFrontEndsDown, paint: Paint): string[] {
  // Microsoft says only that a pool of two "would likely soon go down" with its back end: simulate
  // counts it down, and says that it counts it so rather than that it is.
  const likely = !f.keepsQuorum && f.withoutBackEnd?.needed === null && f.runningAmongFirst >= f.quorumNeeded;
  const verdict = f.keepsQuorum
    ? 'keeps pool-level quorum'
    : likely
      ? `${paint(31, 'counted as LOSING pool-level quorum')}, as the worst case`
      : paint(31, 'LOSES pool-level quorum');
  const what = [...f.down.map(t), ...(f.backEndDown ? ['its back end'] : [])].join(', ');
  const amongFirst = `${f.runningAmongFirst} of ${f.quorumFrom < f.poolFrontEnds ? 'the first ' : ''}${f.quorumFrom} running, ${f.quorumNeeded} needed`;
  // The back end down, the witness of a pool with an even number of front ends (back-end.ts): what it needs
  // without it, where the front ends down do not cost it its quorum already.
  const w = f.withoutBackEnd;
  const counts =
    w === null || f.runningAmongFirst < f.quorumNeeded
      ? `${amongFirst}${f.backEndDown && w === null ? ' (with an odd number of front ends its back end is no witness)' : ''}`
      : w.needed === null
        ? `${w.running} of ${f.poolFrontEnds} running, but a pool of two would likely soon go down with its back end, the witness of its pool-level quorum`
        : `${w.running} of ${f.poolFrontEnds} running, ${w.needed} needed while its back end, the witness, is down`;
  // A pool of one server (Standard Edition) has no quorum to count: its server down is the pool down.
  const out =
    f.poolFrontEnds === 1 && f.down.length === 1
      ? [`  pool ${t(f.pool)}: ${what}, its only server, down: ${paint(31, 'the pool is down')}`]
      : [`  pool ${t(f.pool)}: ${what} down; ${counts}: ${verdict}`];
  if (f.backEndEffect !== null) out.push(`    ${t(f.backEndEffect)}`);
  if (f.cmsEffect !== null) out.push(`    ${t(f.cmsEffect)}`);
  if (f.routingGroupsAtRisk)
    out.push(
      `    ${plural(f.down.length, 'front end')} down at once may take two of a routing group's three replicas: that routing group's users lose service although the pool keeps pool-level quorum`,
    );
  for (const r of f.recovery) out.push(`    recovery: ${t(r)}`);
  return out;
}

/** What one scenario does to one pool, in a word or two (the side-by-side table). */
function cellOf(s: SkypeScenario, pool: string): string {
  const down = s.poolsDown.find((p) => p.pool === pool);
  const fe = s.frontEnds.find((f) => f.pool === pool);
  if (down) {
    const cell = down.partnerTakesOver ? (down.cmdlet === null ? 'failed over' : 'fails over') : 'NO SERVICE';
    if (down.downBy === 'pool' || down.downBy === 'site' || !down.partnerTakesOver) return cell;
    return fe?.poolFrontEnds === 1 && fe.down.length === 1 ? `server down, ${cell}` : `loses quorum, ${cell}`;
  }
  if (s.usersWithoutService.some((u) => u.pool === pool)) return 'NO SERVICE';
  const carries = s.poolsDown.find((p) => p.partner === pool && p.partnerTakesOver);
  const over = s.overCapacity.find((o) => o.pool === pool);
  const parts: string[] = [];
  if (carries) parts.push(`carries ${groupThousands(carries.partnerUsers ?? 0)}${carries.partnerOverCapacity ? ' OVER' : ''}`);
  else if (over) parts.push(`carries ${groupThousands(over.users)} OVER`);
  if (fe?.backEndDown) parts.push('back end down');
  if (fe) parts.push(!fe.keepsQuorum ? 'loses quorum' : fe.routingGroupsAtRisk ? 'quorum, routing groups at risk' : 'keeps quorum');
  return parts.length > 0 ? parts.join(', ') : 'up';
}

/** Pools down the side, scenarios across, as SCOM's simulate has it. */
function sideBySide(pools: readonly string[], scenarios: readonly SkypeScenario[]): string[] {
  const width = Math.min(
    48,
    maxOf(
      pools.map((p) => t(p).length),
      4,
    ),
  );
  const cells = pools.map((p) => scenarios.map((s) => cellOf(s, p)));
  const cols = scenarios.map((s, i) =>
    Math.max(
      t(s.label).length,
      maxOf(
        cells.map((row) => row[i]!.length),
        0,
      ),
    ),
  );
  const out = ['Side by side:', `  ${'pool'.padEnd(width)}  ${scenarios.map((s, i) => t(s.label).padEnd(cols[i]!)).join('  ')}`.trimEnd()];
  pools.forEach((name, row) => out.push(`  ${t(name).padEnd(width)}  ${cells[row]!.map((c, i) => c.padEnd(cols[i]!)).join('  ')}`.trimEnd()));
  return out;
}

/** The last line: every pool's users served, or how many are not (and in how many scenarios). */
function verdict(scenarios: readonly SkypeScenario[], paint: Paint): string {
  const failing = scenarios.filter(scenarioFails);
  // Front ends down at once that may cost a routing group its quorum: its users lose service though every pool keeps running (SFB-HA).
  const atRisk = [...new Set(scenarios.flatMap((s) => s.frontEnds.filter((f) => f.routingGroupsAtRisk).map((f) => f.pool)))];
  const unless = atRisk.length > 0 ? `, unless a routing group loses its quorum in ${atRisk.map(t).join(', ')} (front ends down at once)` : '';
  if (failing.length === 0) return paint(32, `✔ every pool's users keep service${unless}`);
  if (scenarios.length > 1)
    return paint(
      31,
      `✖ users without service, a failover that breaks something, or a pool over its sizing, in ${groupThousands(failing.length)} of ${groupThousands(scenarios.length)} scenarios`,
    );
  const lost = scenarios[0]!.usersWithoutService;
  if (lost.length === 0 && scenarios[0]!.poolsDown.some((p) => p.breaks.length > 0))
    return paint(31, '✖ the failover works but breaks something (see "breaks")');
  if (lost.length === 0)
    return paint(
      31,
      `✖ ${scenarios[0]!.overCapacity.map((o) => `${t(o.pool)} carries more users than it is sized for (${groupThousands(o.users)} of ${groupThousands(o.maxUsers)})`).join('; ')}`,
    );
  const users = lost.reduce((n, u) => n + u.users, 0);
  return paint(31, `✖ ${plural(users, 'user')} of ${plural(lost.length, 'pool')} without service (${lost.map((u) => t(u.pool)).join(', ')})`);
}

function namedPools(scenarios: readonly SkypeScenario[]): string[] {
  const names = scenarios.flatMap((s) => [
    ...s.frontEnds.map((f) => f.pool),
    ...s.poolsDown.flatMap((p) => (p.partner === null ? [p.pool] : [p.pool, p.partner])),
    ...s.usersWithoutService.map((u) => u.pool),
  ]);
  return [...new Set(names)];
}
