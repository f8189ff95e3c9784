import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/mode-conflict',
    severity: 'error',
    category: 'failover',
    description:
      "more than one Primary or Secondary, one without the other, StandAlone mixed with Primary/Secondary, more than two StandAlone machines, or `mode` and the ini's `Mode` in settings that differ",
    rationale:
      'Automatic failover is between exactly one Primary SMAServMan and one Secondary; a Primary without a Secondary (or the reverse) never fails over, and two of either make it ambiguous which takes control. Manual failover is between two StandAlone machines: a third has no part in it.',
    remediation: 'Set Mode to Primary on one machine and Secondary on the other for automatic failover, or StandAlone on both for manual failover.',
    sources: ['OPC-SM', 'OPC-FS'],
    messages: {
      several: 'More than one machine is in mode {{mode}} ({{names}}); failover is between exactly one Primary and one Secondary.',
      missing: 'Machine "{{name}}" is in mode {{mode}} but no machine is in mode {{other}}; automatic failover needs both.',
      mixed: 'Machine "{{name}}" is StandAlone while others are Primary or Secondary; use one scheme for all machines.',
      settings:
        'Machine "{{name}}" has mode {{mode}} but its settings say Mode={{settingsMode}}; SMAServMan reads the ini file\'s Mode ({{settingsMode}}, as pooltopo does): make the two agree.',
      third:
        'Machine "{{name}}" is a third StandAlone machine, but manual failover is between the first two listed; describe it in a file of its own, or remove it.',
    },
  },
  *check({ model, analysis }): Iterable<Problem> {
    for (const m of model.machines) {
      if (m.modeConflict)
        yield { messageId: 'settings', data: { name: m.name, mode: m.modeConflict.mode, settingsMode: m.modeConflict.settingsMode }, path: `${m.path}/mode` };
    }
    for (const [mode, list] of [
      ['Primary', analysis.primaries],
      ['Secondary', analysis.secondaries],
    ] as const) {
      if (list.length > 1) yield { messageId: 'several', data: { mode, names: list.map((m) => m.name).join(', ') }, path: `${list[1]!.path}/mode` };
    }
    const [p] = analysis.primaries;
    const [s] = analysis.secondaries;
    if (p && !s) yield { messageId: 'missing', data: { name: p.name, mode: 'Primary', other: 'Secondary' }, path: `${p.path}/mode` };
    if (s && !p) yield { messageId: 'missing', data: { name: s.name, mode: 'Secondary', other: 'Primary' }, path: `${s.path}/mode` };
    if (p || s) for (const m of analysis.standAlone) yield { messageId: 'mixed', data: { name: m.name }, path: m.path };
    else for (const m of analysis.standAlone.slice(2)) yield { messageId: 'third', data: { name: m.name }, path: m.path };
  },
});
