/** `simulate` output for the Skype and OpCon kinds: stylish and json. */
import type { OpconEventOutcome } from '../kinds/opcon/simulate.js';
import type { SkypeScenario } from '../kinds/skype/simulate.js';
import { groupThousands } from '../rules/types.js';
import { escapeForTerminal as t } from './text.js';

export function formatOpconEvents(file: string, outcomes: readonly OpconEventOutcome[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, events: outcomes }, null, 2) + '\n';
  const out: string[] = [];
  for (const o of outcomes) {
    out.push(`${t(file)}: event ${o.event}`);
    o.steps.forEach((step, i) => out.push(`  ${i + 1}. ${t(step)}`));
    out.push(`  ACTIVE at the end: ${o.active.length ? o.active.map(t).join(' and ') : 'no SMAServMan'}${o.failedOver ? ' (failed over)' : ''}`);
    out.push(`  two SAMs on the database: ${o.twoSams ? 'POSSIBLE' : 'no'}`);
    for (const a of o.manualActions) out.push(`  by hand: ${t(a)}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatSkypeScenarios(file: string, scenarios: readonly SkypeScenario[], format: 'stylish' | 'json'): string {
  if (format === 'json') return JSON.stringify({ version: 1, file, scenarios }, null, 2) + '\n';
  const out: string[] = [];
  for (const s of scenarios) {
    out.push(`${t(file)}: ${t(s.label)}`);
    for (const p of s.poolsDown) {
      if (p.partner === null) out.push(`  pool ${t(p.pool)} is down and has no backup pool`);
      else {
        out.push(`  pool ${t(p.pool)} fails over to ${t(p.partner)} (Invoke-CsPoolFailOver): registrar PoolState ${p.registrarStates.map(t).join(' -> ')}`);
        out.push(`    ${t(p.partner)} then carries ${groupThousands(p.partnerUsers ?? 0)} users${p.partnerMaxUsers !== null ? ` of the ${groupThousands(p.partnerMaxUsers)} it is sized for${p.partnerOverCapacity ? ': OVER' : ''}` : ''}`);
      }
      for (const b of p.breaks) out.push(`    breaks: ${t(b)}`);
    }
    for (const f of s.frontEnds) {
      out.push(`  pool ${t(f.pool)}: ${f.down.map(t).join(', ')} down; ${f.runningAmongFirst} of the first ${f.quorumFrom} running, ${f.quorumNeeded} needed: ${f.keepsQuorum ? 'keeps pool-level quorum' : 'LOSES pool-level quorum'}`);
    }
    out.push('');
  }
  return out.join('\n');
}
