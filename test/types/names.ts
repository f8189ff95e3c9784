/** Every type the API hands out can be named from the package (no reaching into dist/). */
import type {
  CompiledPolicy, Config, DataCenterLoss, Failover, KindModels, LintOptions, LintOutcome, OpconAnalysis, OpconModel, ParseLimits,
  PoolAnalysis, PoolResult, ReadLimits, Rule, RuleContext, ScomFileResult, SkypeAnalysis, SkypeModel, SkypePoolFigures,
  SuppressedFinding, Topology, TopologyAnalysis, ValidateOptions, FileResultBase,
} from 'pooltopo';
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
expectType<Equal<Config['limits'], Partial<ParseLimits & ReadLimits>>>();
expectType<Equal<Parameters<NonNullable<Rule<RuleContext>['check']>>[0], RuleContext>>();
export type Figures = SkypePoolFigures | Failover;
