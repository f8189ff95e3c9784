/** The root is what a user calls; each kind's model is its own subpath, and the data's vocabulary is `pooltopo/types`. */
import * as root from 'pooltopo';
import * as scom from 'pooltopo/kinds/scom';
import * as skype from 'pooltopo/kinds/skype';
import * as opcon from 'pooltopo/kinds/opcon';
import { expectType, type Equal } from './expect.js';

expectType<
  Equal<
    keyof typeof root,
    'validate' | 'validateOutcomes' | 'lintText' | 'loadConfig' | 'RULES' | 'ruleById' | 'describeRules' | 'PooltopoError' | 'topologySchemaText'
  >
>();
expectType<Equal<keyof typeof scom, 'isScomResult' | 'isScomPool'>>();
expectType<Equal<keyof typeof skype, 'isSkypeResult' | 'isSkypePool'>>();
expectType<Equal<keyof typeof opcon, 'isOpconResult'>>();

// @ts-expect-error a kind's model comes from its subpath, not from the root
export type RootTopology = root.Topology;
export type Topology = scom.Topology;
// @ts-expect-error the vocabulary of the data is pooltopo/types
export type RootSeverity = root.Severity;
