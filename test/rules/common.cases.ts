/**
 * The cases of the rules of every kind: reading (yaml-syntax, schema, and the model's checks the
 * schema cannot make), references, names, suppression comments and internal errors.
 */
import { cases, type RuleTests } from '../support/rule-tester.js';
import type { LintOutcome } from '../../src/index.js';
import { ruleById } from '../../src/rules/index.js';
import { scom, TWO_SERVERS } from './scom.cases.js';

// The registry's rules: the common ones carry every kind's wording of its model issues.
const duplicateName = ruleById('duplicate-name')!;
const internalError = ruleById('internal-error')!;
const invalidSuppression = ruleById('invalid-suppression')!;
const schema = ruleById('schema')!;
const suppressionWithoutReason = ruleById('suppression-without-reason')!;
const unknownReference = ruleById('unknown-reference')!;
const unusedSuppression = ruleById('unused-suppression')!;
const yamlSyntax = ruleById('yaml-syntax')!;

/** Two Skype for Business pools, `pairs` (YAML list items) pairing them, and `more` front ends in the second. */
const skype = (pairs: string, secondFrontEnds = 'fe11, fe12, fe13') => `version: 1
kind: skype-pool-pair
name: Contoso
pools:
  - {name: pool-a.contoso.com, edition: enterprise, users: 1000, frontEnds: [fe01, fe02, fe03]}
  - {name: pool-b.contoso.com, edition: enterprise, users: 1000, frontEnds: [${secondFrontEnds}]}
pairs:
${pairs}`;

const SITES = `dataCenters:
  - name: east
  - name: west
`;

/** A gateway that reports to no failover server: gateway-without-failover's finding, for the comments to suppress. */
const LONE_GATEWAY = `managementServers:
  - name: ms01
  - name: ms02
gateways:
`;
const withComment = (comment: string) => scom(`${LONE_GATEWAY}  # ${comment}\n  - {name: gw01, reportsTo: [ms01]}\n`);

/** Lints with one rule's check made to throw, as a bug in it would. */
const withFailingRule =
  (ruleId: string) =>
  async (lint: () => Promise<LintOutcome>): Promise<LintOutcome> => {
    const rule = ruleById(ruleId)! as { check: unknown };
    const check = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      return await lint();
    } finally {
      rule.check = check;
    }
  };

/** Lints with rule `ruleId` reporting a message id it does not have. */
const withMisspeltMessage =
  (ruleId: string) =>
  async (lint: () => Promise<LintOutcome>): Promise<LintOutcome> => {
    const rule = ruleById(ruleId)! as { check: unknown };
    const check = rule.check;
    rule.check = function* () {
      yield { messageId: 'misspelt', data: {}, path: '' };
    };
    try {
      return await lint();
    } finally {
      rule.check = check;
    }
  };

export const COMMON_CASES: readonly RuleTests[] = [
  cases(yamlSyntax, {
    valid: [
      { yaml: TWO_SERVERS },
      { yaml: '{"version": 1, "name": "Contoso", "managementServers": [{"name": "ms01"}, {"name": "ms02"}]}', file: 'topology.json' },
    ],
    invalid: [
      { yaml: scom('managementServers:\n  - name: ms01\n   - name: ms02\n'), messageId: 'syntax', path: '' },
      { yaml: '{"version": 1, "name": "Contoso",', file: 'topology.json', messageId: 'jsonSyntax', path: '' },
    ],
  }),

  cases(schema, {
    valid: [{ yaml: TWO_SERVERS }],
    invalid: [
      { yaml: scom('managementServers:\n  - name: ms01\n    agent: 300\n  - name: ms02\n'), messageId: 'violation', path: '/managementServers/0/agent' },
      { yaml: '# to be written\n', messageId: 'empty', data: {}, path: '' },
      {
        // Another tool's file: a finding per violation, the first the schema met saying what the file is.
        yaml: 'services:\n  web:\n    image: nginx\n',
        errors: [
          { messageId: 'violation' },
          { messageId: 'violation' },
          { messageId: 'notATopology', path: '' },
          { messageId: 'violation', path: '/services' },
        ],
      },
      {
        yaml: scom(`${SITES}latency:\n  - {between: [east, west], ms: "5 kg"}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n`),
        messageId: 'invalidDuration',
        path: '/latency/0/ms',
        data: { value: '5 kg', reason: 'is not a time: latency needs a time unit such as ms, s or us' },
      },
      {
        yaml: `version: 1\nkind: kubernetes\nname: Contoso\n`,
        messageId: 'unknownKind',
        data: { kind: 'kubernetes', known: 'scom, skype-pool-pair, opcon-failover' },
        path: '/kind',
      },
      {
        yaml: `version: 1\nkind: [scom]\nname: Contoso\n`,
        messageId: 'kindNotText',
        data: { actual: 'a list', known: 'scom, skype-pool-pair, opcon-failover' },
        path: '/kind',
      },
      {
        yaml: 'version: 1\nname: OpCon production\nmachines:\n  - {name: opcon01, mode: StandAlone}\n  - {name: opcon02, mode: StandAlone}\n',
        messageId: 'missingKind',
        data: { kind: 'opcon-failover' },
        path: '',
      },
      { yaml: skype('  - [pool-a.contoso.com, pool-a.contoso.com]\n'), messageId: 'selfPair', data: { name: 'pool-a.contoso.com' }, path: '/pairs/0' },
      {
        yaml: scom(
          `${SITES}latency:\n  - {between: [east, ms01], ms: 2}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\n`,
        ),
        messageId: 'mixedLatencyPair',
        data: { a: 'east', b: 'ms01' },
        path: '/latency/0/between',
      },
      {
        yaml: scom('latency:\n  - {between: [ms01, ms01], ms: 1}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n'),
        messageId: 'latencyToItself',
        data: { name: 'ms01' },
        path: '/latency/0/between',
      },
      {
        yaml: scom(`${LONE_GATEWAY}  - {name: gw01, reportsTo: [ms01, ms02], managementServers: [ms01, ms02]}\n`),
        messageId: 'reportsToAndManagementServers',
        data: { gateway: 'gw01' },
        path: '/gateways/0/reportsTo',
      },
      {
        yaml: scom(`${LONE_GATEWAY}  - {name: gw01, reportsTo: [gw01, ms01]}\n`),
        messageId: 'reportsToItself',
        data: { name: 'gw01' },
        path: '/gateways/0/reportsTo/0',
      },
      {
        yaml: scom(`${LONE_GATEWAY}  - {name: gw01, reportsTo: [gw02]}\n  - {name: gw02, reportsTo: [gw01]}\n`),
        messageId: 'gatewayCycle',
      },
      {
        yaml: scom('managementServers:\n  - {name: ms01, agents: 500, failoverServers: [ms01]}\n  - name: ms02\n'),
        messageId: 'failoverToItself',
        data: { name: 'ms01' },
        path: '/managementServers/0/failoverServers/0',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: sqlag-listener\n    cluster:\n      nodes: [{name: sql01a}, {name: sql01b}]\n      witness: {name: sql01a}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n',
        messageId: 'witnessIsNode',
        data: { name: 'sql01a' },
        path: '/databases/operational/cluster/witness/name',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: sqlag-listener\n    colocatedWith: ms01\n    cluster:\n      nodes: [{name: sql01a}, {name: sql01b}]\nmanagementServers:\n  - name: ms01\n  - name: ms02\n',
        messageId: 'colocatedCluster',
        data: {},
        path: '/databases/operational/colocatedWith',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndataCenters: [{name: east}, {name: west}]\ndatabases:\n  operational:\n    server: sqlag-listener\n    dataCenter: east\n    cluster:\n      nodes: [{name: sql01a, dataCenter: west}, {name: sql01b, dataCenter: west}]\nmanagementServers:\n  - {name: ms01, dataCenter: west}\n  - {name: ms02, dataCenter: west}\n',
        messageId: 'listenerElsewhere',
        data: { name: 'sqlag-listener', dataCenter: 'east', nodeDataCenters: 'west' },
        path: '/databases/operational/dataCenter',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndataCenters: [{name: east}, {name: west}]\ndatabases:\n  operational: {server: ms01, colocatedWith: ms01, dataCenter: west}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\n',
        messageId: 'colocatedElsewhere',
        data: { host: 'ms01', hostDataCenter: 'east', dataCenter: 'west' },
        path: '/databases/operational/dataCenter',
      },
      {
        yaml: scom(
          `${SITES}latency:\n  - {between: [east, west], ms: 2}\n  - {between: [west, east], ms: 3}\nmanagementServers:\n  - {name: ms01, dataCenter: east}\n  - {name: ms02, dataCenter: west}\n`,
        ),
        messageId: 'latencyGivenTwice',
        data: { a: 'west', b: 'east', ms: 3, entry: 1, firstMs: 2 },
        path: '/latency/1/between',
      },
    ],
  }),

  cases(unknownReference, {
    valid: [{ yaml: TWO_SERVERS }, { yaml: skype('  - [pool-a.contoso.com, pool-b.contoso.com]\n') }],
    invalid: [
      {
        yaml: scom('managementServers:\n  - {name: ms01, dataCenter: north}\n  - name: ms02\n'),
        messageId: 'dataCenter',
        data: { name: 'north' },
        path: '/managementServers/0/dataCenter',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndatabases:\n  operational: {server: ms09, colocatedWith: ms09}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n',
        messageId: 'managementServer',
        path: '/databases/operational/colocatedWith',
      },
      {
        yaml: `version: 1\nname: Contoso\ndatabases:\n  operational: {server: gw01, colocatedWith: gw01}\n${LONE_GATEWAY}  - {name: gw01, reportsTo: [ms01, ms02]}\n`,
        messageId: 'notManagementServer',
        path: '/databases/operational/colocatedWith',
      },
      {
        yaml: scom('managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Web Pool, members: [ms01, ms03]}\n'),
        messageId: 'poolMember',
        data: { name: 'ms03', pool: 'Web Pool' },
        path: '/pools/0/members/1',
      },
      { yaml: skype('  - [pool-a.contoso.com, pool-z.contoso.com]\n'), messageId: 'pairedPool', data: { name: 'pool-z.contoso.com' }, path: '/pairs/0/1' },
      {
        yaml: scom(`${LONE_GATEWAY}  - {name: gw01, reportsTo: [ms09, ms01]}\n`),
        messageId: 'reportsTo',
        data: { name: 'ms09', gateway: 'gw01' },
        path: '/gateways/0/reportsTo/0',
      },
      {
        yaml: scom('managementServers:\n  - {name: ms01, agents: 500, failoverServers: [ms09]}\n  - name: ms02\n'),
        messageId: 'failoverServer',
        data: { name: 'ms09', server: 'ms01' },
        path: '/managementServers/0/failoverServers/0',
      },
      {
        yaml: scom('latency:\n  - {between: [ms01, ms09], ms: 1}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n'),
        messageId: 'latencyEnd',
        data: { name: 'ms09' },
        path: '/latency/0/between/1',
      },
    ],
  }),

  cases(duplicateName, {
    valid: [{ yaml: TWO_SERVERS }, { yaml: skype('  - [pool-a.contoso.com, pool-b.contoso.com]\n') }],
    invalid: [
      { yaml: scom('managementServers:\n  - name: ms01\n  - name: MS01\n  - name: ms02\n'), messageId: 'duplicate', path: '/managementServers/1/name' },
      {
        yaml: skype('  - [pool-a.contoso.com, pool-b.contoso.com]\n', 'fe11, fe12, fe01'),
        messageId: 'duplicateFrontEnd',
        data: { name: 'fe01', first: 'fe01', firstPool: 'pool-a.contoso.com' },
        path: '/pools/1/frontEnds/2',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndatabases:\n  operational: {server: ms01}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n',
        messageId: 'databaseServer',
        path: '/databases/operational/server',
      },
      {
        yaml: 'version: 1\nname: Contoso\ndatabases:\n  operational:\n    server: sql01a\n    cluster:\n      nodes: [{name: sql01a}, {name: sql01b}]\n      witness: {name: fsw01}\nmanagementServers:\n  - name: ms01\n  - name: ms02\n',
        messageId: 'listenerIsNode',
        data: { name: 'sql01a' },
        path: '/databases/operational/server',
      },
      {
        yaml: scom('managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Web Pool, members: [ms01, ms02, ms01]}\n'),
        messageId: 'listedTwice',
        data: { name: 'ms01', list: 'members' },
        path: '/pools/0/members/2',
      },
      {
        yaml: scom(
          'managementServers:\n  - name: ms01\n  - name: ms02\n  - name: ms03\npools:\n  - {name: Web Pool, members: [ms01, ms02], observers: [ms02]}\n',
        ),
        messageId: 'memberAndObserver',
        data: { name: 'ms02' },
        path: '/pools/0/observers/0',
      },
      {
        yaml: scom(
          'managementServers:\n  - name: ms01\n  - name: ms02\npools:\n  - {name: Web Pool, members: [ms01, ms02]}\n  - {name: web pool, members: [ms01, ms02]}\n',
        ),
        messageId: 'duplicatePool',
        data: { name: 'web pool', first: 'Web Pool' },
        path: '/pools/1/name',
      },
    ],
  }),

  cases(suppressionWithoutReason, {
    valid: [{ yaml: withComment('pooltopo-disable-next-line gateway-without-failover -- gw01 is retired next month (CHG-4711)') }],
    invalid: [{ yaml: withComment('pooltopo-disable-next-line gateway-without-failover'), messageId: 'noReason', data: {}, path: '' }],
  }),

  cases(unusedSuppression, {
    valid: [
      {
        yaml: withComment('pooltopo-disable-next-line gateway-without-failover -- gw01 is retired next month (CHG-4711)'),
        options: { reportUnusedDisable: true },
      },
      { name: 'unused, not asked for', yaml: withComment('pooltopo-disable-next-line no-high-availability -- gw01 is retired next month (CHG-4711)') },
    ],
    invalid: [
      {
        yaml: withComment('pooltopo-disable-next-line gateway-without-failover, no-high-availability -- gw01 is retired next month (CHG-4711)'),
        options: { reportUnusedDisable: true },
        messageId: 'unusedRule',
        data: { ruleId: 'no-high-availability' },
      },
      {
        yaml: scom(`${LONE_GATEWAY}  # pooltopo-disable-next-line -- gw01 is retired next month (CHG-4711)\n  - {name: gw01, reportsTo: [ms01, ms02]}\n`),
        options: { reportUnusedDisable: true },
        messageId: 'unused',
        data: {},
      },
    ],
  }),

  cases(invalidSuppression, {
    valid: [{ yaml: withComment('pooltopo-disable-next-line gateway-without-failover -- gw01 is retired next month (CHG-4711)') }],
    invalid: [
      {
        yaml: withComment('pooltopo-disable-next-line gateway-without-failovr -- gw01 is retired next month (CHG-4711)'),
        messageId: 'unknownRuleNear',
        data: { ruleId: 'gateway-without-failovr', near: 'gateway-without-failover' },
      },
      {
        yaml: withComment('pooltopo-disable-next-line no-such-check -- gw01 is retired next month (CHG-4711)'),
        messageId: 'unknownRule',
        data: { ruleId: 'no-such-check' },
      },
      {
        yaml: withComment('pooltopo-disable-next-line schema -- gw01 is retired next month (CHG-4711)'),
        messageId: 'notSuppressible',
        data: { ruleId: 'schema', why: schema.meta.fixed! },
      },
    ],
  }),

  cases(internalError, {
    valid: [{ yaml: TWO_SERVERS }],
    invalid: [
      {
        yaml: withComment('a gateway without failover'),
        around: withFailingRule('gateway-without-failover'),
        messageId: 'ruleFailed',
        data: { ruleId: 'gateway-without-failover', error: 'boom' },
        path: '',
      },
      {
        yaml: withComment('a gateway without failover'),
        around: withMisspeltMessage('gateway-without-failover'),
        messageId: 'unknownMessage',
        data: { ruleId: 'gateway-without-failover', messageId: 'misspelt' },
        path: '',
      },
    ],
  }),
];
