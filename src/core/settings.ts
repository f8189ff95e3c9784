/**
 * Thresholds that DOMAIN.md gives as recommendations, which a user may tighten or relax. Defaults
 * come from the facts table; nothing here is a number of its own.
 */
import { CAPACITY_LIMITS, DEFAULT_SCOM_VERSION, POOL } from '../domain/facts.js';

/**
 * The thresholds rules compare against (a config's `settings`, the options' `settings`, where each
 * is optional: those left out keep the defaults given here, from the sources).
 */
export interface Settings {
  /** Round trip between two voters of one pool above which `latency-over-10ms` fires (ms; default 10). */
  readonly poolLatencyMs: number;
  /** Round trip between a management server and the operational database above which `database-latency-over-5ms` fires (ms; default 5). */
  readonly databaseLatencyMs: number;
  /** Management servers among a pool's voters from which `default-observer-database-load` fires (default 5). */
  readonly databaseObserverLoadMembers: number;
  /** Tolerable failures every pool should reach: `no-high-availability` fires below it, `plan` aims for it (default 1). */
  readonly targetTolerableFailures: number;
  /** Agent-managed plus UNIX/Linux computers the management group may have; default: the version's figure with 50 consoles open (6,000 for 2022, the default version). */
  readonly computersPerManagementGroup?: number;
}

export const DEFAULT_SETTINGS: Settings = {
  poolLatencyMs: POOL.poolLatencyMs.value,
  databaseLatencyMs: POOL.databaseLatencyMs.value,
  databaseObserverLoadMembers: POOL.databaseObserverLoadMembers.value,
  targetTolerableFailures: POOL.targetTolerableFailures.value,
};

/**
 * The most tolerable failures a config or `plan --target-failures` may ask for: a tool bound, not a
 * source's figure, which keeps plan's search small (schemas/config.schema.json's maximum; a test
 * checks that they agree).
 */
export const MAX_TARGET_TOLERABLE_FAILURES = 999;

/** The default computers-per-group figure of the default version, for documentation. */
export const DEFAULT_COMPUTERS_PER_GROUP = CAPACITY_LIMITS[DEFAULT_SCOM_VERSION].computersPerManagementGroup.value;
