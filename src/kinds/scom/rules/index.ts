/** The rules of `kind: scom`, one file each beside this list. */
import noHighAvailability from './no-high-availability.js';
import singleManagementServer from './single-management-server.js';
import defaultObserverOnGatewayPool from './default-observer-on-gateway-pool.js';
import defaultObserverDisabled from './default-observer-disabled.js';
import defaultObserverNoBenefit from './default-observer-no-benefit.js';
import defaultObserverDatabaseLoad from './default-observer-database-load.js';
import latencyOver10ms from './latency-over-10ms.js';
import poolSpansDataCenters from './pool-spans-data-centers.js';
import poolInCloud from './pool-in-cloud.js';
import dataCenterLoss from './data-center-loss.js';
import databaseLatencyOver5ms from './database-latency-over-5ms.js';
import poolManagerSettingsMismatch from './pool-manager-settings-mismatch.js';
import poolManagerSettingsOutOfRange from './pool-manager-settings-out-of-range.js';
import databaseOnManagementServer from './database-on-management-server.js';
import networkPoolNotDedicated from './network-pool-not-dedicated.js';
import unixLinuxRootCertificates from './unix-linux-root-certificates.js';
import automaticMembershipMismatch from './automatic-membership-mismatch.js';
import automaticMembershipNotAllowed from './automatic-membership-not-allowed.js';
import observerOnlyMembers from './observer-only-members.js';
import gatewayWithoutFailover from './gateway-without-failover.js';
import capacityExceeded from './capacity-exceeded.js';
import capacityAfterFailover from './capacity-after-failover.js';
import mixedPool from './mixed-pool.js';
import poolWithoutMembers from './pool-without-members.js';
import singlePointOfFailure from './single-point-of-failure.js';
import databaseClusterWithoutWitness from './database-cluster-without-witness.js';
import networkPoolTooSmall from './network-pool-too-small.js';
import poolNameNearDefault from './pool-name-near-default.js';
import type { AnyRule } from '../../../core/rule.js';
import { mergingDefaultPools } from './default-pools.js';

export const SCOM_RULES: readonly AnyRule[] = (
  [
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
    mixedPool,
    poolWithoutMembers,
    singlePointOfFailure,
    databaseClusterWithoutWitness,
    networkPoolTooSmall,
    poolNameNearDefault,
  ] as AnyRule[]
).map(mergingDefaultPools);
