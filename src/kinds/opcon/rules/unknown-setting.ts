import { defineRule, type Problem } from '../../../core/rule.js';
import type { OpconContext } from './context.js';

export default defineRule<OpconContext>({
  meta: {
    id: 'opcon/unknown-setting',
    severity: 'warning',
    category: 'failover',
    description: 'a `settings` key is not a documented SMAServMan.ini key but is close to one (names the key meant)',
    rationale:
      'SMAServMan ignores a key it does not know: a mistyped failover switch or ping setting silently takes its default, and the failover does not behave as written. Keys compare case-insensitively, as Windows reads an ini file, so only a key that is spelt differently is reported.',
    remediation: 'Spell the key as the SMAServMan.ini documentation does (the message names the key meant), in the file on the machine too.',
    sources: ['OPC-SM'],
    messages: { unknown: 'Machine "{{name}}" has setting "{{key}}", which SMAServMan does not know; did you mean "{{meant}}"?' },
  },
  *check({ model }): Iterable<Problem> {
    for (const m of model.machines)
      for (const u of m.unknownSettings) yield { messageId: 'unknown', data: { name: m.name, key: u.key, meant: u.meant }, path: u.path, at: 'key' };
  },
});
