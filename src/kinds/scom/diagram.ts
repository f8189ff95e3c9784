/**
 * The topology diagram's geometry: data centres as regions side by side, their management servers,
 * gateways and the operational database as boxes, pool memberships as numbered badges, latencies on
 * the links. Only numbers and text come out; the SVG is drawn by the report template, which escapes
 * every string.
 */
import { voterServers, type LatencyEntry, type Topology } from './model/types.js';
import type { TopologyAnalysis } from './analysis/index.js';
import type { Settings } from '../../settings.js';
import { groupThousands } from '../../rules/types.js';
import { drawnLabel, fitFirst, fitText, textWidth, type FittedLabel } from '../../report/fit-text.js';
import { minOf } from '../../util/extremes.js';

/** A labelled rectangle: a data centre's region or a server's box. */
interface DiagramRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The label as drawn: the name, or its start and "…" where it is wider than the box. */
  readonly label: string;
  readonly sublabel: string;
  /** The whole label and sublabel, for the tooltip, where either had to be cut. */
  readonly full?: string;
  /** The label is drawn right to left (an Arabic or Hebrew name). */
  readonly labelRtl?: true;
}

export interface DiagramBox extends DiagramRect {
  /** The server's (or the database server's) name, whole. */
  readonly name: string;
  readonly kind: 'management-server' | 'gateway' | 'database' | 'more';
  /** The operational database shares this management server's host. */
  readonly hostsDatabase?: true;
  /** Its pools' badges; `title` names the pool, or for "+N" the pools it stands for. */
  readonly badges: readonly { readonly x: number; readonly y: number; readonly text: string; readonly colour: number; readonly title: string }[];
}

export interface DiagramRegion extends DiagramRect {
  readonly cloud: boolean;
}

export interface DiagramLink {
  readonly path: string;
  readonly labelX: number;
  readonly labelY: number;
  readonly label: string;
  readonly over: boolean;
}

export interface Diagram {
  readonly width: number;
  readonly height: number;
  readonly regions: readonly DiagramRegion[];
  readonly boxes: readonly DiagramBox[];
  readonly links: readonly DiagramLink[];
  /** A chained gateway to each gateway it reports to (dashed), from the edge of one box to the other's. */
  readonly chains: readonly { readonly path: string; readonly title: string }[];
  /** Some server shows a "+N" badge for the pools its box has no room for, which the caption explains. */
  readonly moreBadges: boolean;
}

/** How many colours pools' badges take turns in (styles.hbs's .c0 to .c7). */
const POOL_COLOURS = 8;
/** The colour class of a "+N more pools" badge (pool colours are 0 to 7). */
const MORE_BADGE = POOL_COLOURS;

/** Pool number N's colour class (`.cK`): the same in the diagram, its legend and every table. */
export function poolColour(number: number): number {
  return (number - 1) % POOL_COLOURS;
}

/** The numbers of the pools each server (by name) votes in, in the pools' order. */
export function poolNumbersByServer(topology: Topology, poolNumber: ReadonlyMap<string, number>): Map<string, number[]> {
  const poolsOf = new Map<string, number[]>();
  for (const p of topology.pools) {
    for (const s of voterServers(p)) {
      const list = poolsOf.get(s.name) ?? [];
      list.push(poolNumber.get(p.name)!);
      poolsOf.set(s.name, list);
    }
  }
  return poolsOf;
}
const COLUMN = 260;
const GAP = 64;
const BOX_W = 220;
const BOX_H = 46;
const BOX_GAP = 12;
const HEADER = 46;
/** Text sizes and padding, as the report's styles set them (.box-label, .region-label, the sublabels). */
const BOX_LABEL_PX = 13;
const REGION_LABEL_PX = 15;
const SUBLABEL_PX = 11;
const BOX_PAD = 10;
const REGION_PAD = 14;
/** A badge's width and the gap after it; a box has room for at least MIN_BADGES, however long its name. */
const BADGE_STEP = 26;
const MIN_BADGES = 3;
/** The most servers drawn per data centre; the rest are summed up in one box. */
export const MAX_BOXES_PER_REGION = 14;

export function layoutDiagram(topology: Topology, verdicts: ReadonlyMap<LatencyEntry, RoundTripVerdict>, poolNumber: ReadonlyMap<string, number>): Diagram {
  // Room above the regions for the arcs of links between sites, where there are any.
  const TOP = topology.latency.some((l) => l.between === 'data-centers' && l.ends[0] !== l.ends[1]) ? 90 : 12;
  const regions: DiagramRegion[] = [];
  const boxes: DiagramBox[] = [];
  const centre = new Map<string, { x: number; y: number }>();
  const regionOf = new Map<string, DiagramRegion>();
  const poolsOf = poolNumbersByServer(topology, poolNumber);
  const poolName = new Map([...poolNumber].map(([name, n]) => [n, name]));
  const named = (n: number) => `P${n} ${poolName.get(n) ?? ''}`.trim();
  let moreBadges = false;
  let maxHeight = 0;
  topology.dataCenters.forEach((dc, i) => {
    const x = GAP / 2 + i * (COLUMN + GAP);
    const items: { name: string; sublabel: [string, ...string[]]; kind: DiagramBox['kind']; hostsDatabase?: true }[] = [];
    const servers = [...topology.managementServers, ...topology.gateways].filter((s) => s.dataCenter === dc);
    const shown = servers.slice(0, MAX_BOXES_PER_REGION);
    const db = topology.database;
    for (const s of shown) {
      const agents = `${groupThousands(s.agents)} agents`;
      // A database that shares a management server's host is drawn in that server's box.
      const role = s.role === 'gateway' ? 'gateway' : db.colocatedWith === s ? 'management server + database' : 'management server';
      const options: [string, ...string[]] = db.colocatedWith === s
        ? [`${role} · ${agents}`, `+ operational database · ${agents}`, `+ database · ${agents}`, '+ database']
        : [`${role} · ${agents}`, agents];
      items.push({ name: s.name, sublabel: options, kind: s.role, ...(db.colocatedWith === s ? { hostsDatabase: true as const } : {}) });
    }
    if (servers.length > shown.length) {
      items.push({ name: `+ ${groupThousands(servers.length - shown.length)} more servers`, sublabel: ['listed in the tables below'], kind: 'more' });
    }
    if (db.cluster) {
      for (const n of db.cluster.nodes) if (n.dataCenter === dc) items.push({ name: n.name, sublabel: [`cluster node of ${db.server}`, 'database cluster node', 'cluster node'], kind: 'database' });
      if (db.cluster.witness?.dataCenter === dc) items.push({ name: db.cluster.witness.name, sublabel: [`cluster witness (${db.server})`, 'witness'], kind: 'database' });
    } else if (db.dataCenter === dc && !db.colocatedWith) {
      items.push({ name: db.server, sublabel: ['operational database'], kind: 'database' });
    }
    let y = TOP + HEADER;
    for (const item of items) {
      const numbers = item.kind === 'management-server' || item.kind === 'gateway' ? poolsOf.get(item.name) ?? [] : [];
      // Room for three badges, or as many more as the name leaves room for: a server in more pools
      // shows all but one of them and "+N" for the rest, rather than leaving memberships out without
      // a word (the badge's title and the pool sections name them all).
      const fit = Math.max(MIN_BADGES, Math.floor((BOX_W - BOX_PAD * 2 - 4 - textWidth(item.name, BOX_LABEL_PX, true)) / BADGE_STEP));
      const shown = numbers.length > fit ? numbers.slice(0, fit - 1) : numbers;
      const more = numbers.slice(shown.length);
      if (more.length > 0) moreBadges = true;
      const labels = [
        ...shown.map((n) => ({ text: `P${n}`, colour: poolColour(n), title: named(n) })),
        ...(more.length > 0 ? [{ text: `+${more.length}`, colour: MORE_BADGE, title: `Also in ${more.map(named).join(', ')}` }] : []),
      ];
      const badges = labels.map((b, k) => ({ x: x + 20 + BOX_W - 8 - (labels.length - k) * BADGE_STEP, y: y + 6, ...b }));
      // The name's room: the box but its padding and, on the name's line, the badges.
      const label = fitText(item.name, BOX_W - BOX_PAD * 2 - (badges.length > 0 ? labels.length * BADGE_STEP + 4 : 0), BOX_LABEL_PX, true);
      // The sublabel, below the badges, may come closer to the box's right edge.
      const sublabel = fitFirst(item.sublabel, BOX_W - BOX_PAD - 4, SUBLABEL_PX);
      boxes.push({ ...item, ...drawn(label, sublabel), x: x + 20, y, width: BOX_W, height: BOX_H, badges });
      centre.set(item.name, { x: x + 20 + BOX_W / 2, y: y + BOX_H / 2 });
      y += BOX_H + BOX_GAP;
    }
    const height = Math.max(y - TOP + 8, HEADER + BOX_H + 20);
    maxHeight = Math.max(maxHeight, height);
    const label = fitText(dc.name, COLUMN - REGION_PAD * 2, REGION_LABEL_PX, true);
    const sublabel = fitText(dc.location === 'on-premises' ? (dc.implicit ? 'implicit data centre' : 'on premises') : `cloud: ${dc.location}`, COLUMN - REGION_PAD * 2, SUBLABEL_PX, false, 'start');
    const region: DiagramRegion = { x, y: TOP, width: COLUMN, height, ...drawn(label, sublabel), cloud: dc.location !== 'on-premises' };
    regions.push(region);
    regionOf.set(dc.name, region);
  });
  // Regions share one height, so the page reads as a row of sites.
  const sized = regions.map((r) => ({ ...r, height: maxHeight }));
  // Links between regions: data-centre entries over the regions' tops, server pairs across regions
  // between the boxes' facing edges. Round trips inside one region are listed in the table below.
  const links: DiagramLink[] = [];
  const regionOfBox = new Map<string, DiagramRegion>();
  for (const b of boxes) {
    const r = regions.find((g) => b.x >= g.x && b.x < g.x + g.width);
    if (r) regionOfBox.set(b.name, r);
  }
  topology.latency.forEach((entry, i) => {
    const [a, b] = entry.ends;
    const over = verdicts.get(entry)?.over ?? false;
    if (entry.between === 'data-centers') {
      const ra = regionOf.get(a);
      const rb = regionOf.get(b);
      if (!ra || !rb || ra === rb) return;
      const from = { x: ra.x + ra.width / 2, y: TOP };
      const to = { x: rb.x + rb.width / 2, y: TOP };
      const lift = 28 + (i % 3) * 14;
      const midX = (from.x + to.x) / 2;
      links.push({ path: `M ${from.x} ${from.y} Q ${midX} ${TOP - 2 * lift} ${to.x} ${to.y}`, labelX: midX, labelY: TOP - lift - 6, label: `${entry.ms} ms`, over });
      return;
    }
    const ra = regionOfBox.get(a);
    const rb = regionOfBox.get(b);
    const ca = centre.get(a);
    const cb = centre.get(b);
    if (!ra || !rb || !ca || !cb || ra === rb) return;
    const [left, right] = ca.x < cb.x ? [ca, cb] : [cb, ca];
    const x1 = left.x + BOX_W / 2;
    const x2 = right.x - BOX_W / 2;
    links.push({ path: `M ${x1} ${left.y} L ${x2} ${right.y}`, labelX: (x1 + x2) / 2, labelY: (left.y + right.y) / 2 - 6, label: `${entry.ms} ms`, over });
  });
  // Chained gateways: a dashed line from the gateway's box to each gateway it reports to.
  const chains: { path: string; title: string }[] = [];
  for (const g of topology.gateways) {
    const from = centre.get(g.name);
    if (!from) continue;
    g.reportsTo.forEach((parent, k) => {
      const to = parent.role === 'gateway' ? centre.get(parent.name) : undefined;
      if (!to) return;
      const side = (a: { x: number; y: number }, b: { x: number; y: number }) => (a.x === b.x ? a.x + BOX_W / 2 : a.x < b.x ? a.x + BOX_W / 2 : a.x - BOX_W / 2);
      const x1 = side(from, to);
      const x2 = from.x === to.x ? to.x + BOX_W / 2 : side(to, from);
      const bend = from.x === to.x ? `C ${x1 + 40} ${from.y} ${x2 + 40} ${to.y}` : `L`;
      chains.push({ path: `M ${x1} ${from.y} ${bend} ${x2} ${to.y}`, title: `${g.name} reports to ${parent.name}${k === 0 ? '' : ' (failover)'}` });
    });
  }
  const width = Math.max(360, topology.dataCenters.length * (COLUMN + GAP));
  return { width, height: TOP + maxHeight + 20, regions: sized, boxes, links, chains, moreBadges };
}

/** What a measured round trip is held to, as the latency rules hold it; `limit` null when none applies. */
export interface RoundTripVerdict {
  readonly limit: number | null;
  readonly over: boolean;
}

/**
 * Each latency entry's limit, from the analyses the rules read: the database limit (5 ms) where
 * the entry gives a round trip between a management server and the operational database's server,
 * the pool limit (10 ms) where it gives one between voters of one pool, the smaller where both, and
 * none where neither (two gateways of no common pool, say): the report marks a round trip over its
 * limit exactly where database-latency-over-5ms or latency-over-10ms finds it.
 */
export function roundTripVerdicts(topology: Topology, analysis: TopologyAnalysis, settings: Settings): Map<LatencyEntry, RoundTripVerdict> {
  const toDatabase = new Set(analysis.databaseLatency.map((a) => a.entry));
  const inPool = new Set(analysis.pools.flatMap((p) => p.latency.applied.map((a) => a.entry)));
  return new Map(topology.latency.map((entry) => {
    const limits = [...(toDatabase.has(entry) ? [settings.databaseLatencyMs] : []), ...(inPool.has(entry) ? [settings.poolLatencyMs] : [])];
    const limit = limits.length > 0 ? minOf(limits) : null;
    return [entry, { limit, over: limit !== null && entry.ms > limit }];
  }));
}

/** A rectangle's label and sublabel as drawn, and the whole of both where either was cut. */
function drawn(label: FittedLabel, sublabel: FittedLabel): Pick<DiagramRect, 'label' | 'sublabel' | 'full' | 'labelRtl'> {
  const cut = label.full !== undefined || sublabel.full !== undefined;
  return {
    ...drawnLabel(label), sublabel: sublabel.label,
    ...(cut ? { full: `${label.full ?? label.label}: ${sublabel.full ?? sublabel.label}` } : {}),
  };
}
