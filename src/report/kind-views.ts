/**
 * The report's sections for the Skype and OpCon kinds: the figures of the same analyses `validate`
 * reports, and the geometry of their diagrams (the pair of pools; the two machines and the database).
 */
import { simulateOpconEvent, OPCON_EVENTS } from '../kinds/opcon/simulate.js';
import type { OpconAnalysis, OpconModel } from '../kinds/opcon/index.js';
import type { SkypeAnalysis, SkypeModel } from '../kinds/skype/index.js';
import { groupThousands } from '../rules/types.js';

export interface SkypeView {
  readonly width: number;
  readonly height: number;
  readonly description: string;
  readonly pools: readonly {
    readonly x: number; readonly y: number; readonly width: number; readonly height: number;
    readonly name: string; readonly sublabel: string; readonly cms: boolean; readonly state: string; readonly active: boolean;
    readonly frontEnds: readonly { readonly x: number; readonly y: number; readonly name: string; readonly first: boolean }[];
  }[];
  readonly links: readonly { readonly path: string; readonly labelX: number; readonly labelY: number; readonly label: string; readonly automated: boolean }[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
}

export function skypeView(model: SkypeModel, analysis: SkypeAnalysis): SkypeView {
  const W = 380;
  const GAP = 120;
  const FE = 56;
  const maxFe = Math.max(...model.pools.map((p) => p.frontEnds.length));
  const rowsOfFe = Math.ceil(maxFe / 4);
  const height = 110 + rowsOfFe * 34 + 30;
  const boxes = model.pools.map((p, i) => {
    const x = 20 + i * (W + GAP);
    const fig = analysis.pools[i]!;
    return {
      x, y: 40, width: W, height: height - 60,
      name: p.name,
      sublabel: `${p.edition ?? 'edition not given'}, ${p.platform ?? 'platform not given'}, ${groupThousands(p.users)} users`,
      cms: p.centralManagementStore,
      state: p.poolState,
      active: p.poolState === 'Active',
      frontEnds: p.frontEnds.map((name, j) => ({ x: x + 14 + (j % 4) * (FE + 12), y: 96 + Math.floor(j / 4) * 34, name, first: j < fig.quorumFrom })),
    };
  });
  const centre = new Map(boxes.map((b) => [b.name, b]));
  const links = model.pairs.map((pair, i) => {
    const a = centre.get(pair.pools[0].name)!;
    const b = centre.get(pair.pools[1].name)!;
    const [l, r] = a.x < b.x ? [a, b] : [b, a];
    const y = 40 + (height - 60) / 2 + i * 16;
    return { path: `M ${l.x + l.width} ${y} L ${r.x} ${y}`, labelX: (l.x + l.width + r.x) / 2, labelY: y - 8, label: pair.failover === 'automated' ? 'automated' : 'manual failover', automated: pair.failover === 'automated' };
  });
  const rows = analysis.pools.map((f) => ({
    name: f.name,
    cells: [
      String(f.frontEnds), String(f.startupNeeded),
      f.quorumFrom === f.frontEnds ? `${f.quorumNeeded} of ${f.frontEnds}` : `${f.quorumNeeded} of the first ${f.quorumFrom}`,
      String(f.tolerableFailures), f.pairedWith ?? 'not paired', f.poolState, groupThousands(f.usersAfterFailover),
    ],
  }));
  const description = `${model.pools.length} Front End pool(s): ${analysis.pools.map((f) => `${f.name} with ${f.frontEnds} front end(s)${f.pairedWith ? `, paired with ${f.pairedWith}` : ''}`).join('; ')}.`;
  return { width: Math.max(360, 20 + model.pools.length * (W + GAP)), height, description, pools: boxes, links, rows };
}

export interface OpconView {
  readonly width: number;
  readonly height: number;
  readonly description: string;
  readonly machines: readonly { readonly x: number; readonly y: number; readonly name: string; readonly role: string; readonly sublabel: string }[];
  readonly database: { readonly x: number; readonly y: number; readonly label: string };
  readonly links: readonly { readonly path: string; readonly labelX: number; readonly labelY: number; readonly label: string; readonly dashed: boolean }[];
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly events: readonly { readonly event: string; readonly active: string; readonly twoSams: boolean; readonly steps: readonly string[]; readonly manual: readonly string[] }[];
}

export function opconView(model: OpconModel, analysis: OpconAnalysis): OpconView {
  const f = analysis.failover;
  const machines = model.machines.map((m, i) => ({
    x: 20 + i * 360, y: 30, name: m.name,
    role: m.name === f.primary ? 'primary' : m.name === f.secondary ? 'standby' : 'other',
    sublabel: `${m.mode}, service ${m.serviceStartType ?? 'start type not given'}`,
  }));
  const database = { x: 20 + Math.max(0, machines.length - 1) * 180, y: 170, label: model.replication === 'replicated' ? 'OpCon database (replicated)' : 'OpCon database (shared)' };
  const links: OpconView['links'][number][] = [];
  if (machines.length >= 2) {
    const [a, b] = machines;
    links.push({ path: `M ${a!.x + 240} ${a!.y + 30} L ${b!.x} ${b!.y + 30}`, labelX: (a!.x + 240 + b!.x) / 2, labelY: a!.y + 22, label: f.mode === 'automatic' ? `pings ${analysis.secondary?.secondsBetweenPings ?? ''} s` : 'manual', dashed: f.mode !== 'automatic' });
  }
  for (const m of machines) links.push({ path: `M ${m.x + 120} ${m.y + 60} L ${database.x + 120} ${database.y}`, labelX: 0, labelY: 0, label: '', dashed: m.role !== 'primary' });
  const facts = [
    { label: 'Scenario', value: f.scenario === null ? 'none (one machine)' : String(f.scenario) },
    { label: 'Failover', value: f.mode },
    { label: 'Primary', value: f.primary ?? 'none' },
    { label: 'Standby', value: f.secondary ?? 'none' },
    { label: 'Database', value: f.database },
    { label: 'Triggers', value: f.triggers.length ? f.triggers.join(', ') : 'none' },
    { label: 'Detection', value: f.detectionSeconds === null ? 'not automatic' : `${f.detectionSeconds} s` },
  ];
  const events = OPCON_EVENTS.map((e) => {
    const o = simulateOpconEvent(model, analysis, e);
    return { event: e, active: o.active.length ? o.active.join(' and ') : 'none', twoSams: o.twoSams, steps: o.steps, manual: o.manualActions };
  });
  const description = `Scenario ${f.scenario ?? 'none'}: ${f.mode} failover from ${f.primary ?? 'none'} to ${f.secondary ?? 'none'}, ${database.label}.`;
  return { width: Math.max(360, 40 + machines.length * 360), height: 250, description, machines, database, links, facts, events };
}
