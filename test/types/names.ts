/** Every type the API hands out can be named from the package's entries (no reaching into dist/). */
import type { Config, LintOptions, LintOutcome, ValidateOptions } from 'pooltopo';
import type { DataCenterLoss, PoolAnalysis, PoolResult, ScomFileResult, Topology, TopologyAnalysis } from 'pooltopo/kinds/scom';
import type { SkypeAnalysis, SkypeModel, SkypePoolFigures } from 'pooltopo/kinds/skype';
import type { Failover, OpconAnalysis, OpconModel } from 'pooltopo/kinds/opcon';
import type { CompiledPolicy, FileIdentity, FileResultBase, KindModels, ParseLimits, ReadLimits, Rule, RuleContext, SuppressedFinding } from 'pooltopo/types';
import { expectType, type Equal } from './expect.js';

expectType<Equal<LintOutcome['topology'], Topology | undefined>>();
expectType<Equal<LintOutcome['analysis'], TopologyAnalysis | undefined>>();
expectType<Equal<NonNullable<LintOutcome['skype']>, { readonly model: SkypeModel; readonly analysis: SkypeAnalysis }>>();
expectType<Equal<NonNullable<LintOutcome['opcon']>, { readonly model: OpconModel; readonly analysis: OpconAnalysis }>>();
expectType<Equal<Omit<LintOutcome, 'result' | 'stage'>, Omit<KindModels, never>>>();
expectType<Equal<LintOutcome['stage'], 'read' | 'schema' | 'analysed'>>();
expectType<Equal<TopologyAnalysis['pools'][number], PoolAnalysis>>();
expectType<Equal<PoolResult['dataCenterLoss'][number], DataCenterLoss>>();
expectType<Equal<ScomFileResult['suppressed'], FileResultBase['suppressed']>>();
expectType<Equal<NonNullable<FileResultBase['suppressed']>[number], SuppressedFinding>>();
expectType<Equal<NonNullable<LintOptions['policies']>[number], CompiledPolicy>>();
expectType<Equal<NonNullable<LintOptions['limits']>, Partial<ParseLimits>>>();
expectType<Equal<NonNullable<ValidateOptions['read']>, Partial<ReadLimits>>>();
expectType<Equal<Parameters<NonNullable<ValidateOptions['onRead']>>[1], FileIdentity>>();
expectType<Equal<Config['limits'], Partial<ParseLimits & ReadLimits>>>();
expectType<Equal<Parameters<NonNullable<Rule<RuleContext>['check']>>[0], RuleContext>>();
export type Figures = SkypePoolFigures | Failover;
