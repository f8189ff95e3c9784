/** What a kind of topology is to the pipeline: its rules, and how it lints a schema-valid document. */
import type { TopologyAnalysis } from './scom/analysis/index.js';
import type { ParseLimits } from '../io/yaml/parse.js';
import type { Topology } from './scom/model/types.js';
import type { CompiledPolicy } from '../policies/types.js';
import type { FileResult, KindPoolResult, ManagementGroupResult } from '../results.js';
import type { Headline } from '../report/headline.js';
import type { AnyRule, Report, Severity } from '../rules/types.js';
import type { Settings } from '../settings.js';
import type { Failover, OpconAnalysis } from './opcon/analysis.js';
import type { OpconModel } from './opcon/model.js';
import type { SkypeAnalysis } from './skype/analysis.js';
import type { SkypeModel } from './skype/model.js';

/** What the pipeline lends a kind: it places and counts findings; the kind only says what is wrong. */
export interface KindHost {
  readonly settings: Settings;
  readonly limits: ParseLimits;
  readonly policies: readonly CompiledPolicy[];
  /** Runs rules' checks on a context; a rule that throws becomes an internal-error finding. */
  runRules(rules: readonly AnyRule[], context: unknown): void;
  /** Reports a finding of rule `ruleId` at the report's node, with `message` or the rule's template. */
  report(ruleId: string, report: Report, message?: string): void;
  severityOf(ruleId: string): Severity | undefined;
}

/**
 * The models and analyses a kind hands to the commands beyond validate, under its own key; a kind
 * only adds them when it analysed the file. A new kind adds its key here: no index signature, so a
 * misspelt key is a compile error rather than `unknown`.
 */
export interface KindModels {
  /** SCOM (`kind: scom`): the normalised topology. */
  readonly topology?: Topology;
  /** SCOM: each pool's analyses (quorum, data-centre loss, latency, capacity, lease, availability), the database's latency and the group's capacity. */
  readonly analysis?: TopologyAnalysis;
  /** OpCon (`kind: opcon-failover`): the machines and the failover analysis. */
  readonly opcon?: { readonly model: OpconModel; readonly analysis: OpconAnalysis };
  /** Skype for Business (`kind: skype-pool-pair`): the pools, their pairing and their figures. */
  readonly skype?: { readonly model: SkypeModel; readonly analysis: SkypeAnalysis };
}

export interface KindRun {
  /** The kind's pool figures for the results (CLI.md). */
  readonly pools: readonly KindPoolResult[];
  readonly failover?: Failover;
  /** SCOM: the management group's figures (CLI.md). */
  readonly managementGroup?: ManagementGroupResult;
  readonly models: KindModels;
}

/** A kind's part of the report: what it is called, its key facts and figure, and its section's view model. */
export interface KindReport {
  /** The system's name (the management group, deployment or installation). */
  readonly name: string;
  /** What the report is: "pool topology review", "failover review". */
  readonly review: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  /** The one figure that matters most. */
  readonly headline?: Headline;
  readonly section: unknown;
  /** One sentence on the model behind the figures, for the page's footer. */
  readonly modelNote?: string;
}

/** What `simulate` was asked. */
export interface SimulateRequest {
  readonly file: string;
  readonly downs: readonly string[];
  readonly partitions: readonly string[];
  readonly events: readonly string[];
  readonly format: 'stylish' | 'json';
  /** Colour in stylish output. */
  readonly color: boolean;
}

/** What `pooltopo import SOURCE FILE...` was asked. */
export interface ImportRequest {
  /** The files after the source's name, as given (an importer may take `NAME=PATH`). */
  readonly files: readonly string[];
  /** The parsed options of the importer's own (`KindImporter.options`). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly cwd: string;
}

/** A topology file written from a live system's export, and the files it read (which -o must not replace). */
export interface ImportResult {
  readonly text: string;
  readonly read: readonly string[];
}

/** `pooltopo import SOURCE`: how a kind writes its topology file from what the live system exports. */
export interface KindImporter {
  /** The word after `import` (`opcon`). */
  readonly source: string;
  /** Its lines of `pooltopo import --help`: usage, what it reads, its options. */
  readonly help: string;
  /** Its options beyond -o and --help, as node:util parseArgs takes them. */
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean }>>;
  /** Reads the files (throws PooltopoError, with file and line where it applies, for bad input). */
  run(request: ImportRequest): Promise<ImportResult>;
}

/** A kind of topology; `K` is its id, so that the registry's ids are known to the type checker. */
export interface KindPlugin<K extends string = string> {
  /** The value of `kind` in a file. */
  readonly id: K;
  /** The kind's own rules (beside the common ones). */
  readonly rules: readonly AnyRule[];
  /** Lints a document that passed the schema. */
  lint(document: unknown, host: KindHost): Promise<KindRun>;
  /**
   * The kind's section of the report: the partial in its folder (report.hbs, registered as
   * `kind-<folder>`), the contents entries, and its view model built from the same analyses.
   */
  readonly report?: {
    readonly partial: string;
    readonly toc: readonly { readonly anchor: string; readonly title: string }[];
    /** Loads its module only when a report is drawn (validate never pays for it). */
    view(outcome: KindModels & { readonly result: FileResult }, settings: Settings): Promise<KindReport>;
  };
  /** The lines `stylish` prints under a file of this kind (a label, then its figures), from its results. */
  summary?(result: FileResult): readonly { readonly label: string; readonly text: string }[];
  /** `simulate` for this kind: its output text and exit code (throws PooltopoError for bad requests). */
  simulate?(models: KindModels, request: SimulateRequest): Promise<{ readonly text: string; readonly exitCode: number }>;
  /** `import` for this kind: its topology file from the live system's own files. */
  readonly importer?: KindImporter;
}
