/** The topology diagram's geometry as data: regions, boxes, links, bands; the report template draws it. */

/** A labelled rectangle: a data centre's region or a server's box. */
export interface DiagramRect {
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
  /** The name in the lines it is drawn in (wrapped, never cut), each with its offset from the box's top. */
  readonly lines: readonly { readonly text: string; readonly dy: number }[];
  /** The sublabel's offset from the box's top, below the name's last line. */
  readonly sublabelDy: number;
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

export interface DiagramBand {
  readonly y: number;
  readonly height: number;
  readonly regions: readonly DiagramRegion[];
  readonly boxes: readonly DiagramBox[];
  readonly links: readonly DiagramLink[];
  readonly chains: readonly { readonly path: string; readonly title: string }[];
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
  /** Some data centre has more servers than MAX_BOXES_PER_REGION: a box per role gives their count. */
  readonly grouped: boolean;
  /** The sites take several rows: their round trips are in the table only, not drawn. */
  readonly linksInTable: boolean;
  /** The sites go two a row (more than three of them): drawn as wide as a printed page. */
  readonly rows: boolean;
  /**
   * The drawing in horizontal bands, each drawn as an SVG of its own: one for a row of sites, or
   * one a row of sites when they go two a row, so that a printed page may break between rows (one
   * SVG taller than a page was moved whole to the next page and left its heading alone).
   */
  readonly bands: readonly DiagramBand[];
}

/** How many colours pools' badges take turns in (styles.hbs's .c0 to .c7). */
