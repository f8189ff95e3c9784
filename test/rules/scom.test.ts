/** The SCOM rules, each through the rule tester (test/support/rule-tester.ts). */
import { ruleTester } from '../support/rule-tester.js';
import { SCOM_CASES } from './scom.cases.js';

for (const { rule, ...tests } of SCOM_CASES) ruleTester(rule, tests);
