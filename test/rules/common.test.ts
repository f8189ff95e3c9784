/** The rules of every kind, each through the rule tester (test/support/rule-tester.ts). */
import { ruleTester } from '../support/rule-tester.js';
import { COMMON_CASES } from './common.cases.js';

for (const { rule, ...tests } of COMMON_CASES) ruleTester(rule, tests);
