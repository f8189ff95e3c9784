/** The OpCon failover rules, each through the rule tester (test/support/rule-tester.ts). */
import { ruleTester } from '../support/rule-tester.js';
import { OPCON_CASES } from './opcon.cases.js';

for (const { rule, ...tests } of OPCON_CASES) ruleTester(rule, tests);
