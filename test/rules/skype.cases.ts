/** The Skype for Business rules' cases: for each rule, designs it passes and one design per message it gives. */
import { cases, type RuleTests } from '../support/rule-tester.js';
import automatedFailover from '../../src/kinds/skype/rules/automated-failover.js';
import backupNotReady from '../../src/kinds/skype/rules/backup-not-ready.js';
import cmsPoolUnpaired from '../../src/kinds/skype/rules/cms-pool-unpaired.js';
import pairCapacity from '../../src/kinds/skype/rules/pair-capacity.js';
import pairMismatch from '../../src/kinds/skype/rules/pair-mismatch.js';
import poolInSeveralPairs from '../../src/kinds/skype/rules/pool-in-several-pairs.js';
import poolNotActive from '../../src/kinds/skype/rules/pool-not-active.js';
import registrarConfigurationMissing from '../../src/kinds/skype/rules/registrar-configuration-missing.js';
import severalCms from '../../src/kinds/skype/rules/several-cms.js';
import tooFewFrontEnds from '../../src/kinds/skype/rules/too-few-front-ends.js';
import unsupportedPoolSize from '../../src/kinds/skype/rules/unsupported-pool-size.js';

/**
 * An enterprise Front End pool `pool-<id>.contoso.com` of `frontEnds` servers (fe-<id>1...), 1,000
 * users of 5,000, with `extra` lines (indented four spaces) after it.
 */
const pool = (id: string, extra = '', frontEnds = 3, edition = 'enterprise') => `  - name: pool-${id}.contoso.com
    edition: ${edition}
    platform: physical
    operatingSystem: Windows Server 2019
    users: 1000
    maxUsers: 5000
    frontEnds: [${Array.from({ length: frontEnds }, (_, i) => `fe-${id}${i + 1}`).join(', ')}]
${extra}`;

/** A Skype for Business file: `top` lines, the pools, and the pairs (a list of YAML items) if any. */
const skype = (pools: readonly string[], pairs: readonly string[] = [], top = '') => `version: 1
kind: skype-pool-pair
name: Contoso
${top}pools:
${pools.join('')}${pairs.length > 0 ? `pairs:\n${pairs.map((p) => `  - ${p}\n`).join('')}` : ''}`;

const AB = '[pool-a.contoso.com, pool-b.contoso.com]';

/** Two matching pools, paired. */
const PAIR = skype([pool('a'), pool('b')], [AB]);

export const SKYPE_CASES: readonly RuleTests[] = [
  cases(tooFewFrontEnds, {
    valid: [{ yaml: PAIR }, { name: 'a standard-edition pool of one server', yaml: skype([pool('a', '', 1, 'standard')]) }],
    invalid: [
      {
        yaml: skype([pool('a', '', 1)]),
        messageId: 'few',
        pool: 'pool-a.contoso.com',
        path: '/pools/0/frontEnds',
        data: { pool: 'pool-a.contoso.com', count: 1, frontEnds: '1 front end', recommended: 3 },
      },
      {
        yaml: skype([pool('a', '', 2)]),
        messageId: 'two',
        pool: 'pool-a.contoso.com',
        data: { pool: 'pool-a.contoso.com', count: 2, frontEnds: '2 front ends', recommended: 3 },
      },
      {
        name: 'a paired pool of two, which can never have had three front ends running to synchronise with its backup pool',
        yaml: skype([pool('a', '', 2), pool('b')], [AB]),
        messageId: 'pairedTwo',
        pool: 'pool-a.contoso.com',
        path: '/pools/0/frontEnds',
        data: { pool: 'pool-a.contoso.com', count: 2, frontEnds: '2 front ends', recommended: 3, partner: 'pool-b.contoso.com', sync: 3 },
      },
      {
        name: 'a paired enterprise pool of one',
        yaml: skype([pool('a'), pool('b', '', 1)], [AB]),
        messageId: 'pairedFew',
        pool: 'pool-b.contoso.com',
        path: '/pools/1/frontEnds',
        data: { pool: 'pool-b.contoso.com', count: 1, frontEnds: '1 front end', recommended: 3, partner: 'pool-a.contoso.com', sync: 3 },
      },
    ],
  }),

  cases(unsupportedPoolSize, {
    valid: [{ yaml: PAIR }, { name: 'two front ends before 2019', yaml: skype([pool('a', '', 2)], [], 'productVersion: "2015"\n') }],
    invalid: [
      {
        yaml: skype([pool('a', '', 2)], [], 'productVersion: "2019"\n'),
        messageId: 'twoOn2019',
        data: { pool: 'pool-a.contoso.com' },
        path: '/pools/0/frontEnds',
      },
      { yaml: skype([pool('a', '', 13)], [], 'productVersion: "2015"\n'), messageId: 'tooMany', data: { pool: 'pool-a.contoso.com', count: 13, max: 12 } },
      { yaml: skype([pool('a', '', 2, 'standard')]), messageId: 'standard', data: { pool: 'pool-a.contoso.com', count: 2 } },
    ],
  }),

  cases(poolInSeveralPairs, {
    valid: [{ yaml: PAIR }],
    invalid: [
      {
        yaml: skype([pool('a'), pool('b'), pool('c')], [AB, '[pool-a.contoso.com, pool-c.contoso.com]']),
        messageId: 'several',
        data: { pool: 'pool-a.contoso.com', count: 2 },
        path: '/pairs/1',
        pool: 'pool-a.contoso.com',
      },
    ],
  }),

  cases(pairMismatch, {
    valid: [
      { yaml: PAIR },
      // Standard and Datacenter of one Windows Server release are the same base operating system (DOMAIN.md).
      ...['2019', '2016', '2012 R2'].map((release) => ({
        name: `Windows Server ${release} Datacenter beside ${release} Standard`,
        yaml: skype(
          [
            pool('a').replace('Windows Server 2019', `Windows Server ${release} Datacenter`),
            pool('b').replace('Windows Server 2019', `Windows Server ${release} Standard`),
          ],
          [AB],
        ),
      })),
      {
        name: '2012 R2 spelt 2012R2, and the caption Get-CimInstance gives',
        yaml: skype(
          [
            pool('a').replace('Windows Server 2019', 'Windows Server 2012 R2'),
            pool('b').replace('Windows Server 2019', 'Microsoft Windows Server 2012R2 Datacenter'),
          ],
          [AB],
        ),
      },
    ],
    invalid: [
      {
        yaml: skype([pool('a'), pool('b').replace('physical', 'virtual')], [AB]),
        messageId: 'differ',
        path: '/pairs/0',
        data: { a: 'pool-a.contoso.com', b: 'pool-b.contoso.com', what: 'platform', av: 'physical', bv: 'virtual' },
      },
      {
        name: 'an Enterprise pool implied by its two front ends beside a Standard Edition server',
        yaml: skype([pool('a', '', 2).replace('    edition: enterprise\n', ''), pool('b', '', 1, 'standard')], [AB]),
        messageId: 'differ',
        data: { a: 'pool-a.contoso.com', b: 'pool-b.contoso.com', what: 'edition', av: 'enterprise', bv: 'standard' },
      },
      {
        name: 'two releases, whatever their editions',
        yaml: skype(
          [pool('a').replace('Windows Server 2019', 'Windows Server 2016 Standard'), pool('b').replace('Windows Server 2019', 'Windows Server 2019 Standard')],
          [AB],
        ),
        messageId: 'differ',
        data: {
          a: 'pool-a.contoso.com',
          b: 'pool-b.contoso.com',
          what: 'operating system',
          av: 'Windows Server 2016 Standard',
          bv: 'Windows Server 2019 Standard',
        },
      },
      {
        name: '2012 and 2012 R2 are two releases',
        yaml: skype(
          [pool('a').replace('Windows Server 2019', 'Windows Server 2012'), pool('b').replace('Windows Server 2019', 'Windows Server 2012 R2')],
          [AB],
        ),
        messageId: 'differ',
        data: { a: 'pool-a.contoso.com', b: 'pool-b.contoso.com', what: 'operating system', av: 'Windows Server 2012', bv: 'Windows Server 2012 R2' },
      },
    ],
  }),

  cases(pairCapacity, {
    valid: [{ yaml: PAIR }],
    invalid: [
      {
        yaml: skype([pool('a').replace('users: 1000', 'users: 3000'), pool('b').replace('users: 1000', 'users: 3000')], [AB]),
        errors: [
          { messageId: 'over', pool: 'pool-a.contoso.com', data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000 }, path: '/pools/0/maxUsers' },
          { messageId: 'over', pool: 'pool-b.contoso.com' },
        ],
      },
      {
        name: "a pool that carries its failed-over partner's users now: not a would, and failing the partner back is what helps",
        yaml: skype([pool('a', '    poolState: FailedOver\n').replace('users: 1000', 'users: 3000'), pool('b').replace('users: 1000', 'users: 3000')], [AB]),
        errors: [
          // pool-a carries none of its users now: its design figure holds once it is failed back.
          {
            messageId: 'overOnceFailedBack',
            pool: 'pool-a.contoso.com',
            data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000, partner: 'pool-b.contoso.com', state: 'FailedOver' },
            path: '/pools/0/maxUsers',
          },
          {
            messageId: 'overNow',
            pool: 'pool-b.contoso.com',
            data: {
              pool: 'pool-b.contoso.com',
              users: 6000,
              max: 5000,
              partner: 'pool-a.contoso.com',
              partnerState: 'FailedOver',
              partnerArgument: 'pool-a.contoso.com',
            },
            path: '/pools/1/maxUsers',
          },
        ],
      },
      {
        yaml: skype([pool('a').replace('users: 1000', 'users: 6000')]),
        messageId: 'overUnpaired',
        data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000 },
      },
      {
        name: 'a Standard Edition pair: one server each, no front end to add',
        yaml: skype(
          [pool('a', '', 1, 'standard').replace('users: 1000', 'users: 3000'), pool('b', '', 1, 'standard').replace('users: 1000', 'users: 3000')],
          [AB],
        ),
        errors: [
          { messageId: 'overStandard', pool: 'pool-a.contoso.com', data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000 } },
          { messageId: 'overStandard', pool: 'pool-b.contoso.com' },
        ],
      },
      {
        name: 'a Standard Edition server alone',
        yaml: skype([pool('a', '', 1, 'standard').replace('users: 1000', 'users: 6000')]),
        messageId: 'overStandardUnpaired',
        data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000 },
      },
      {
        name: 'a pool of 12 front ends, the most before 2019',
        yaml: skype(
          [pool('a', '', 12).replace('users: 1000', 'users: 3000'), pool('b', '', 12).replace('users: 1000', 'users: 3000')],
          [AB],
          'productVersion: "2015"\n',
        ),
        errors: [
          { messageId: 'overAtMost', pool: 'pool-a.contoso.com', data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000, frontEnds: 12 } },
          { messageId: 'overAtMost', pool: 'pool-b.contoso.com' },
        ],
      },
      {
        name: 'a pool of 16 front ends on 2019, alone',
        yaml: skype([pool('a', '', 16).replace('users: 1000', 'users: 6000')], [], 'productVersion: "2019"\n'),
        messageId: 'overAtMostUnpaired',
        data: { pool: 'pool-a.contoso.com', users: 6000, max: 5000, frontEnds: 16 },
      },
    ],
  }),

  cases(cmsPoolUnpaired, {
    valid: [{ yaml: skype([pool('a', '    centralManagementStore: true\n'), pool('b')], [AB]) }],
    invalid: [
      {
        yaml: skype([pool('a', '    centralManagementStore: true\n')]),
        messageId: 'unpaired',
        data: { pool: 'pool-a.contoso.com' },
        path: '/pools/0/centralManagementStore',
        pool: 'pool-a.contoso.com',
      },
    ],
  }),

  cases(severalCms, {
    valid: [{ yaml: skype([pool('a', '    centralManagementStore: true\n'), pool('b')], [AB]) }],
    invalid: [
      {
        yaml: skype([pool('a', '    centralManagementStore: true\n'), pool('b', '    centralManagementStore: true\n')], [AB]),
        messageId: 'several',
        data: { pool: 'pool-b.contoso.com', first: 'pool-a.contoso.com' },
        path: '/pools/1/centralManagementStore',
      },
    ],
  }),

  cases(registrarConfigurationMissing, {
    valid: [
      { yaml: PAIR },
      {
        name: 'customised, with both pools configured',
        yaml: skype(
          [pool('a', '    registrarConfiguration: true\n'), pool('b', '    registrarConfiguration: true\n')],
          [AB],
          'registrarSettingsCustomized: true\n',
        ),
      },
    ],
    invalid: [
      {
        yaml: skype([pool('a', '    registrarConfiguration: true\n'), pool('b')], [AB], 'registrarSettingsCustomized: true\n'),
        messageId: 'missing',
        data: { pool: 'pool-b.contoso.com' },
        path: '/pools/1',
        pool: 'pool-b.contoso.com',
      },
      {
        name: 'a pool failed over already: its failover created the configuration, with defaults',
        yaml: skype([pool('a', '    registrarConfiguration: true\n'), pool('b', '    poolState: FailedOver\n')], [AB], 'registrarSettingsCustomized: true\n'),
        messageId: 'createdByFailover',
        data: { pool: 'pool-b.contoso.com', state: 'FailedOver', identityArgument: 'service:Registrar:pool-b.contoso.com' },
        path: '/pools/1',
        pool: 'pool-b.contoso.com',
      },
      {
        name: 'a pool failed back (FailedBack): the failover before it created the configuration',
        yaml: skype([pool('a', '    registrarConfiguration: true\n'), pool('b', '    poolState: FailedBack\n')], [AB], 'registrarSettingsCustomized: true\n'),
        messageId: 'createdByFailover',
        data: { pool: 'pool-b.contoso.com', state: 'FailedBack', identityArgument: 'service:Registrar:pool-b.contoso.com' },
      },
    ],
  }),

  cases(backupNotReady, {
    valid: [{ yaml: skype([pool('a', '    backupService: {exportStatus: FinalState, importStatus: NormalState}\n'), pool('b')], [AB]) }],
    invalid: [
      {
        yaml: skype([pool('a', '    backupService: {exportStatus: InProgress, importStatus: NormalState}\n'), pool('b')], [AB]),
        messageId: 'notReady',
        data: { pool: 'pool-a.contoso.com', exportStatus: 'InProgress', importStatus: 'NormalState' },
        path: '/pools/0/backupService',
      },
      {
        yaml: skype(
          [
            pool('a', '    backupService:\n      modules:\n        UserServices.PresenceFocus: {exportStatus: NonSteadyState, importStatus: NormalState}\n'),
            pool('b'),
          ],
          [AB],
        ),
        messageId: 'moduleNotReady',
        pool: 'pool-a.contoso.com',
        data: { module: 'UserServices.PresenceFocus', pool: 'pool-a.contoso.com', exportStatus: 'NonSteadyState', importStatus: 'NormalState' },
      },
    ],
  }),

  cases(poolNotActive, {
    valid: [{ yaml: skype([pool('a', '    poolState: Active\n'), pool('b')], [AB]) }],
    invalid: [
      {
        yaml: skype([pool('a', '    poolState: FailedOver\n'), pool('b')], [AB]),
        messageId: 'notActive',
        data: { pool: 'pool-a.contoso.com', state: 'FailedOver', poolArgument: 'pool-a.contoso.com' },
        path: '/pools/0/poolState',
      },
      {
        yaml: skype([pool('a', '    poolState: FailingOver\n'), pool('b')], [AB]),
        messageId: 'failingOver',
        data: { pool: 'pool-a.contoso.com', state: 'FailingOver', poolArgument: 'pool-a.contoso.com' },
      },
      {
        yaml: skype([pool('a', '    poolState: FailingBack\n'), pool('b')], [AB]),
        messageId: 'failingBack',
        data: { pool: 'pool-a.contoso.com', state: 'FailingBack', poolArgument: 'pool-a.contoso.com' },
      },
      {
        name: 'a pool not Active with no backup pool: inconsistent, and no failback can help',
        yaml: skype([pool('a', '    poolState: FailedOver\n')]),
        messageId: 'noBackupPool',
        data: { pool: 'pool-a.contoso.com', state: 'FailedOver', identityArgument: 'service:Registrar:pool-a.contoso.com' },
        path: '/pools/0/poolState',
        pool: 'pool-a.contoso.com',
      },
      {
        name: 'both pools of a pair not Active: one finding for the pair, at the second',
        yaml: skype([pool('a', '    poolState: FailedOver\n'), pool('b', '    poolState: FailedOver\n')], [AB]),
        messageId: 'pairNotActive',
        data: {
          pool: 'pool-b.contoso.com',
          state: 'FailedOver',
          partner: 'pool-a.contoso.com',
          partnerState: 'FailedOver',
          poolArgument: 'pool-b.contoso.com',
          partnerArgument: 'pool-a.contoso.com',
        },
        path: '/pools/1/poolState',
        pool: 'pool-b.contoso.com',
      },
    ],
  }),

  cases(automatedFailover, {
    valid: [{ yaml: PAIR }, { name: 'manual failover', yaml: skype([pool('a'), pool('b')], [`{pools: ${AB}, failover: manual}`]) }],
    invalid: [
      {
        yaml: skype([pool('a'), pool('b')], [`{pools: ${AB}, failover: automated}`]),
        messageId: 'automated',
        data: { a: 'pool-a.contoso.com', b: 'pool-b.contoso.com' },
        path: '/pairs/0/failover',
      },
    ],
  }),
];
