/** The OpCon failover rules' cases: for each rule, designs it passes and one design per message it gives. */
import { cases, type RuleTests } from '../support/rule-tester.js';
import abnormalShutdownFailoverOff from '../../src/kinds/opcon/rules/abnormal-shutdown-failover-off.js';
import connectionMismatch from '../../src/kinds/opcon/rules/connection-mismatch.js';
import databaseOnMachine from '../../src/kinds/opcon/rules/database-on-machine.js';
import failoverOnCommunicationLoss from '../../src/kinds/opcon/rules/failover-on-communication-loss.js';
import failoverOnNormalShutdown from '../../src/kinds/opcon/rules/failover-on-normal-shutdown.js';
import manualStartType from '../../src/kinds/opcon/rules/manual-start-type.js';
import modeConflict from '../../src/kinds/opcon/rules/mode-conflict.js';
import noFailoverTrigger from '../../src/kinds/opcon/rules/no-failover-trigger.js';
import noStandby from '../../src/kinds/opcon/rules/no-standby.js';
import primaryMachineMismatch from '../../src/kinds/opcon/rules/primary-machine-mismatch.js';
import replicationNotStopped from '../../src/kinds/opcon/rules/replication-not-stopped.js';
import secondaryNotStarted from '../../src/kinds/opcon/rules/secondary-not-started.js';
import socketMismatch from '../../src/kinds/opcon/rules/socket-mismatch.js';
import standbyStartsAutomatically from '../../src/kinds/opcon/rules/standby-starts-automatically.js';
import unknownSetting from '../../src/kinds/opcon/rules/unknown-setting.js';

/** An OpCon failover file: its machines (YAML list items), on one database unless `database` says otherwise. */
const opcon = (machines: string, database = 'database:\n  replication: none\n') => `version: 1
kind: opcon-failover
name: OpCon production
${database}machines:
${machines}`;

/** A machine: its name, mode and service start type (none when undefined), then `more` lines. */
const machine = (name: string, mode: string, startType: string | undefined, more = '') =>
  `  - name: ${name}\n    mode: ${mode}\n${startType !== undefined ? `    serviceStartType: ${startType}\n` : ''}${more}`;

const PRIMARY = machine('opcon01', 'Primary', 'automatic', '    settings:\n      FailOverSocketNumber: 6500\n');

/** The Secondary of automatic failover, watching opcon01, with `switches` (settings lines) as its triggers. */
const secondary = (switches = '      PrimaryAbnormalShutdownFailover: Y\n', startType = 'automatic', socket = 6500) =>
  machine('opcon02', 'Secondary', startType, `    settings:\n      FailOverSocketNumber: ${socket}\n      PrimaryMachine: opcon01\n${switches}`);

/** Automatic failover as the vendor recommends it: on an abnormal shutdown of the Primary only. */
const AUTOMATIC = opcon(PRIMARY + secondary());

/** Manual failover: two StandAlone machines, the standby's service set to Manual. */
const MANUAL = opcon(machine('opcon01', 'StandAlone', 'automatic-delayed') + machine('opcon02', 'StandAlone', 'manual'));

const REPLICATED = 'database:\n  replication: replicated\n';

/** The Secondary's trigger and the vendor's StopRepl as its script (scenario 4). */
const STOP_REPL =
  '      PrimaryAbnormalShutdownFailover: Y\n      PrimaryAbnormalShutdownScript: C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd\n';

export const OPCON_CASES: readonly RuleTests[] = [
  cases(noStandby, {
    valid: [{ yaml: MANUAL }, { yaml: AUTOMATIC }],
    invalid: [{ yaml: opcon(machine('opcon01', 'StandAlone', 'automatic-delayed')), messageId: 'alone', data: { name: 'opcon01' }, path: '/machines/0' }],
  }),

  cases(modeConflict, {
    valid: [{ yaml: MANUAL }, { yaml: AUTOMATIC }],
    invalid: [
      {
        yaml: opcon(PRIMARY + machine('opcon03', 'Primary', 'automatic', '    settings:\n      FailOverSocketNumber: 6500\n') + secondary()),
        messageId: 'several',
        data: { mode: 'Primary', names: 'opcon01, opcon03' },
        path: '/machines/1/mode',
      },
      { yaml: opcon(PRIMARY), messageId: 'missing', data: { name: 'opcon01', mode: 'Primary', other: 'Secondary' }, path: '/machines/0/mode' },
      { yaml: opcon(PRIMARY + secondary() + machine('opcon03', 'StandAlone', 'manual')), messageId: 'mixed', data: { name: 'opcon03' }, path: '/machines/2' },
      {
        yaml: opcon(
          PRIMARY +
            machine(
              'opcon02',
              'StandAlone',
              'automatic',
              '    settings:\n      Mode: Secondary\n      FailOverSocketNumber: 6500\n      PrimaryMachine: opcon01\n      PrimaryAbnormalShutdownFailover: Y\n',
            ),
        ),
        messageId: 'settings',
        data: { name: 'opcon02', mode: 'StandAlone', settingsMode: 'Secondary' },
        path: '/machines/1/mode',
      },
      {
        yaml: opcon(
          machine('opcon01', 'StandAlone', 'automatic-delayed') + machine('opcon02', 'StandAlone', 'manual') + machine('opcon03', 'StandAlone', 'manual'),
        ),
        messageId: 'third',
        data: { name: 'opcon03' },
        path: '/machines/2',
      },
    ],
  }),

  cases(noFailoverTrigger, {
    valid: [{ yaml: AUTOMATIC }, { yaml: MANUAL }],
    invalid: [{ yaml: opcon(PRIMARY + secondary('')), messageId: 'none', data: { name: 'opcon02' }, path: '/machines/1/settings' }],
  }),

  cases(abnormalShutdownFailoverOff, {
    valid: [{ yaml: AUTOMATIC }],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary('      PrimaryNormalShutdownFailover: Y\n')),
        messageId: 'off',
        data: { name: 'opcon02', triggers: 'primary-normal-shutdown' },
        path: '/machines/1/settings',
      },
    ],
  }),

  cases(failoverOnCommunicationLoss, {
    valid: [{ yaml: AUTOMATIC }, { yaml: opcon(PRIMARY + secondary('      PrimaryAbnormalShutdownFailover: Y\n      SyncLostFailover: N\n')) }],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary('      PrimaryAbnormalShutdownFailover: Y\n      SyncLostFailover: Y\n')),
        messageId: 'on',
        data: { name: 'opcon02' },
        path: '/machines/1/settings/SyncLostFailover',
      },
      {
        name: 'scenario 4: two copies of the database, not one',
        yaml: opcon(
          PRIMARY + secondary(`${STOP_REPL}      SyncLostFailover: Y\n      SyncLostScript: C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl.cmd\n`),
          REPLICATED,
        ),
        messageId: 'replicated',
        data: { name: 'opcon02' },
        path: '/machines/1/settings/SyncLostFailover',
      },
    ],
  }),

  cases(failoverOnNormalShutdown, {
    valid: [{ yaml: AUTOMATIC }, { yaml: opcon(PRIMARY + secondary('      PrimaryAbnormalShutdownFailover: Y\n      PrimaryNormalShutdownFailover: N\n')) }],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary('      PrimaryAbnormalShutdownFailover: Y\n      PrimaryNormalShutdownFailover: Y\n')),
        messageId: 'on',
        data: { name: 'opcon02' },
        path: '/machines/1/settings/PrimaryNormalShutdownFailover',
      },
    ],
  }),

  cases(socketMismatch, {
    valid: [
      { yaml: AUTOMATIC },
      {
        name: 'the same port with a leading zero, in quotes',
        yaml: opcon(PRIMARY + secondary().replace('FailOverSocketNumber: 6500', 'FailOverSocketNumber: "06500"')),
      },
    ],
    invalid: [
      {
        yaml: opcon(machine('opcon01', 'Primary', 'automatic') + secondary()),
        messageId: 'missing',
        data: { name: 'opcon01' },
        path: '/machines/0/settings',
      },
      {
        yaml: opcon(PRIMARY + secondary(undefined, undefined, 6501)),
        messageId: 'differs',
        data: { primary: '6500', secondary: '6501' },
        path: '/machines/1/settings/FailOverSocketNumber',
      },
    ],
  }),

  cases(primaryMachineMismatch, {
    valid: [
      { yaml: AUTOMATIC },
      { name: 'PrimaryMachine in capitals', yaml: opcon(PRIMARY + secondary().replace('PrimaryMachine: opcon01', 'PrimaryMachine: OPCON01')) },
    ],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary().replace('      PrimaryMachine: opcon01\n', '')),
        messageId: 'missing',
        data: { name: 'opcon02', primary: 'opcon01' },
        path: '/machines/1/settings',
      },
      {
        yaml: opcon(PRIMARY + secondary().replace('PrimaryMachine: opcon01', 'PrimaryMachine: opcon09')),
        messageId: 'wrong',
        data: { name: 'opcon02', named: 'opcon09', primary: 'opcon01' },
        path: '/machines/1/settings/PrimaryMachine',
      },
    ],
  }),

  cases(replicationNotStopped, {
    valid: [
      { yaml: AUTOMATIC },
      {
        yaml: opcon(
          PRIMARY +
            secondary(
              '      PrimaryAbnormalShutdownFailover: Y\n      PrimaryAbnormalShutdownScript: C:\\ProgramData\\OpConxps\\Utilities\\Database\\StopRepl_WinAuth.cmd\n',
            ),
          REPLICATED,
        ),
      },
      {
        name: 'StopRepl.cmd in quotes, with an argument',
        yaml: opcon(
          PRIMARY +
            secondary(
              '      PrimaryAbnormalShutdownFailover: Y\n      PrimaryAbnormalShutdownScript: \'"C:\\Program Files\\OpConxps\\StopRepl.cmd" /quiet\'\n',
            ),
          REPLICATED,
        ),
      },
    ],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary(), REPLICATED),
        messageId: 'missing',
        data: { name: 'opcon02', trigger: 'PrimaryAbnormalShutdownFailover', script: 'PrimaryAbnormalShutdownScript' },
        path: '/machines/1/settings/PrimaryAbnormalShutdownFailover',
      },
      {
        yaml: opcon(
          PRIMARY +
            secondary('      PrimaryAbnormalShutdownFailover: Y\n      PrimaryAbnormalShutdownScript: C:\\ProgramData\\OpConxps\\Utilities\\WriteEvent.cmd\n'),
          REPLICATED,
        ),
        messageId: 'wrong',
        path: '/machines/1/settings/PrimaryAbnormalShutdownScript',
        data: {
          name: 'opcon02',
          trigger: 'PrimaryAbnormalShutdownFailover',
          script: 'PrimaryAbnormalShutdownScript',
          value: 'C:\\ProgramData\\OpConxps\\Utilities\\WriteEvent.cmd',
        },
      },
      {
        name: 'a folder named like StopRepl, running another file',
        yaml: opcon(
          PRIMARY + secondary('      PrimaryAbnormalShutdownFailover: Y\n      PrimaryAbnormalShutdownScript: C:\\Scripts\\NoStopRepl\\WriteEvent.cmd\n'),
          REPLICATED,
        ),
        messageId: 'wrong',
        path: '/machines/1/settings/PrimaryAbnormalShutdownScript',
        data: {
          name: 'opcon02',
          trigger: 'PrimaryAbnormalShutdownFailover',
          script: 'PrimaryAbnormalShutdownScript',
          value: 'C:\\Scripts\\NoStopRepl\\WriteEvent.cmd',
        },
      },
    ],
  }),

  cases(manualStartType, {
    valid: [{ yaml: MANUAL }, { yaml: AUTOMATIC }],
    invalid: [
      {
        yaml: opcon(machine('opcon01', 'StandAlone', 'automatic-delayed') + machine('opcon02', 'StandAlone', undefined)),
        messageId: 'standby',
        data: { name: 'opcon02' },
        path: '/machines/1',
      },
      {
        yaml: opcon(machine('opcon01', 'StandAlone', 'manual') + machine('opcon02', 'StandAlone', 'manual')),
        messageId: 'primary',
        data: { name: 'opcon01' },
        path: '/machines/0/serviceStartType',
      },
    ],
  }),

  cases(unknownSetting, {
    valid: [{ yaml: AUTOMATIC }],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary('      SecondsBetweenPing: 5\n      PrimaryAbnormalShutdownFailover: Y\n')),
        messageId: 'unknown',
        data: { name: 'opcon02', key: 'SecondsBetweenPing', meant: 'SecondsBetweenPings' },
        path: '/machines/1/settings/SecondsBetweenPing',
      },
    ],
  }),

  cases(connectionMismatch, {
    valid: [
      {
        yaml: opcon(
          machine('opcon01', 'StandAlone', 'automatic-delayed', '    connection: {server: SMAProdDBServer, database: OpConxps}\n') +
            machine('opcon02', 'StandAlone', 'manual', '    connection: {server: SMAProdDBServer, database: OpConxps}\n'),
        ),
      },
    ],
    invalid: [
      {
        yaml: opcon(
          machine('opcon01', 'StandAlone', 'automatic-delayed', '    connection: {server: SMAProdDBServer, database: OpConxps}\n') +
            machine('opcon02', 'StandAlone', 'manual', '    connection: {server: SMABckupDBServer, database: OpConxps}\n'),
        ),
        messageId: 'twoDatabases',
        path: '/machines/1/connection',
      },
      {
        yaml: opcon(
          machine('opcon01', 'StandAlone', 'automatic-delayed', '    connection: {server: SMAProdDBServer, database: OpConxps}\n') +
            machine('opcon02', 'StandAlone', 'manual', '    connection: {server: SMAProdDBServer, database: OpConxps}\n'),
          REPLICATED,
        ),
        messageId: 'oneDatabase',
        path: '/machines/1/connection',
      },
    ],
  }),

  cases(databaseOnMachine, {
    valid: [
      { yaml: opcon(PRIMARY + secondary(), 'database:\n  replication: none\n  server: SMAProdDBServer\n') },
      {
        name: "the subscriber on the standby's own machine: the Primary keeps processing on the publisher when it crashes",
        yaml: opcon(
          PRIMARY.replace('    settings:', '    connection: {server: SMAProdDBServer, database: OpConxps}\n    settings:') +
            secondary(STOP_REPL).replace('    settings:', '    connection: {server: opcon02\\OPCON, database: OpConxps}\n    settings:'),
          REPLICATED,
        ),
      },
    ],
    invalid: [
      {
        yaml: opcon(PRIMARY + secondary(), 'database:\n  replication: none\n  server: opcon01.corp.local\n'),
        messageId: 'on',
        data: { server: 'opcon01.corp.local', machine: 'opcon01' },
        path: '/database/server',
      },
      {
        name: "the publisher on the primary machine, as the vendor's scenario 4 lays it out",
        yaml: opcon(PRIMARY + secondary(STOP_REPL), 'database:\n  replication: replicated\n  server: opcon01\n'),
        messageId: 'publisher',
        data: { server: 'opcon01', machine: 'opcon01', standby: 'opcon02' },
        path: '/database/server',
      },
      {
        name: 'a local name in database.server, read by the primary alone (the standby uses the subscriber): the primary machine',
        yaml: opcon(
          PRIMARY + secondary(STOP_REPL).replace('    settings:', '    connection: {server: SMABckupDBServer}\n    settings:'),
          "database:\n  replication: replicated\n  server: '[::1]'\n",
        ),
        messageId: 'publisher',
        data: { server: '[::1]', machine: 'opcon01', standby: 'opcon02' },
        path: '/database/server',
      },
      {
        name: 'a local name in database.server that both machines read, one database: each would reach its own SQL Server',
        yaml: opcon(machine('opcon01', 'StandAlone', 'automatic-delayed') + machine('opcon02', 'StandAlone', 'manual'), "database:\n  server: '.\\OPCON'\n"),
        messageId: 'localOnEach',
        data: { server: '.\\OPCON', first: 'opcon01', second: 'opcon02' },
        path: '/database/server',
      },
      {
        name: 'a local name in database.server that no machine reads: each gives its own connection',
        yaml: opcon(
          PRIMARY.replace('    settings:', '    connection: {server: SQL01}\n    settings:') +
            secondary().replace('    settings:', '    connection: {server: sql01.corp.local}\n    settings:'),
          'database:\n  server: localhost\n',
        ),
        messageId: 'localUnread',
        data: { server: 'localhost' },
        path: '/database/server',
      },
    ],
  }),

  cases(standbyStartsAutomatically, {
    valid: [{ yaml: MANUAL }],
    invalid: [
      {
        yaml: opcon(machine('opcon01', 'StandAlone', 'automatic-delayed') + machine('opcon02', 'StandAlone', 'automatic')),
        messageId: 'starts',
        data: { name: 'opcon02', startType: 'automatic' },
        path: '/machines/1/serviceStartType',
      },
    ],
  }),

  cases(secondaryNotStarted, {
    valid: [{ yaml: AUTOMATIC }],
    invalid: [{ yaml: opcon(PRIMARY + secondary(undefined, 'manual')), messageId: 'manual', data: { name: 'opcon02' }, path: '/machines/1/serviceStartType' }],
  }),
];
