/** schemas/topology.schema.json is what the kinds' schema parts compose to (run `npm run build`). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSchema } from '../scripts/build-schema.mjs';
import { KINDS } from '../src/kinds/index.js';
import { ROOT } from './fixture-files.js';

describe('topology schema', () => {
  it('is composed from the kinds\' parts and up to date', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'schemas/topology.schema.json'), 'utf8'));
    expect(committed).toEqual(composeSchema());
  });

  it('knows exactly the registered kinds', () => {
    const schema = composeSchema() as { properties: { kind: { enum: string[] } } };
    expect([...schema.properties.kind.enum].sort()).toEqual([...KINDS].sort());
  });
});
