/**
 * `pooltopo/types`: the names of the types inside what the API hands out and takes (a finding's
 * severity, a rule's metadata, the summary, the limits, the policies), for code that must spell
 * them. Types only: importing it loads nothing.
 */
export type { Rule, RuleMeta, RuleContext, Report, Severity, Category } from '../rules/types.js';
export type { RuleDescriptor, SourceRef } from '../rules/descriptors.js';
export type { RuleSetting } from '../lint.js';
export type { Settings } from '../settings.js';
export type { LoadConfigOptions } from '../config/load.js';
export type { ParseLimits } from '../io/yaml/parse.js';
export type { ReadLimits } from '../io/files/read.js';
export type { CompiledPolicy, PolicyDefinition } from '../policies/types.js';
export type {
  Summary, SuppressedFinding, FileResultBase, KindFileResult, UnknownKindFileResult, TopologyKind, KindPoolResult,
} from '../results.js';
export type { KindModels } from '../kinds/types.js';
export type { ModelIssue, ModelIssueRule } from '../kinds/scom/model/normalise.js';
