/**
 * The kind contract: what a kind of topology gives the pipeline, the commands and the report. A kind
 * is a folder under src/kinds/ whose index.ts calls `defineKind`, and one entry in
 * src/kinds/registry.ts; everything else (the top-level keys that tell a topology from other YAML,
 * the result types, the wording of model issues, the commands' help) is derived from the declarations.
 */
import type { ValidateFunction } from 'ajv';
import type { ParseLimits } from '../io/yaml/parse.js';
import type { CompiledPolicy } from './policy.js';
import type { FileResultBase } from './results.js';
import type { Headline } from './headline.js';
import type { AnyRule, Problem, Severity } from './rule.js';
import type { ModelIssueRule } from './model.js';
import type { Settings } from './settings.js';
import type { FigureMap, Inventory } from './figures.js';

/** What the pipeline lends a kind: it places and counts findings; the kind only says what is wrong. */
export interface KindHost {
  readonly settings: Settings;
  readonly limits: ParseLimits;
  readonly policies: readonly CompiledPolicy[];
  /** Runs rules' checks on a context (with the common rules); a rule that throws becomes an internal-error finding. */
  runRules(rules: readonly AnyRule[], context: unknown): void;
  /** Reports a finding of rule `ruleId` at the report's node, with `message` or the rule's template. */
  report(ruleId: string, problem: Problem, message?: string): void;
  severityOf(ruleId: string): Severity | undefined;
}

/** The file's entry of the JSON output beyond `file`, `kind`, `findings` and `suppressed`: the kind's figures. */
export type FiguresOf<F> = Omit<F, keyof FileResultBase | 'kind'>;

/**
 * What a kind's lint gives back: its figures for the file's result (in the order JSON output gives
 * them), and its models and analyses for the commands beyond validate (absent when it did not
 * analyse the file: a model that failed its own schema checks).
 */
export interface KindRun<M = object, F = unknown> {
  readonly figures: FiguresOf<F>;
  readonly models?: M;
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
  /**
   * What is out of service now, with nothing down, in words ("20,000 users of 2 pools without
   * service now (a, b)"), where the design's own state leaves something so: the summary leads with it,
   * whatever the severity of the findings that say why.
   */
  readonly outage?: string;
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

/** What `plan` was asked. */
export interface PlanRequest {
  readonly file: string;
  /** The tolerable failures each pool should reach. */
  readonly targetFailures: number;
  readonly settings: Settings;
  readonly format: 'stylish' | 'json';
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

/** The wording of the model issues a kind's normalisation reports, by common rule, then message id. */
export type IssueMessages = Partial<Record<ModelIssueRule, Readonly<Record<string, string>>>>;

/**
 * A kind of topology. `K` is its id (so the registry's ids are known to the type checker), `M` the
 * models and analyses it hands the commands (merged into the lint outcome under its own keys), `F`
 * its variant of the file's result.
 */
export interface KindPlugin<K extends string = string, M extends object = object, F = unknown> {
  /** The value of `kind` in a file. */
  readonly id: K;
  /** What a file of this kind describes, in a few words ("SCOM management group"), for help and messages. */
  readonly title: string;
  /** The kind a file without `kind` is read as (exactly one kind is). */
  readonly default?: boolean;
  /**
   * Its top-level keys but `version` and `name`: a file with none of any kind's is another tool's
   * YAML (the walk skips it, the schema finding says so). Its schema.json must list the same.
   */
  readonly topLevelKeys: readonly string[];
  /**
   * Whether a document without `kind` that fails the schema is plainly this kind's (its own keys):
   * the finding then says which `kind` to add. Not needed for the default kind.
   */
  meantBy?(document: Readonly<Record<string, unknown>>): boolean;
  /**
   * Its schema's validator (ajv's, compiled from its schema), for a kind whose schema.json is not
   * composed into schemas/topology.schema.json at build time (a kind outside src/kinds/).
   */
  readonly validator?: ValidateFunction;
  /** The wording of its model issues, added to the common rules' messages. */
  readonly issueMessages?: IssueMessages;
  /** The kind's own rules (beside the common ones). */
  readonly rules: readonly AnyRule[];
  /**
   * The folder of its rules' examples for the docs (`<rule-id>.fires.yaml` and `.quiet.yaml`),
   * absolute; test/fixtures/rules/ when not given.
   */
  readonly examplesDir?: string;
  /** Lints a document that passed the schema. */
  lint(document: unknown, host: KindHost): Promise<KindRun<M, F>>;
  /**
   * The kind's section of the report: a partial (its folder's report.hbs, precompiled at build time
   * as `kind-<folder>`, or for a kind outside the build its `templateSpec`, as handlebars'
   * precompile gives it), the contents entries, and its view model.
   */
  readonly report?: {
    readonly partial: string;
    readonly templateSpec?: object;
    readonly toc: readonly { readonly anchor: string; readonly title: string }[];
    /** Loads its module only when a report is drawn (validate never pays for it). */
    view(outcome: Partial<M> & { readonly result: F }, settings: Settings): Promise<KindReport>;
  };
  /** The lines `stylish` prints under a file of this kind (a label, then its figures), from its result. */
  summary?(result: F): readonly { readonly label: string; readonly text: string }[];
  /** What `pooltopo diff` compares for this kind (without it, diff compares findings only). */
  readonly diff?: {
    /** A pool's named figures, each with how a change is judged (with its version's `context`). */
    pool?(pool: PoolOf<F>, context: unknown): FigureMap;
    /** The kind's own figures beside its pools, under `key` in diff's output (SCOM's `managementGroup`). */
    readonly group?: { readonly key: string; of(result: F, context: unknown): FigureMap | undefined };
    /** What one version's figures are judged with beyond its result (SCOM: the servers the operational database is on). */
    context?(models: Partial<M>): unknown;
    /** The names a design holds, by what they are ("management servers"), for "added" and "removed". */
    inventory(models: Partial<M>): Inventory;
  };
  /** What its commands do for this kind, a paragraph each for their --help (wrapped at 100 columns). */
  readonly help?: { readonly simulate?: string; readonly plan?: string };
  /** `simulate` for this kind: its output text and exit code (throws PooltopoError for bad requests). */
  simulate?(models: Partial<M>, request: SimulateRequest): Promise<{ readonly text: string; readonly exitCode: number }>;
  /** `plan` for this kind: its output text and exit code (1 when the design falls short). */
  plan?(models: Partial<M>, request: PlanRequest): Promise<{ readonly text: string; readonly exitCode: number }>;
  /** `import` for this kind: its topology file from the live system's own files. */
  readonly importer?: KindImporter;
}

/** The figures of one of a result's pools. */
export type PoolOf<F> = F extends { readonly pools: readonly (infer P)[] } ? P : never;

/** Any kind, whatever its models and result (for the registry and the shells). */
export type AnyKind = KindPlugin<string, any, any>;

/**
 * Declares a kind: checks what the type checker cannot (an id in kebab case, rule ids unique within
 * it, a kind that is not the default says how to recognise it) and returns it as given.
 */
export function defineKind<K extends string, M extends object, F>(kind: KindPlugin<K, M, F>): KindPlugin<K, M, F> {
  if (!/^[a-z][a-z0-9-]*$/.test(kind.id)) throw new Error(`kind id "${kind.id}" is not kebab case`);
  const ids = new Set<string>();
  for (const rule of kind.rules) {
    if (ids.has(rule.meta.id)) throw new Error(`kind "${kind.id}" lists rule "${rule.meta.id}" twice`);
    ids.add(rule.meta.id);
  }
  if (kind.report?.view === undefined && kind.report !== undefined) throw new Error(`kind "${kind.id}": a report needs its view`);
  return kind;
}
