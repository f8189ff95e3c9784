/** Random small management groups for the property tests of the failure model (fast-check). */
import fc from 'fast-check';
import type { ScomDocument } from '../../../../src/kinds/scom/model/document.js';

const probability = fc.oneof(fc.constant(1), fc.double({ min: 0.5, max: 0.999, noNaN: true }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Windows agents: mostly well within a server's limit, sometimes near or over it (3,000 for a management server, 2,000 for a gateway). */
const agents = fc.oneof(fc.nat(500), fc.integer({ min: 1000, max: 3500 }));
/** Picks for a server's `failoverServers` (other servers, in order). */
const failover = fc.array(fc.nat(5), { minLength: 1, maxLength: 2 });

/** A small random management group: data centres, servers, gateways (chained), a database that may be clustered or colocated, pools. */
export const smallDesign = fc.record({
  dcs: fc.array(maybe(probability), { minLength: 1, maxLength: 3 }),
  ms: fc.array(fc.record({ dc: fc.nat(2), a: maybe(probability), agents: maybe(agents), failover: maybe(failover) }), { minLength: 1, maxLength: 3 }),
  gw: fc.array(
    fc.record({
      dc: fc.nat(2),
      a: maybe(probability),
      parents: fc.array(fc.nat(5), { maxLength: 2 }),
      agents: maybe(agents),
      failover: maybe(failover),
    }),
    { maxLength: 3 },
  ),
  db: fc.oneof(
    fc.record({ type: fc.constant('single' as const), dc: fc.nat(2), a: maybe(probability) }),
    fc.record({ type: fc.constant('colocated' as const), a: maybe(probability) }),
    fc.record({
      type: fc.constant('cluster' as const),
      nodes: fc.array(fc.record({ dc: fc.nat(2), a: maybe(probability) }), { minLength: 1, maxLength: 3 }),
      witness: maybe(fc.record({ dc: fc.nat(2), a: maybe(probability) })),
    }),
  ),
  pools: fc.array(
    fc.record({ members: fc.array(fc.nat(5), { maxLength: 4 }), observers: fc.array(fc.nat(5), { maxLength: 1 }), defaultObserver: fc.boolean() }),
    { maxLength: 2 },
  ),
});

type SmallDesign = typeof smallDesign extends fc.Arbitrary<infer T> ? T : never;

export function designOf(d: SmallDesign): Partial<ScomDocument> & Pick<ScomDocument, 'managementServers'> {
  const dcName = (i: number) => `dc${i % d.dcs.length}`;
  const msNames = d.ms.map((_, i) => `ms${i}`);
  const gwNames = d.gw.map((_, i) => `gw${i}`);
  const servers = [...msNames, ...gwNames];
  const av = (a: number | undefined) => (a === undefined ? {} : { availability: a });
  // A gateway reports only to management servers and to gateways listed before it: no cycles.
  const parentsOf = (i: number, picks: number[]) => [...new Set(picks.map((p) => [...msNames, ...gwNames.slice(0, i)][p % (msNames.length + i)]!))];
  const pick = (xs: number[]) => [...new Set(xs.map((x) => servers[x % servers.length]!))];
  // Agents and where they fail over (other servers only): what worstAgentFailure looks at.
  const agentsOf = (name: string, s: { agents: number | undefined; failover: number[] | undefined }) => {
    const list = s.failover ? pick(s.failover).filter((n) => n !== name) : [];
    return { ...(s.agents === undefined ? {} : { agents: s.agents }), ...(list.length > 0 ? { failoverServers: list } : {}) };
  };
  const db =
    d.db.type === 'single'
      ? { server: 'sql', dataCenter: dcName(d.db.dc), ...av(d.db.a) }
      : d.db.type === 'colocated'
        ? { server: 'ms0', colocatedWith: 'ms0', ...av(d.db.a) }
        : {
            server: 'listener',
            cluster: {
              nodes: d.db.nodes.map((n, i) => ({ name: `node${i}`, dataCenter: dcName(n.dc), ...av(n.a) })),
              ...(d.db.witness ? { witness: { name: 'fsw', dataCenter: dcName(d.db.witness.dc), ...av(d.db.witness.a) } } : {}),
            },
          };
  return {
    dataCenters: d.dcs.map((a, i) => ({ name: `dc${i}`, ...av(a) })),
    managementServers: d.ms.map((s, i) => ({ name: msNames[i]!, dataCenter: dcName(s.dc), ...av(s.a), ...agentsOf(msNames[i]!, s) })),
    gateways: d.gw.map((g, i) => ({
      name: gwNames[i]!,
      dataCenter: dcName(g.dc),
      ...av(g.a),
      reportsTo: parentsOf(i, g.parents),
      ...agentsOf(gwNames[i]!, g),
    })),
    databases: { operational: db },
    pools: d.pools.map((p, i) => {
      const members = pick(p.members);
      return { name: `pool${i}`, members, observers: pick(p.observers).filter((o) => !members.includes(o)), defaultObserver: p.defaultObserver };
    }),
  };
}
