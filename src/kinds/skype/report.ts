/** The report's section for a Skype file: a diagram of the pools and their pairing, and the Front End figures. */
import { groupThousands, plural } from '../../rules/types.js';
import type { Finding } from '../../results.js';
import type { SkypeAnalysis } from './analysis.js';
import type { SkypeModel } from './model.js';
import type { KindReport } from '../types.js';
import { weakestPoolHeadline } from '../../report/headline.js';
import { flaggedPaths } from '../../report/flagged.js';
import { drawnLabel, fitFirst, fitText, textWidth } from '../../report/fit-text.js';
import { maxOf } from '../../util/extremes.js';

export interface SkypeView {
  readonly width: number;
  readonly height: number;
  readonly description: string;
  readonly pools: readonly {
    readonly x: number; readonly y: number; readonly width: number; readonly height: number;
    readonly name: string; readonly sublabel: string; readonly cms: boolean; readonly state: string; readonly active: boolean;
    /** The pool's name as drawn (cut with "…" where wider than the box), and the whole name then. */
    readonly label: string; readonly full?: string; readonly labelRtl?: true;
    readonly frontEnds: readonly { readonly x: number; readonly y: number; readonly width: number; readonly cx: number; readonly name: string; readonly label: string; readonly full?: string; readonly labelRtl?: true; readonly first: boolean }[];
  }[];
  readonly links: readonly { readonly path: string; readonly labelX: number; readonly labelY: number; readonly label: string; readonly automated: boolean }[];
  readonly rows: readonly { readonly name: string; readonly cells: readonly string[] }[];
  /** Each pool's build and sizing: what a pair must match, and its users after failover against its sizing. */
  readonly sizing: readonly SkypeSizingRow[];
}

export interface SkypeSizingRow {
  readonly name: string;
  readonly edition: string;
  readonly platform: string;
  readonly operatingSystem: string;
  readonly users: string;
  readonly maxUsers: string;
  readonly afterFailover: string;
  /** skype/pair-capacity found the pool over its sizing (as configured: nothing when the rule is off). */
  readonly over: boolean;
  readonly backupService: string;
}

export function skypeView(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[] = []): SkypeView {
  const W = 380;
  const GAP = 120;
  // Front-end boxes: four a row as wide as short names need, wider (and fewer a row) for longer
  // names, up to two a row; a name wider still is cut.
  const FE_MIN = 56;
  const FE_MAX = 164;
  const FE_GAP = 12;
  const FE_PAD = 6;
  const FE_PX = 10;
  const longest = maxOf(model.pools.flatMap((p) => p.frontEnds.map((n) => textWidth(n, FE_PX))), 0);
  const feWidth = Math.min(FE_MAX, Math.max(FE_MIN, Math.ceil(longest) + 2 * FE_PAD));
  const perRow = feWidth === FE_MIN ? 4 : Math.max(1, Math.floor((W - 28 + FE_GAP) / (feWidth + FE_GAP)));
  const maxFe = maxOf(model.pools.map((p) => p.frontEnds.length));
  const rowsOfFe = Math.ceil(maxFe / perRow);
  const height = 110 + rowsOfFe * 34 + 30;
  const boxes = model.pools.map((p, i) => {
    const x = 20 + i * (W + GAP);
    const fig = analysis.pools[i]!;
    const label = fitText(p.name, W - 28, 15, true);
    // Edition and platform give way first when the line is too long (the tooltip keeps them).
    const facts = `${groupThousands(p.users)} users${p.centralManagementStore ? ' · hosts the CMS' : ''} · PoolState ${p.poolState}`;
    const sublabel = fitFirst([`${p.edition ?? 'edition not given'}, ${p.platform ?? 'platform not given'}, ${facts}`, facts], W - 28, 11);
    const cut = label.full !== undefined || sublabel.full !== undefined;
    return {
      x, y: 40, width: W, height: height - 60,
      name: p.name, ...drawnLabel(label),
      ...(cut ? { full: `${p.name}: ${sublabel.full ?? sublabel.label}` } : {}),
      sublabel: sublabel.label,
      cms: p.centralManagementStore,
      state: p.poolState,
      active: p.poolState === 'Active',
      frontEnds: p.frontEnds.map((name, j) => {
        const fe = fitText(name, feWidth - 2 * FE_PAD, FE_PX);
        const feX = x + 14 + (j % perRow) * (feWidth + FE_GAP);
        return { x: feX, y: 96 + Math.floor(j / perRow) * 34, width: feWidth, cx: feX + feWidth / 2, name, ...drawnLabel(fe), first: j < fig.quorumFrom };
      }),
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
      String(f.tolerableFailures), f.pairedWith ?? 'not paired', f.poolState,
    ],
  }));
  const description = `${plural(model.pools.length, 'Front End pool')}: ${analysis.pools.map((f) => `${f.name} with ${plural(f.frontEnds, 'front end')}${f.pairedWith ? `, paired with ${f.pairedWith}` : ''}`).join('; ')}.`;
  return { width: Math.max(360, 20 + model.pools.length * (W + GAP)), height, description, pools: boxes, links, rows, sizing: sizingRows(model, analysis, findings) };
}

/** The pools' build and sizing rows; the after-failover cell is marked where skype/pair-capacity has a finding. */
function sizingRows(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[]): SkypeSizingRow[] {
  const flagged = flaggedPaths(findings, 'skype/pair-capacity');
  return model.pools.map((p, i) => {
    const { usersAfterFailover: after, pairedWith } = analysis.pools[i]!;
    const over = flagged.has(`${p.path}/maxUsers`);
    const verdict = p.maxUsers === undefined ? 'no sizing given'
      : after > p.maxUsers ? `over its sizing by ${groupThousands(after - p.maxUsers)}`
        : `fits (${groupThousands(p.maxUsers - after)} to spare)`;
    const backup = p.backupService;
    return {
      name: p.name,
      edition: p.edition ?? 'not given',
      platform: p.platform ?? 'not given',
      operatingSystem: p.operatingSystem ?? 'not given',
      users: groupThousands(p.users),
      maxUsers: p.maxUsers === undefined ? 'not given' : groupThousands(p.maxUsers),
      // Unpaired, no partner's users come over: the pool's own users, said to be so.
      afterFailover: `${groupThousands(after)}${pairedWith === null ? ' (not paired: its own users)' : ''}: ${verdict}`,
      over,
      backupService: backup === undefined ? 'not given' : `${backup.exportStatus ?? 'not given'} / ${backup.importStatus ?? 'not given'}`,
    };
  });
}


/** Skype's part of the report: name, facts, the weakest pool's tolerable front-end failures, and its section. */
export function skypeReport(model: SkypeModel, analysis: SkypeAnalysis, findings: readonly Finding[] = []): KindReport {
  const headline = weakestPoolHeadline(analysis.pools, 'front-end');
  return {
    name: model.name,
    review: 'pool topology review',
    facts: [
      { label: 'Deployment', value: model.name },
      { label: 'Skype for Business Server', value: model.productVersion },
      { label: 'Front End pools', value: groupThousands(model.pools.length) },
      { label: 'Pairs', value: groupThousands(model.pairs.length) },
    ],
    ...(headline ? { headline } : {}),
    section: skypeView(model, analysis, findings),
  };
}
