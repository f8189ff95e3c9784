/** The Skype for Business rules, each through the rule tester (test/support/rule-tester.ts). */
import { ruleTester } from '../support/rule-tester.js';
import { SKYPE_CASES } from './skype.cases.js';

for (const { rule, ...tests } of SKYPE_CASES) ruleTester(rule, tests);
