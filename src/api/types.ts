/**
 * `pooltopo/types`: the names of the types inside what the API hands out and takes (a finding's
 * severity, a rule's metadata, the summary, the limits, the policies), for code that must spell
 * them. Types only: importing it loads nothing.
 */
export type { Rule, RuleMeta, Problem, Severity, Category } from '../core/rule.js';
export type { RuleContext } from '../kinds/scom/rules/context.js';
export type { KindPlugin, KindHost, KindRun, KindReport } from '../core/kind.js';
export type { RuleDescriptor, SourceRef } from '../rules/descriptors.js';
export type { RuleSetting } from './lint.js';
export type { Settings } from '../core/settings.js';
export type { LoadConfigOptions } from '../config/load.js';
export type { ParseLimits } from '../io/yaml/parse.js';
export type { FileIdentity, ReadLimits } from '../io/files/read.js';
export type { CompiledPolicy, PolicyDefinition } from '../core/policy.js';
export type { Summary, SuppressedFinding, FileResultBase, KindFileResult, UnknownKindFileResult, TopologyKind, KindPoolResult } from '../kinds/results.js';
export type { KindModels } from '../kinds/registry.js';
export type { ModelIssue, ModelIssueRule } from '../core/model.js';
