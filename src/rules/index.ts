/** The rule index: every rule, by id. Adding a rule touches its file, its fixtures and this list. */
import type { AnyRule } from './types.js';
import { OPCON_RULES } from '../kinds/opcon/index.js';
import { SKYPE_RULES } from '../kinds/skype/index.js';
import yamlSyntax from './common/yaml-syntax.js';
import schema from './common/schema.js';
import unknownReference from './common/unknown-reference.js';
import duplicateName from './common/duplicate-name.js';
import noHighAvailability from './scom/no-high-availability.js';
import singleManagementServer from './scom/single-management-server.js';
import defaultObserverOnGatewayPool from './scom/default-observer-on-gateway-pool.js';
import defaultObserverDisabled from './scom/default-observer-disabled.js';
import defaultObserverNoBenefit from './scom/default-observer-no-benefit.js';
import defaultObserverDatabaseLoad from './scom/default-observer-database-load.js';
import latencyOver10ms from './scom/latency-over-10ms.js';
import poolSpansDataCenters from './scom/pool-spans-data-centers.js';
import poolInCloud from './scom/pool-in-cloud.js';
import dataCenterLoss from './scom/data-center-loss.js';
import databaseLatencyOver5ms from './scom/database-latency-over-5ms.js';
import poolManagerSettingsMismatch from './scom/pool-manager-settings-mismatch.js';
import poolManagerSettingsOutOfRange from './scom/pool-manager-settings-out-of-range.js';
import databaseOnManagementServer from './scom/database-on-management-server.js';
import networkPoolNotDedicated from './scom/network-pool-not-dedicated.js';
import unixLinuxRootCertificates from './scom/unix-linux-root-certificates.js';
import automaticMembershipMismatch from './scom/automatic-membership-mismatch.js';
import automaticMembershipNotAllowed from './scom/automatic-membership-not-allowed.js';
import observerOnlyMembers from './scom/observer-only-members.js';
import gatewayWithoutFailover from './scom/gateway-without-failover.js';
import capacityExceeded from './scom/capacity-exceeded.js';
import capacityAfterFailover from './scom/capacity-after-failover.js';
import suppressionWithoutReason from './common/suppression-without-reason.js';
import unusedSuppression from './common/unused-suppression.js';
import internalError from './common/internal-error.js';

/** Rules of every kind: reading, references, suppressions, internal errors. */
export const COMMON_RULES: readonly AnyRule[] = [yamlSyntax, schema, unknownReference, duplicateName];

/** Rules of `kind: scom`. */
export const SCOM_RULES: readonly AnyRule[] = [
  noHighAvailability,
  singleManagementServer,
  defaultObserverOnGatewayPool,
  defaultObserverDisabled,
  defaultObserverNoBenefit,
  defaultObserverDatabaseLoad,
  latencyOver10ms,
  poolSpansDataCenters,
  poolInCloud,
  dataCenterLoss,
  databaseLatencyOver5ms,
  poolManagerSettingsMismatch,
  poolManagerSettingsOutOfRange,
  databaseOnManagementServer,
  networkPoolNotDedicated,
  unixLinuxRootCertificates,
  automaticMembershipMismatch,
  automaticMembershipNotAllowed,
  observerOnlyMembers,
  gatewayWithoutFailover,
  capacityExceeded,
  capacityAfterFailover,
];

const PIPELINE_RULES: readonly AnyRule[] = [suppressionWithoutReason, unusedSuppression, internalError];

/** Every rule, of every kind, for the rule list, the docs and SARIF. */
export const RULES: readonly AnyRule[] = [...COMMON_RULES, ...SCOM_RULES, ...SKYPE_RULES, ...OPCON_RULES, ...PIPELINE_RULES];

/** The rules whose check runs on a file of a kind. */
export function rulesOfKind(kind: string): readonly AnyRule[] {
  return [...COMMON_RULES, ...(kind === 'opcon-failover' ? OPCON_RULES : kind === 'skype-pool-pair' ? SKYPE_RULES : SCOM_RULES)];
}

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): AnyRule | undefined {
  return BY_ID.get(id);
}
