/** FileResult is discriminated by kind: a switch narrows the pools, and a misspelt kind does not compile. */
import type { FileResult } from 'pooltopo';
import { isScomPool, isScomResult } from 'pooltopo/kinds/scom';
import { isSkypePool } from 'pooltopo/kinds/skype';
import type { KindPoolResult, TopologyKind } from 'pooltopo/types';
import { expectType, type Equal } from './expect.js';

expectType<Equal<TopologyKind, 'scom' | 'skype-pool-pair' | 'opcon-failover'>>();
// Every kind has its variant of FileResult, and no variant is of a kind that does not exist.
expectType<Equal<NonNullable<FileResult['kind']>, TopologyKind>>();

export function describe(f: FileResult): string[] {
  switch (f.kind) {
    case 'scom':
      return f.pools.map((p) => `${p.name}: ${p.votingMembers} voters, default observer ${p.defaultObserver.enabled}`);
    case 'skype-pool-pair':
      return f.pools.map((p) => `${p.name}: ${p.frontEnds} front ends, paired with ${p.pairedWith ?? 'none'}`);
    case 'opcon-failover':
      expectType<Equal<typeof f.pools, readonly []>>();
      return f.failover ? [`scenario ${f.failover.scenario}`] : [];
    case undefined:
      expectType<Equal<typeof f.pools, readonly []>>();
      return f.findings.map((x) => x.message);
    default: {
      const unreachable: never = f;
      return unreachable;
    }
  }
}

export function misspelt(f: FileResult): void {
  switch (f.kind) {
    // @ts-expect-error not a kind
    case 'scmo':
      break;
  }
}

export function guards(files: readonly FileResult[], p: KindPoolResult): number {
  if (isScomPool(p)) expectType<Equal<typeof p.tolerableFailures, number>>();
  if (isSkypePool(p)) expectType<Equal<typeof p.frontEnds, number>>();
  // @ts-expect-error a Skype pool has no default observer
  if (!isScomPool(p)) void p.defaultObserver;
  return files
    .filter(isScomResult)
    .flatMap((f) => f.pools)
    .reduce((n, pool) => n + pool.tolerableFailures, 0);
}
