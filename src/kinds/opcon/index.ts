/** The `opcon-failover` kind: OpCon SMA Service Manager primary/secondary failover. */
import type { AnyRule } from '../../core/rule.js';
import type { ModelIssue } from '../../core/model.js';
import { defineKind, type KindHost, type KindRun } from '../../core/kind.js';
import { failsModelSchema } from '../../core/model-schema.js';
import { escapeForTerminal as t } from '../../util/text.js';
import { analyseOpcon, type Failover } from './analysis/analysis.js';
import type { OpconFileResult, OpconModels } from './results.js';
import { failoverFigures, inventory } from './figures.js';
export type { OpconModels } from './results.js';
import { normaliseOpcon, type OpconDocument } from './model/model.js';
import abnormalShutdownFailoverOff from './rules/abnormal-shutdown-failover-off.js';
import failoverOnCommunicationLoss from './rules/failover-on-communication-loss.js';
import failoverOnNormalShutdown from './rules/failover-on-normal-shutdown.js';
import manualStartType from './rules/manual-start-type.js';
import modeConflict from './rules/mode-conflict.js';
import noFailoverTrigger from './rules/no-failover-trigger.js';
import noStandby from './rules/no-standby.js';
import primaryMachineMismatch from './rules/primary-machine-mismatch.js';
import replicationNotStopped from './rules/replication-not-stopped.js';
import socketMismatch from './rules/socket-mismatch.js';
import unknownSetting from './rules/unknown-setting.js';
import connectionMismatch from './rules/connection-mismatch.js';
import databaseOnMachine from './rules/database-on-machine.js';
import standbyStartsAutomatically from './rules/standby-starts-automatically.js';
import secondaryNotStarted from './rules/secondary-not-started.js';

export { analyseOpcon, type Failover, type OpconAnalysis } from './analysis/analysis.js';
export { normaliseOpcon, type OpconDocument, type OpconModel } from './model/model.js';
export type { OpconContext } from './rules/context.js';

export const OPCON_RULES: readonly AnyRule[] = [
  noStandby,
  modeConflict,
  noFailoverTrigger,
  abnormalShutdownFailoverOff,
  failoverOnCommunicationLoss,
  failoverOnNormalShutdown,
  socketMismatch,
  primaryMachineMismatch,
  replicationNotStopped,
  manualStartType,
  unknownSetting,
  connectionMismatch,
  databaseOnMachine,
  standbyStartsAutomatically,
  secondaryNotStarted,
];

export const opconKind = defineKind<'opcon-failover', OpconModels, OpconFileResult>({
  id: 'opcon-failover',
  title: 'OpCon SMA Service Manager failover',
  topLevelKeys: ['database', 'machines'],
  meantBy: (doc) => Object.hasOwn(doc, 'machines') || Object.hasOwn(doc, 'database'),
  rules: OPCON_RULES,
  async lint(document: unknown, host: KindHost): Promise<KindRun<OpconModels, OpconFileResult>> {
    const { model, issues } = normaliseOpcon(document as OpconDocument);
    const stopped = failsModelSchema(issues, host) ?? stopsAtDuplicateMachines(issues, host);
    if (stopped) return stopped;
    const analysis = analyseOpcon(model);
    host.runRules(OPCON_RULES, { model, analysis, issues });
    return { figures: { pools: [], failover: analysis.failover }, models: { opcon: { model, analysis } } };
  },
  summary: (result) => (result.failover ? [{ label: 'failover', text: failoverSummary(result.failover) }] : []),
  report: {
    partial: 'kind-opcon',
    toc: [
      { anchor: 'topology', title: 'Machines and database' },
      { anchor: 'what-if', title: 'What each event does' },
    ],
    view: async (outcome) => (await import('./report/report.js')).opconReport(outcome.opcon!.model, outcome.opcon!.analysis),
  },
  diff: { group: { key: 'failover', of: failoverFigures }, inventory },
  help: {
    simulate: `For kind opcon-failover, --event abnormal-shutdown|normal-shutdown|communication-loss|
machine-crash, or --down MACHINE (the crash of that machine, or of a SQL Server the file puts a
database on), walks the vendor's process flow: which SMAServMan ends up ACTIVE, whether two SAMs
then run, what must be done by hand in the vendor's order, and how to go back to the primary; exit 1
when nothing, or two SAMs, run at the end. --event normal-shutdown is the service's stop, the
machine left running; where a normal shutdown of the primary's machine itself would do more (it
stops a SQL Server the flow uses) or the machine is alone (when OpCon then runs again), the flow's
last step says what, without changing the exit code.
Designs whose modes set up no failover are refused.`,
  },
  simulate: async (models, request) => (await import('./commands/simulate.js')).simulateCommand(models, request),
  importer: {
    source: 'opcon',
    help: `  pooltopo import opcon [NAME=]PRIMARY.ini [NAME=]SECONDARY.ini [options]

  Reads the SMAServMan.ini of each machine (<Configuration Directory>\\SAM\\), in either order: each
  file's Mode says which machine it is. NAME= names a file's machine; otherwise the Primary is
  named by the Secondary's PrimaryMachine, and a machine still unnamed after its file's folder.
  Writes each machine's settings from the sections it reads, defaults left out, with the file
  and line of each value in a comment. The ini does not hold these, so they come from options
  (without them the output says they are not known):
      --start-type NAME=TYPE        the service's startup type: automatic, automatic-delayed or manual (repeatable)
      --connection NAME=SERVER[/DATABASE]   its SMA Connection Configuration (repeatable)
      --replicated                  the database is replicated (scenarios 2 and 4)
`,
    options: { 'start-type': { type: 'string', multiple: true }, connection: { type: 'string', multiple: true }, replicated: { type: 'boolean' } },
    run: async (request) => (await import('./commands/import.js')).importOpcon(request),
  },
});

/**
 * A machine named twice is left out of the model, so every figure and finding would be about a pair
 * the file does not describe: as for a schema issue, only the model's findings are given.
 */
function stopsAtDuplicateMachines(issues: readonly ModelIssue[], host: KindHost): KindRun<never, { readonly pools: readonly [] }> | undefined {
  if (!issues.some((i) => i.rule === 'duplicate-name')) return undefined;
  host.runRules([], { issues });
  return { figures: { pools: [] } };
}

/**
 * `scenario 3 (automatic, one database): opcon01 -> opcon02 on primary-abnormal-shutdown; a silent
 * Primary is given up on after 30.5 s`: the detection time is the communication-loss path's
 * (FORMAT.md), so it stands apart from the triggers rather than reading as theirs.
 */
function failoverSummary(f: Failover): string {
  if (f.mode === 'none' && f.machines > 1) return "none: the machines' modes set up no failover (opcon/mode-conflict)";
  // One machine: StandAlone it runs alone; Primary or Secondary it runs nothing (opcon/mode-conflict says so).
  if (f.mode === 'none') return `none: ${t(f.primary ?? '')} alone, no standby`;
  const db = f.database === 'replicated' ? 'replicated database' : 'one database';
  const head = `scenario ${f.scenario} (${f.mode}, ${db}): ${t(f.primary ?? '?')} -> ${t(f.secondary ?? '?')}`;
  if (f.mode === 'manual') return `${head}, by hand`;
  const on = f.triggers.length ? ` on ${f.triggers.join(', ')}` : ' never (no failover switch is Y)';
  return `${head}${on}; a silent Primary is given up on after ${f.detectionSeconds} s`;
}
