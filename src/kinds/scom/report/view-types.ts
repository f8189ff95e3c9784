/** The view model of SCOM's report section: what the template reads. */

import type { Diagram } from './diagram-types.js';

export interface ScomReportView {
  readonly diagram: Diagram & {
    readonly maxBoxes: number;
    readonly description: string;
    readonly legend: readonly { readonly number: number; readonly name: string; readonly colour: number }[];
  };
  /** Every measured round trip, with the limit it is held to. */
  readonly roundTrips: readonly { readonly between: string; readonly ms: string; readonly limit: string; readonly over: boolean }[];
  /** Some round trip is over its limit (the diagram's caption explains the mark then). */
  readonly anyOver: boolean;
  /** Every management server and gateway, whole: the diagram draws a data centre's servers one by one only up to MAX_BOXES_PER_REGION. */
  readonly servers: readonly ServerView[];
  /** Each gateway: where it is, the management servers it reports to, and the pools it votes in. */
  readonly gateways: readonly GatewayView[];
  /** The management group's workload against its supported limits (the figures capacity-exceeded and capacity-after-failover read). */
  readonly groupCapacity: readonly { readonly item: string; readonly total: string; readonly limit: string; readonly verdict: string; readonly ok: boolean }[];
  readonly pools: readonly PoolView[];
  /** Every single data centre and every single server down: which pools keep working. */
  readonly whatIf: {
    readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
    readonly rows: readonly {
      readonly label: string;
      readonly kind: string;
      readonly cells: readonly { readonly runs: boolean; readonly cut?: true; readonly text: string; readonly title: string }[];
      readonly allRun: boolean;
    }[];
    /** The rows that leave more agents unmonitored than nothing down, or a server newly over its agent limit: what simulate says of them. */
    readonly agents: readonly { readonly label: string; readonly kind: string; readonly notes: readonly string[] }[];
    readonly omitted: number;
    /**
     * Past WHAT_IF_COLUMNS pools, one block per pool instead of a column each (a column per pool
     * needed a sideways scroll at a desktop's width): the rows grouped by the pool's outcome, those
     * it does not work in first.
     */
    readonly blocks?: readonly {
      readonly number: number;
      readonly colour: number;
      readonly name: string;
      readonly anchor: string;
      readonly outcomes: readonly {
        readonly text: string;
        readonly runs: boolean;
        readonly cut?: true;
        readonly title: string;
        readonly downs: readonly { readonly kind: string; readonly names: readonly string[] }[];
      }[];
    }[];
  };
}

export interface ServerView {
  readonly name: string;
  readonly role: string;
  readonly dataCenter: string;
  readonly agents: string;
  readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
  readonly availability: string;
}

export interface GatewayView {
  readonly name: string;
  readonly dataCenter: string;
  readonly agents: string;
  readonly primary: string;
  readonly failover: string;
  /** `primary` and `failover` in pieces ending at a DNS name's dots, where a printed page may break them (<wbr>). */
  readonly primaryParts: readonly string[];
  readonly failoverParts: readonly string[];
  /** gateway-without-failover found this gateway (as configured: nothing when the rule is off). */
  readonly noFailover: boolean;
  readonly pools: readonly { readonly number: number; readonly colour: number; readonly name: string }[];
}

export interface PoolView {
  readonly number: number;
  readonly anchor: string;
  readonly name: string;
  readonly implied: boolean;
  readonly colour: number;
  readonly members: string;
  readonly observers: string;
  readonly defaultObserver: string;
  /** `bad` marks a figure past its limit (a round trip over the pool's latency limit). */
  readonly figures: readonly { readonly label: string; readonly value: string; readonly bad?: true }[];
  readonly bars: readonly { readonly label: string; readonly value: number; readonly width: number; readonly y: number; readonly current: boolean }[];
  readonly barsMax: number;
  readonly dataCenterLoss: readonly { readonly dataCenter: string; readonly outcome: string; readonly votes: string; readonly survives: boolean }[];
  readonly capacity: readonly {
    readonly item: string;
    readonly total: string;
    readonly limit: string;
    readonly before: string;
    readonly after: string;
    readonly beforeOk: boolean;
    readonly afterOk: boolean;
    readonly headroomOver: boolean;
    readonly headroom: string;
    readonly ok: boolean;
  }[];
  readonly availability?: { readonly probability: string; readonly nines: string; readonly assumption: string };
  readonly findings: number;
}
