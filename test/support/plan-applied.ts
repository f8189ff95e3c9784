/**
 * `plan` as an administrator uses it: the design with the plan's change made (test/plan-applied.test.ts),
 * the designs it is run over, and what a finding is about (to tell a finding the change brings).
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { expect } from 'vitest';
import type { Finding } from '../../src/core/results.js';
import type { PoolPlan } from '../../src/kinds/scom/analysis/plan.js';
import { ROOT } from '../fixture-files.js';

export type Doc = {
  managementServers: { name: string; dataCenter?: string }[];
  gateways?: { name: string; dataCenter?: string; reportsTo?: string[]; managementServers?: string[] }[];
  pools?: { name: string; membership?: string; members?: string[]; observers?: string[]; defaultObserver?: boolean }[];
};

export const DEFAULT_POOLS = new Set(['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool']);

/** The design with the plan's change made: new servers where the pool's first member is, members, observers, the default observer. */
export function applied(doc: Doc, plans: readonly PoolPlan[], forAgents: readonly string[], forAgentsDataCenter: string | undefined): Doc {
  const out = structuredClone(doc);
  out.pools ??= [];
  const added = new Set<string>(forAgents);
  const site = out.managementServers[0]?.dataCenter;
  for (const name of forAgents) out.managementServers.push({ name, ...(forAgentsDataCenter !== undefined ? { dataCenter: forAgentsDataCenter } : {}) });
  const server = (name: string) => out.managementServers.find((s) => s.name === name) ?? out.gateways?.find((g) => g.name === name);
  for (const p of plans) {
    const change = p.change;
    if (!change) continue;
    let listed = out.pools.find((x) => x.name === p.pool);
    const first = listed?.members?.map(server).find(Boolean);
    change.newServers.forEach((name, i) => {
      if (added.has(name)) return;
      added.add(name);
      // Where the plan says (the pool's data centre), else beside the first management server.
      const at = change.dataCenter ?? site;
      const dataCenter = at !== undefined ? { dataCenter: at } : {};
      if (i < change.addMembers && change.memberRole === 'gateway') {
        const like = first as NonNullable<Doc['gateways']>[number];
        // Where the pool's first gateway reports, and a failover where it has none.
        const parents = like.reportsTo ?? like.managementServers;
        expect(change.reportsTo?.slice(0, parents?.length)).toEqual(parents);
        (out.gateways ??= []).push({ name, ...dataCenter, reportsTo: [...(change.reportsTo ?? [])] });
      } else out.managementServers.push({ name, ...dataCenter });
    });
    // A pool of chosen members gets its new servers by name; an automatic one every new management
    // server, which a file that lists its members (as an import writes it) lists too.
    if (listed?.members) {
      if (listed.membership === 'automatic') listed.members.push(...change.joins);
      listed.members.push(...change.newServers.slice(0, change.addMembers));
      (listed.observers ??= []).push(...change.newServers.slice(change.addMembers));
    }
    if (change.defaultObserver !== 'keep') {
      if (!listed) out.pools.push((listed = { name: p.pool }));
      listed.defaultObserver = change.defaultObserver === 'enable';
    }
  }
  // A pool made manual keeps the members it had once every new server is installed, less those removed.
  for (const p of plans) {
    const change = p.change;
    if (change?.membership !== 'manual') continue;
    let listed = out.pools.find((x) => x.name === p.pool);
    if (!listed) out.pools.push((listed = { name: p.pool }));
    const had = listed.members ?? out.managementServers.map((s) => s.name);
    listed.membership = 'manual';
    listed.members = had.filter((m) => !(change.removeMembers ?? []).includes(m));
  }
  return out;
}

/**
 * What each finding is about: its rule and pool (the default pools as one: listed to set their
 * default observer, they get one finding each), and the server it names. Its message and figures
 * are left out: a finding the change is meant to resolve may change them (a gateway's only server
 * becoming one of two).
 */
export function subjectKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => {
    const pool = f.pool === undefined || DEFAULT_POOLS.has(f.pool) ? '(the default pools)' : f.pool;
    const server = f.data?.['name'] ?? f.data?.['server'] ?? '';
    return `${f.ruleId} ${pool}${server === '' ? '' : ` ${server}`}`;
  });
}

const scomDesign = (text: string) => {
  try {
    const doc = yaml.load(text) as { kind?: string; managementServers?: unknown } | null;
    return doc !== null && typeof doc === 'object' && (doc.kind === undefined || doc.kind === 'scom') && Array.isArray(doc.managementServers);
  } catch {
    return false;
  }
};

/** The SCOM designs under a folder of the repository (not its sub-folders). */
export function scomFiles(dir: string): (readonly [string, string])[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => [`${dir}/${f}`, readFileSync(path.join(ROOT, dir, f), 'utf8')] as const)
    .filter(([, text]) => scomDesign(text));
}

/**
 * Designs from the seeds' scenarios: one to five management servers (DOMAIN.md's quorum cases), the
 * default pools automatic or made manual, beside nothing, a pool of two or three gateways, a
 * UNIX/Linux pool, or a network pool of one to three management servers; in one data centre or
 * stretched over two with the database in the first.
 */
export function seedDesigns(): (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  const line = (o: Record<string, unknown>) => `  - ${JSON.stringify(o)}\n`;
  for (const stretched of [false, true])
    for (const n of [1, 2, 3, 4, 5])
      for (const automatic of [true, false])
        for (const extra of ['none', 'gateways-2', 'gateways-3', 'unix-linux', 'network-1', 'network-2', 'network-3']) {
          const ms = Array.from({ length: n }, (_, i) => ({ name: `ms0${i + 1}`, ...(stretched ? { dataCenter: i % 2 === 0 ? 'dc1' : 'dc2' } : {}) }));
          const network = extra.startsWith('network-') ? Number(extra.slice(-1)) : 0;
          if (network > n) continue;
          const general = ms.slice(0, n - network).map((s) => s.name);
          if (!automatic && general.length === 0) continue;
          let text = `version: 1\nname: ${n} servers, ${extra}${stretched ? ', two sites' : ''}${automatic ? '' : ', default pools manual'}\n`;
          if (stretched) text += 'dataCenters: [{name: dc1}, {name: dc2}]\ndatabases: {operational: {server: sql01, dataCenter: dc1}}\n';
          text += `managementServers:\n${ms.map(line).join('')}`;
          const gateways = extra.startsWith('gateways-') ? Number(extra.slice(-1)) : 0;
          if (gateways > 0) {
            const reportsTo = ms.slice(0, 2).map((s) => s.name);
            text += `gateways:\n${Array.from({ length: gateways }, (_, i) => line({ name: `gw0${i + 1}`, reportsTo, ...(stretched ? { dataCenter: 'dc1' } : {}) })).join('')}`;
          }
          const pools: Record<string, unknown>[] = [];
          if (!automatic) for (const name of DEFAULT_POOLS) pools.push({ name, membership: 'manual', members: general });
          if (gateways > 0)
            pools.push({
              name: 'Gateway Pool',
              members: Array.from({ length: gateways }, (_, i) => `gw0${i + 1}`),
              defaultObserver: false,
              workload: { unixLinuxAgents: 300 },
            });
          if (extra === 'unix-linux')
            pools.push({ name: 'UNIX Linux Pool', purpose: 'unix-linux', members: ms.slice(0, 2).map((s) => s.name), workload: { unixLinuxAgents: 500 } });
          if (network > 0)
            pools.push({ name: 'Network Pool', purpose: 'network', members: ms.slice(n - network).map((s) => s.name), workload: { networkDevices: 400 } });
          if (pools.length > 0) text += `pools:\n${pools.map(line).join('')}`;
          out.push([`seed: ${n} servers, ${extra}${stretched ? ', two sites' : ''}${automatic ? '' : ', default pools manual'}`, text]);
        }
  return out;
}
