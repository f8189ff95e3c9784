/** The report's section for an OpCon file: the machines and the database, the failover figures, each event's flow. */
import { databaseMachineOf, databaseOf, databaseServerOf, machineAt, modesConflict, noFailoverReason, type OpconAnalysis } from '../analysis/analysis.js';
import { connectionText, type Machine, type OpconModel } from '../model/model.js';
import type { KindReport } from '../../../core/kind.js';
import { SMASERVMAN } from '../../../domain/facts.js';
import { OPCON_EVENTS, simulateOpconEvent, type OpconEvent } from '../commands/simulate.js';
import { drawnLabel, fitText } from '../../../util/fit-text.js';

/** Each event as a heading says it (`simulate --event` takes the ids). */
const EVENT_TITLES: Readonly<Record<OpconEvent, string>> = {
  'abnormal-shutdown': 'The Primary stops abnormally',
  'communication-loss': 'The Primary and the Secondary lose contact',
  'normal-shutdown': 'The Primary is shut down normally',
  'machine-crash': 'The Primary machine crashes',
};

/** A machine's box in the diagram (report.hbs draws it 240 by 74), and a database's (240 by 56). */
const MACHINE_W = 240;
const MACHINE_H = 74;
const DATABASE_Y = 180;
const DATABASE_H = 56;

export interface OpconView {
  readonly width: number;
  readonly height: number;
  readonly description: string;
  /** `label` is the name as drawn, cut with "…" where wider than the box; `full` is the whole name then. */
  readonly machines: readonly {
    readonly x: number;
    readonly y: number;
    readonly name: string;
    readonly role: string;
    readonly sublabel: string;
    readonly service: string;
    readonly label: string;
    readonly full?: string;
    readonly labelRtl?: true;
  }[];
  /** One box for one database, two (publisher under the primary, subscriber under the standby) for a replicated pair. */
  readonly databases: readonly { readonly x: number; readonly y: number; readonly label: string; readonly server: string; readonly full?: string }[];
  readonly links: readonly { readonly path: string; readonly labelX: number; readonly labelY: number; readonly label: string; readonly dashed: boolean }[];
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** The SMAServMan settings side by side, a column per machine: what the failover figures come from. */
  readonly settings: {
    readonly machines: readonly string[];
    readonly rows: readonly {
      readonly label: string;
      readonly values: readonly string[];
      readonly path?: true;
      readonly segments?: readonly (readonly string[])[];
    }[];
  };
  /** Why no event is walked, where none is: the machines' modes set up no failover. */
  readonly noFlow?: string;
  /** `event` is simulate's --event name, `title` the same in words. */
  readonly events: readonly {
    readonly event: string;
    readonly title: string;
    readonly active: string;
    readonly noneRunning: boolean;
    readonly twoSams: boolean;
    readonly failedOver: boolean;
    readonly steps: readonly string[];
    readonly manual: readonly string[];
    readonly recovery: readonly string[];
  }[];
}

export function opconView(model: OpconModel, analysis: OpconAnalysis): OpconView {
  const f = analysis.failover;
  const conflict = modesConflict(analysis);
  const machines = model.machines.map((m, i) => {
    const role = m.name === f.primary ? 'primary' : m.name === f.secondary ? 'standby' : 'other';
    // The role on the second line, so that a long name cannot push it out of the box.
    const label = fitText(m.name, MACHINE_W - 24, 13, true);
    return {
      x: 20 + i * 360,
      y: 30,
      name: m.name,
      role,
      sublabel: `${role} · ${m.mode} mode`,
      service: fitText(m.serviceStartType ? `service start: ${m.serviceStartType}` : 'service start type not given', MACHINE_W - 24, 11, false, 'start').label,
      ...drawnLabel(label),
    };
  });
  const links: OpconView['links'][number][] = [];
  if (machines.length >= 2) {
    const [a, b] = machines;
    links.push({
      path: `M ${a!.x + 240} ${a!.y + 30} L ${b!.x} ${b!.y + 30}`,
      labelX: (a!.x + 240 + b!.x) / 2,
      labelY: a!.y + 22,
      label: f.mode === 'automatic' ? `pings ${analysis.secondary?.secondsBetweenPings ?? ''} s` : 'manual',
      dashed: f.mode !== 'automatic',
    });
  }
  const databases = databaseBoxes(model, analysis, machines);
  for (const [i, m] of machines.entries()) {
    // Each machine to the database its SAM connects to: the primary's now, the standby's after a failover.
    const machine = model.machines[i]!;
    const own = databases.length === 1 ? databases[0]! : (databases.find((d) => d.x === m.x) ?? databases[0]!);
    links.push({ path: `M ${m.x + 120} ${m.y + MACHINE_H} L ${own.x + 120} ${own.y}`, labelX: 0, labelY: 0, label: '', dashed: machine !== analysis.primary });
  }
  if (databases.length === 2) {
    const [a, b] = databases;
    const publisherLeft = machines.find((m) => m.x === a!.x)?.name === analysis.primary?.name;
    links.push({
      path: `M ${a!.x + 240} ${a!.y + DATABASE_H / 2} L ${b!.x} ${b!.y + DATABASE_H / 2}`,
      labelX: (a!.x + 240 + b!.x) / 2,
      labelY: a!.y + DATABASE_H / 2 - 8,
      label: publisherLeft ? 'replication →' : '← replication',
      dashed: false,
    });
  }
  const facts = [
    {
      label: 'Scenario',
      value: f.scenario === null ? (conflict ? "none (the machines' modes set up no failover)" : 'none (one machine)') : String(f.scenario),
    },
    { label: 'Failover', value: f.mode },
    { label: 'Primary', value: f.primary ?? 'none' },
    { label: 'Standby', value: f.secondary ?? 'none' },
    // `replication: none` is one database the machines share, not no database.
    {
      label: 'Database',
      value: f.database === 'replicated' ? 'replicated (publisher on the Primary, subscriber on the Secondary)' : 'one, shared (no replication)',
    },
    { label: 'Triggers', value: f.triggers.length ? f.triggers.join(', ') : 'none' },
    // The two ways the Secondary learns of a failure, as simulate's steps have them: neither belongs to a trigger.
    ...(f.detectionSeconds === null || !analysis.secondary
      ? [{ label: 'Silent Primary given up on after', value: 'not automatic' }]
      : [
          { label: 'Silent Primary given up on after', value: `${f.detectionSeconds} s (${detectionInputs(analysis)})` },
          {
            label: "Primary's shutdown seen within",
            value: `${analysis.secondary.secondsBetweenPings} s (at the Secondary's next ping, SecondsBetweenPings; an abnormal or a normal shutdown; pooltopo's model, the vendor gives no figure)`,
          },
        ]),
  ];
  // Modes that set up no failover have no process flow to walk, as simulate refuses them.
  const events = (conflict ? [] : OPCON_EVENTS).map((e) => {
    const o = simulateOpconEvent(model, analysis, e);
    return {
      event: e,
      title: EVENT_TITLES[e],
      active: o.active.length ? o.active.join(' and ') : 'none',
      noneRunning: o.active.length === 0,
      twoSams: o.twoSams,
      failedOver: o.failedOver,
      steps: o.steps,
      manual: o.manualActions,
      recovery: o.recovery,
    };
  });
  const described = databases.map((d) => `${d.label} on ${d.full ?? d.server}`).join(', replicated to ');
  const description = conflict
    ? `No failover: ${noFailoverReason(analysis)}; ${described}.`
    : `Scenario ${f.scenario ?? 'none'}: ${f.mode} failover from ${f.primary ?? 'none'} to ${f.secondary ?? 'none'}; ${described}.`;
  return {
    width: Math.max(360, 40 + machines.length * 360),
    height: DATABASE_Y + DATABASE_H + 24,
    description,
    machines,
    databases,
    links,
    facts,
    settings: settingsTable(model, analysis),
    ...(conflict
      ? {
          noFlow: `This design sets up no failover: ${noFailoverReason(analysis)} (opcon/mode-conflict). None of the vendor's process flows applies, so no event is walked here; simulate refuses it too.`,
        }
      : {}),
    events,
  };
}

/**
 * The database boxes: a replicated pair as two, each under the machine whose SAM uses it; one
 * database as one, between the machines. Each names its server where the file says it.
 */
function databaseBoxes(model: OpconModel, analysis: OpconAnalysis, machines: OpconView['machines']): OpconView['databases'] {
  // The database `m`'s SAM uses (without `m`, database.server), named with the machine that holds it where one does.
  const serverText = (m: Machine | undefined) => {
    const server = m ? databaseServerOf(model, analysis, m) : model.databaseServer;
    if (server === undefined) return 'server not given';
    const on = m ? databaseMachineOf(model, analysis, m) : machineAt(model, server);
    return on ? `${server} (on ${on.name})` : server;
  };
  const box = (x: number, label: string, m: Machine | undefined) => {
    const fitted = fitText(serverText(m), MACHINE_W - 24, 11, false);
    return { x, y: DATABASE_Y, label, server: fitted.label, ...(fitted.full !== undefined ? { full: fitted.full } : {}) };
  };
  const xOf = (m: Machine | undefined) => machines.find((b) => b.name === m?.name)?.x ?? 20;
  if (model.replication === 'replicated' && analysis.secondary && analysis.primary) {
    return [box(xOf(analysis.primary), 'publishing database', analysis.primary), box(xOf(analysis.secondary), 'subscribing database', analysis.secondary)].sort(
      (a, b) => a.x - b.x,
    );
  }
  return [box(20 + Math.max(0, machines.length - 1) * 180, machines.length > 1 ? 'OpCon database (shared)' : 'OpCon database', analysis.primary)];
}

/** How the Secondary's detection time is made up: SecondsBetweenPings x (PingRetryCount + 1) + the ping's timeout, and when it applies. */
function detectionInputs(analysis: OpconAnalysis): string {
  const s = analysis.secondary!;
  return `a communication loss or a crash of the Primary machine; ${s.name}: ${s.secondsBetweenPings} s x ${s.pingRetryCount + 1} pings (PingRetryCount ${s.pingRetryCount} + 1) + a ${s.pingTimeOutInMilliseconds} ms timeout; pooltopo's model, the vendor gives no figure`;
}

/**
 * The settings each machine's SMAServMan reads, as the model has them (defaults where a file gives
 * none). A mode section's key is read only by a machine in that mode (DOMAIN.md, OPC-SM): for the
 * others the cell says so rather than show a default that machine never reads.
 */
function settingsTable(model: OpconModel, analysis: OpconAnalysis): OpconView['settings'] {
  const yesNo = (b: boolean) => (b ? 'Y' : 'N');
  const row = (label: string, value: (m: Machine) => string) => ({ label, values: model.machines.map(value) });
  // A key of the mode sections, shown where the machine's mode reads it.
  const modeKey = (key: string, label: string, value: (m: Machine) => string) =>
    row(label, (m) => (m.mode !== 'StandAlone' && (SMASERVMAN.sections[m.mode].keys as readonly string[]).includes(key) ? value(m) : notRead(key)));
  return {
    machines: model.machines.map((m) => m.name),
    rows: [
      row('Mode', (m) => m.mode),
      row('Service start type', (m) => m.serviceStartType ?? 'not given'),
      // Which database each SAM uses: its SMA Connection Configuration, or what the file implies.
      row('SMA Connection (the database its SAM uses)', (m) =>
        m.connection
          ? `${connectionText(m.connection)}${model.replication === 'replicated' ? (m === analysis.secondary ? ' (subscriber)' : ' (publisher)') : ''}`
          : `not given: ${databaseOf(model, analysis, m)}`,
      ),
      modeKey('PrimaryMachine', 'PrimaryMachine', (m) => m.primaryMachine ?? 'not given'),
      modeKey('FailOverSocketNumber', 'FailOverSocketNumber', (m) => m.failOverSocketNumber ?? 'not given'),
      modeKey('TimeOutInSecondsForSync', 'TimeOutInSecondsForSync', (m) => `${m.timeOutInSecondsForSync} s`),
      modeKey('SecondsBetweenPings', 'SecondsBetweenPings', (m) => `${m.secondsBetweenPings} s`),
      modeKey('PingRetryCount', 'PingRetryCount', (m) => String(m.pingRetryCount)),
      modeKey('PingTimeOutInMilliseconds', 'PingTimeOutInMilliseconds', (m) => `${m.pingTimeOutInMilliseconds} ms`),
      modeKey('PrimaryAbnormalShutdownFailover', 'PrimaryAbnormalShutdownFailover', (m) => yesNo(m.switches.primaryAbnormalShutdown)),
      modeKey('SyncLostFailover', 'SyncLostFailover (communication loss)', (m) => yesNo(m.switches.communicationLoss)),
      modeKey('PrimaryNormalShutdownFailover', 'PrimaryNormalShutdownFailover', (m) => yesNo(m.switches.primaryNormalShutdown)),
      withBreaks(modeKey('SyncInitFailureScript', 'SyncInitFailureScript', (m) => m.scripts['SyncInitFailureScript'] ?? 'none')),
      withBreaks(modeKey('PrimaryAbnormalShutdownScript', 'PrimaryAbnormalShutdownScript', (m) => m.primaryAbnormalShutdownScript ?? 'none')),
    ],
  };
}

/** What a machine's cell says for a key its mode does not read: the section that holds it. */
function notRead(key: string): string {
  const sections = (['Primary', 'Secondary'] as const).filter((s) => (SMASERVMAN.sections[s].keys as readonly string[]).includes(key));
  return `not read (${sections.join(' and ')} Mode setting)`;
}

/** A path's row, each value in pieces that end at a backslash: the page may break a long path there, and only there. */
function withBreaks<R extends { readonly values: readonly string[] }>(r: R): R & { path: true; segments: string[][] } {
  return { ...r, path: true, segments: r.values.map((v) => v.split(/(?<=\\)/)) };
}

/** OpCon's part of the report: name, facts and its section (the failover figures are in the section). */
export function opconReport(model: OpconModel, analysis: OpconAnalysis): KindReport {
  return {
    name: model.name,
    review: 'failover review',
    facts: [
      { label: 'OpCon installation', value: model.name },
      { label: 'Machines', value: String(model.machines.length) },
    ],
    section: opconView(model, analysis),
  };
}
