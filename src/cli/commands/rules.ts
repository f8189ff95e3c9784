/** `pooltopo rules [RULE-ID]`: the rule list, or one rule explained, with the config's severities. */
import { PooltopoError } from '../../util/errors.js';
import { ruleById } from '../../rules/index.js';
import { describeRules } from '../../rules/descriptors.js';
import { closest } from '../../util/suggest.js';
import { formatRuleDoc, formatRuleList } from '../shared/rules-text.js';
import { escapeLines, type Command } from '../shared/command.js';
import { CONFIG_OPTIONS, HELP_OPTION, configFor } from '../shared/options.js';

const RULES_USAGE = `Usage: pooltopo rules [RULE-ID] [options]

Without an id, list every rule with its severity and what it checks, and the config's policies.
With an id, explain the rule: why it matters, what to do, and its source. Severities are the
config's where it sets them.

Options:
      --config FILE      config file (default: .pooltopo.yaml found upward)
      --no-config        use no config file: every rule at its default severity
  -h, --help             show this help
`;

export const rulesCommand: Command = {
  usage: RULES_USAGE,
  allowPositionals: true,
  options: { ...HELP_OPTION, ...CONFIG_OPTIONS },
  async run(values, positionals, io) {
    if (positionals.length > 1) throw new PooltopoError('rules takes at most one rule id');
    const config = await configFor(values, io);
    const descriptors = describeRules(config);
    const id = positionals[0];
    if (id === undefined) {
      io.stdout(escapeLines(formatRuleList(descriptors)));
      return 0;
    }
    const rule = descriptors.find((d) => d.id === id);
    if (!rule) {
      const near = closest(
        id,
        descriptors.map((r) => r.id),
      );
      throw new PooltopoError(
        `unknown rule "${id}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''} (pooltopo rules lists them)`,
      );
    }
    io.stdout(escapeLines(formatRuleDoc(rule, ruleById(id)?.meta.unconfirmed)));
    return 0;
  },
};
