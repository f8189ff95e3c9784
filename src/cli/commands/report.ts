/** `pooltopo report FILE`: one self-contained HTML design-review report (the renderer loads only here). */
import { PooltopoError } from '../../util/errors.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';
import { describeRules } from '../../rules/descriptors.js';
import { oneLine, warnOn, type Command, type Io, type Values } from '../shared/command.js';
import { pkg } from '../../util/package-info.js';
import { CONFIG_OPTIONS, HELP_OPTION, configFor, emit, failOnOf, failing, outputOf, readBy, writeOptions } from '../shared/options.js';
import { internalError, lintOne } from '../shared/outcome.js';

const REPORT_USAGE = `Usage: pooltopo report FILE [-o OUT.html] [options]

Write one self-contained HTML design-review report: summary, topology diagram, every pool's quorum,
data-centre loss, lease, capacity and availability, the findings and the rules behind them.
Nothing is loaded from the network and it needs no scripts. The exit code is validate's.

Options:
  -o, --output FILE      the HTML file to write (default: FILE's name with .html, never through
                         a link; - is standard output)
      --follow-output-link   write -o through a symbolic link (refused by default)
      --fail-on LEVEL    lowest severity that makes the exit code 1 (default: error)
      --config FILE      config file (default: .pooltopo.yaml found upward)
      --no-config        use no config file
      --timestamp        print the time of generation in the report (it is otherwise byte-identical run to run)
  -h, --help             show this help
`;

export const reportCommand: Command = {
  usage: REPORT_USAGE,
  allowPositionals: true,
  options: {
    ...HELP_OPTION,
    ...CONFIG_OPTIONS,
    output: { type: 'string', short: 'o' },
    'follow-output-link': { type: 'boolean' },
    'fail-on': { type: 'string' },
    timestamp: { type: 'boolean' },
  },
  run: runReport,
};

async function runReport(values: Values, positionals: string[], io: Io): Promise<number> {
  if (positionals.length !== 1) throw new PooltopoError('report needs exactly one topology file (pooltopo report --help)');
  const failOn = failOnOf(values);
  const config = await configFor(values, io);
  const file = positionals[0]!;
  const outcome = await lintOne('report', file, config, io, { policies: config.policies, onWarning: warnOn(io) });
  const { buildReportView } = await import('../../report/view-model.js');
  const { renderReport } = await import('../../report/render.js');
  const html = await renderReport(
    await buildReportView(outcome, {
      rules: describeRules(config),
      settings: { ...DEFAULT_SETTINGS, ...config.settings },
      failOn,
      version: pkg().version,
      ...(values['timestamp'] ? { generatedAt: new Date().toISOString() } : {}),
    }),
  );
  // Without -o the report goes beside its file, never through a link there; `-o -` is standard output.
  const named = outputOf(values);
  const output = values['output'] === '-' ? undefined : (named ?? `${file.replace(/\.(ya?ml|json)$/i, '')}.html`);
  await emit(html, output, io, readBy([file], config), named === undefined ? { derived: true } : writeOptions(values));
  if (output !== undefined) io.stderr(`pooltopo: wrote ${oneLine(output)}\n`);
  return internalError([outcome.result], io) ?? (failing(outcome.result.findings, failOn) ? 1 : 0);
}
