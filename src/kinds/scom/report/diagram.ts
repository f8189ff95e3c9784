/**
 * The topology diagram's geometry: data centres as regions side by side, their management servers,
 * gateways and the operational database as boxes, pool memberships as numbered badges, latencies on
 * the links. Only numbers and text come out; the SVG is drawn by the report template, which escapes
 * every string.
 */
import { voterServers, type LatencyEntry, type Topology } from '../model/types.js';
import { groupThousands } from '../../../core/rule.js';
import { drawnLabel, fitFirst, fitText, textWidth, wrapText, type FittedLabel } from '../../../util/fit-text.js';
import type { RoundTripVerdict } from './round-trips.js';
import type { Diagram, DiagramBand, DiagramBox, DiagramLink, DiagramRect, DiagramRegion } from './diagram-types.js';

export type { Diagram, DiagramBox, DiagramRegion, DiagramLink, DiagramBand } from './diagram-types.js';

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
/** A data centre's column and the gap between two, and a server's box: wider where two sites share a row. */
const NARROW = { column: 260, gap: 64, box: 220 };
const WIDE = { column: 320, gap: 30, box: 280 };
const BOX_GAP = 10;
const HEADER = 46;
/** Text sizes and padding, as the report's styles set them (.box-label, .region-label, the sublabels). */
const BOX_LABEL_PX = 13;
const REGION_LABEL_PX = 15;
const SUBLABEL_PX = 11;
const BOX_PAD = 10;
const REGION_PAD = 14;
/** A name's lines (.box-label's line height), the space above the first and the sublabel's line below the last. */
const LINE = 16;
const BOX_TOP = 19;
const BOX_BOTTOM = 26;
/** A badge's width and the gap after it; a box has room for at least MIN_BADGES, however long its name. */
const BADGE_STEP = 30;
const MIN_BADGES = 3;
/**
 * The most servers drawn one box each per data centre; past it a data centre shows one box per role
 * with their count, and the servers table lists each of them.
 */
export const MAX_BOXES_PER_REGION = 12;
/**
 * Data centres side by side in one row, up to three (as wide as a desktop's page); more go two a
 * row, as wide as a printed page, so that neither shrinks the text (a row of four or eight shrank it
 * to a few pixels).
 */
const ONE_ROW = 3;
const PER_ROW = 2;

export function layoutDiagram(topology: Topology, verdicts: ReadonlyMap<LatencyEntry, RoundTripVerdict>, poolNumber: ReadonlyMap<string, number>): Diagram {
  const perRow = topology.dataCenters.length <= ONE_ROW ? ONE_ROW : PER_ROW;
  const { column: COLUMN, gap: GAP, box: BOX_W } = perRow === ONE_ROW ? NARROW : WIDE;
  const oneRow = topology.dataCenters.length <= perRow;
  // Room above the regions for the arcs of links between sites, where they are drawn (one row).
  const TOP = oneRow && topology.latency.some((l) => l.between === 'data-centers' && l.ends[0] !== l.ends[1]) ? 90 : 12;
  const regions: DiagramRegion[] = [];
  const boxes: DiagramBox[] = [];
  const centre = new Map<string, { x: number; y: number }>();
  const regionOf = new Map<string, DiagramRegion>();
  const poolsOf = poolNumbersByServer(topology, poolNumber);
  const poolName = new Map([...poolNumber].map(([name, n]) => [n, name]));
  const named = (n: number) => `P${n} ${poolName.get(n) ?? ''}`.trim();
  let moreBadges = false;
  let grouped = false;
  // Each data centre's column, laid out first; rows are sized once each of their columns is.
  const columns: { dc: Topology['dataCenters'][number]; boxes: DiagramBox[]; height: number }[] = [];
  topology.dataCenters.forEach((dc) => {
    const items: { name: string; sublabel: [string, ...string[]]; kind: DiagramBox['kind']; hostsDatabase?: true; numbers: readonly number[] }[] = [];
    const servers = [...topology.managementServers, ...topology.gateways].filter((s) => s.dataCenter === dc);
    const db = topology.database;
    if (servers.length <= MAX_BOXES_PER_REGION) {
      for (const s of servers) {
        const agents = `${groupThousands(s.agents)} agents`;
        // A database that shares a management server's host is drawn in that server's box.
        const role = s.role === 'gateway' ? 'gateway' : db.colocatedWith === s ? 'management server + database' : 'management server';
        const options: [string, ...string[]] =
          db.colocatedWith === s
            ? [`${role} · ${agents}`, `+ operational database · ${agents}`, `+ database · ${agents}`, '+ database']
            : [`${role} · ${agents}`, agents];
        items.push({
          name: s.name,
          sublabel: options,
          kind: s.role,
          numbers: poolsOf.get(s.name) ?? [],
          ...(db.colocatedWith === s ? { hostsDatabase: true as const } : {}),
        });
      }
    } else {
      // Too many to draw one by one: a box per role, its count, its agents and every pool its servers vote in.
      grouped = true;
      for (const role of ['management-server', 'gateway'] as const) {
        const ofRole = servers.filter((s) => s.role === role);
        if (ofRole.length === 0) continue;
        const numbers = [...new Set(ofRole.flatMap((s) => poolsOf.get(s.name) ?? []))].sort((a, b) => a - b);
        const agents = ofRole.reduce((total, s) => total + s.agents, 0);
        const noun = role === 'gateway' ? 'gateways' : 'management servers';
        const host = db.colocatedWith && ofRole.includes(db.colocatedWith) ? ` (${db.colocatedWith.name} hosts the database)` : '';
        items.push({
          name: `${groupThousands(ofRole.length)} ${noun}${host}`,
          sublabel: [`${groupThousands(agents)} agents · each in the servers table`, `${groupThousands(agents)} agents`],
          kind: 'more',
          numbers,
        });
      }
    }
    if (db.cluster) {
      for (const n of db.cluster.nodes)
        if (n.dataCenter === dc)
          items.push({ name: n.name, sublabel: [`cluster node of ${db.server}`, 'database cluster node', 'cluster node'], kind: 'database', numbers: [] });
      if (db.cluster.witness?.dataCenter === dc)
        items.push({ name: db.cluster.witness.name, sublabel: [`cluster witness (${db.server})`, 'witness'], kind: 'database', numbers: [] });
    } else if (db.dataCenter === dc && !db.colocatedWith) {
      items.push({ name: db.server, sublabel: ['operational database'], kind: 'database', numbers: [] });
    }
    const column: DiagramBox[] = [];
    let y = HEADER;
    for (const item of items) {
      const { numbers } = item;
      // Room for three badges, or as many more as the sublabel leaves room for: a server in more
      // pools shows all but one of them and "+N" for the rest, rather than leaving memberships out
      // without a word (the badge's title and the pool sections name them all).
      const fit = Math.max(MIN_BADGES, Math.floor((BOX_W - BOX_PAD * 2 - 4 - textWidth(item.sublabel[item.sublabel.length - 1]!, SUBLABEL_PX)) / BADGE_STEP));
      const shown = numbers.length > fit ? numbers.slice(0, fit - 1) : numbers;
      const more = numbers.slice(shown.length);
      if (more.length > 0) moreBadges = true;
      const labels = [
        ...shown.map((n) => ({ text: `P${n}`, colour: poolColour(n), title: named(n) })),
        ...(more.length > 0 ? [{ text: `+${more.length}`, colour: MORE_BADGE, title: `Also in ${more.map(named).join(', ')}` }] : []),
      ];
      // The name, whole, in as many lines as the box's width takes; the badges go on the sublabel's line.
      const lines = wrapText(item.name, BOX_W - BOX_PAD * 2, BOX_LABEL_PX, true);
      const sublabel = fitFirst(item.sublabel, BOX_W - BOX_PAD * 2 - (labels.length > 0 ? labels.length * BADGE_STEP + 4 : 0), SUBLABEL_PX);
      const height = BOX_TOP + (lines.length - 1) * LINE + BOX_BOTTOM;
      const sublabelDy = BOX_TOP + (lines.length - 1) * LINE + LINE;
      column.push({
        name: item.name,
        kind: item.kind,
        ...(item.hostsDatabase ? { hostsDatabase: true as const } : {}),
        ...drawn(fitText(item.name, Infinity, BOX_LABEL_PX, true), sublabel),
        lines: lines.map((text, k) => ({ text, dy: BOX_TOP + k * LINE })),
        sublabelDy,
        x: 0,
        y,
        width: BOX_W,
        height,
        badges: labels.map((b, k) => ({ x: BOX_W - 8 - (labels.length - k) * BADGE_STEP, y: sublabelDy - 11, ...b })),
      });
      y += height + BOX_GAP;
    }
    columns.push({ dc, boxes: column, height: Math.max(y + 8, HEADER + 46 + 20) });
  });
  // Rows share a height each, so that the page reads as rows of sites; boxes move to their column's place.
  let rowTop = TOP;
  const rowSpans: { top: number; bottom: number }[] = [];
  for (let first = 0; first < columns.length; first += perRow) {
    const row = columns.slice(first, first + perRow);
    const height = Math.max(...row.map((c) => c.height));
    row.forEach(({ dc, boxes: column }, k) => {
      const x = GAP / 2 + k * (COLUMN + GAP);
      for (const b of column) {
        const placed = { ...b, x: x + 20, y: rowTop + b.y, badges: b.badges.map((g) => ({ ...g, x: x + 20 + g.x, y: rowTop + b.y + g.y })) };
        boxes.push(placed);
        centre.set(b.name, { x: placed.x + BOX_W / 2, y: placed.y + b.height / 2 });
      }
      const label = fitText(dc.name, COLUMN - REGION_PAD * 2, REGION_LABEL_PX, true);
      const sublabel = fitText(
        dc.location === 'on-premises' ? (dc.implicit ? 'implicit data centre' : 'on premises') : `cloud: ${dc.location}`,
        COLUMN - REGION_PAD * 2,
        SUBLABEL_PX,
        false,
        'start',
      );
      const region: DiagramRegion = { x, y: rowTop, width: COLUMN, height, ...drawn(label, sublabel), cloud: dc.location !== 'on-premises' };
      regions.push(region);
      regionOf.set(dc.name, region);
    });
    rowSpans.push({ top: rowTop, bottom: rowTop + height });
    rowTop += height + (first + perRow < columns.length ? GAP / 2 : 0);
  }
  // Links between regions, in one row: data-centre entries over the regions' tops, server pairs
  // across regions between the boxes' facing edges. Round trips inside one region, and all of them
  // where the sites take several rows, are listed in the table below.
  const links: DiagramLink[] = [];
  const regionOfBox = new Map<string, DiagramRegion>();
  for (const b of boxes) {
    const r = regions.find((g) => b.x >= g.x && b.x < g.x + g.width && b.y >= g.y && b.y < g.y + g.height);
    if (r) regionOfBox.set(b.name, r);
  }
  if (oneRow)
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
        links.push({
          path: `M ${from.x} ${from.y} Q ${midX} ${TOP - 2 * lift} ${to.x} ${to.y}`,
          labelX: midX,
          labelY: TOP - lift - 6,
          label: `${entry.ms} ms`,
          over,
        });
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
      const side = (a: { x: number; y: number }, b: { x: number; y: number }) =>
        a.x === b.x ? a.x + BOX_W / 2 : a.x < b.x ? a.x + BOX_W / 2 : a.x - BOX_W / 2;
      const x1 = side(from, to);
      const x2 = from.x === to.x ? to.x + BOX_W / 2 : side(to, from);
      const bend = from.x === to.x ? `C ${x1 + 40} ${from.y} ${x2 + 40} ${to.y}` : `L`;
      chains.push({ path: `M ${x1} ${from.y} ${bend} ${x2} ${to.y}`, title: `${g.name} reports to ${parent.name}${k === 0 ? '' : ' (failover)'}` });
    });
  }
  const width = Math.max(360, Math.min(perRow, topology.dataCenters.length) * (COLUMN + GAP));
  const height = rowTop + 20;
  // One band in a row of sites, with the links above it; else a band a row, each with the chains that start in it.
  const bands: DiagramBand[] = oneRow
    ? [{ y: 0, height, regions, boxes, links, chains }]
    : rowSpans.map(({ top, bottom }, k) => {
        const within = (y: number) => y >= top && y < bottom;
        const y = k === 0 ? 0 : top - 8;
        return {
          y,
          height: (k === rowSpans.length - 1 ? height : bottom + 8) - y,
          regions: regions.filter((r) => within(r.y)),
          boxes: boxes.filter((b) => within(b.y)),
          links: [],
          chains: chains.filter((c) => within(Number(c.path.split(' ')[2]))),
        };
      });
  return {
    width,
    height,
    regions,
    boxes,
    links,
    chains,
    moreBadges,
    grouped,
    linksInTable: !oneRow && topology.latency.length > 0,
    rows: perRow === PER_ROW,
    bands,
  };
}

/** A rectangle's label and sublabel as drawn, and the whole of both where either was cut. */
function drawn(label: FittedLabel, sublabel: FittedLabel): Pick<DiagramRect, 'label' | 'sublabel' | 'full' | 'labelRtl'> {
  const cut = label.full !== undefined || sublabel.full !== undefined;
  return {
    ...drawnLabel(label),
    sublabel: sublabel.label,
    ...(cut ? { full: `${label.full ?? label.label}: ${sublabel.full ?? sublabel.label}` } : {}),
  };
}
