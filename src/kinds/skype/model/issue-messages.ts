/** The wording of the model issues this kind's normalisation reports (the common rules' messages). */
import type { IssueMessages } from '../../../core/kind.js';

export const ISSUE_MESSAGES: IssueMessages = {
  schema: {
    selfPair: 'Pool "{{name}}" is paired with itself; a backup pool is another pool.',
  },
  'unknown-reference': {
    pairedPool: 'Paired pool "{{name}}" is not defined in `pools`; define it or correct the name.',
  },
  'duplicate-name': {
    duplicateFrontEnd: '"{{name}}" (front end) has the same name as front end "{{first}}" in pool "{{firstPool}}"; names are unique case-insensitively.',
    duplicatePool: 'Pool "{{name}}" is defined twice (first as "{{first}}"); merge the two entries.',
  },
};
