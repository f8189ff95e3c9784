/** The rule index: every rule, by id. Adding a rule touches its file, its fixtures and this list. */
import type { Rule } from './types.js';
import yamlSyntax from './scom/yaml-syntax.js';
import schema from './scom/schema.js';
import unknownReference from './scom/unknown-reference.js';
import duplicateName from './scom/duplicate-name.js';
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

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  unknownReference,
  duplicateName,
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
  suppressionWithoutReason,
  unusedSuppression,
  internalError,
];

const BY_ID = new Map(RULES.map((r) => [r.meta.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
