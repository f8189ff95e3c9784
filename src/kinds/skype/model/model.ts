/** Skype for Business Front End pools and their pairing (FORMAT.md `kind: skype-pool-pair`). */
import { pointer } from '../../../io/yaml/source-map.js';
import type { ModelIssue } from '../../../core/model.js';
import { nameKey } from '../../../core/model.js';

export type PoolState = 'Active' | 'FailingOver' | 'FailedOver' | 'FailingBack';
/** As a file may give it: the cmdlet reference also names FailedBack, which is read as Active. */
export type StatedPoolState = PoolState | 'FailedBack';

export interface SkypeDocument {
  version: 1;
  kind: 'skype-pool-pair';
  name: string;
  productVersion?: '2013' | '2015' | '2019';
  registrarSettingsCustomized?: boolean;
  pools: {
    name: string;
    site?: string;
    edition?: 'enterprise' | 'standard';
    platform?: 'physical' | 'virtual';
    operatingSystem?: string;
    users?: number;
    maxUsers?: number;
    frontEnds: string[];
    backEnd?: { mirrored?: boolean };
    centralManagementStore?: boolean;
    registrarConfiguration?: boolean;
    poolState?: StatedPoolState;
    backupService?: { exportStatus?: string; importStatus?: string; modules?: Record<string, { exportStatus?: string; importStatus?: string }> };
  }[];
  pairs?: ([string, string] | { pools: [string, string]; failover?: 'manual' | 'automated' })[];
}

export interface SkypePool {
  readonly name: string;
  /** Its site (data centre), where given: `simulate --down SITE` takes every pool of it down. */
  readonly site?: string;
  readonly edition?: 'enterprise' | 'standard';
  readonly platform?: 'physical' | 'virtual';
  readonly operatingSystem?: string;
  readonly users: number;
  readonly maxUsers?: number;
  readonly frontEnds: readonly string[];
  /** The back-end SQL Server is mirrored (`backEnd.mirrored`): a failover of the CMS to it names the mirror too. */
  readonly backEndMirrored: boolean;
  readonly centralManagementStore: boolean;
  readonly registrarConfiguration: boolean;
  readonly poolState: PoolState;
  /** The PoolState as the file gives it (FailedBack where it says so; poolState is then Active). */
  readonly statedPoolState: StatedPoolState;
  readonly backupService?: BackupServiceStatus;
  readonly path: string;
}

/**
 * The pool's edition as the checks read it: as given, else enterprise for a pool of more than one
 * front end (a standard-edition pool is one server, FORMAT.md), else not known.
 */
export function editionOf(pool: Pick<SkypePool, 'edition' | 'frontEnds'>): 'enterprise' | 'standard' | undefined {
  return pool.edition ?? (pool.frontEnds.length > 1 ? 'enterprise' : undefined);
}

/**
 * The base operating system that pairing compares (DOMAIN.md, SFB-DR): Standard and Datacenter of one
 * Windows Server release are the same base, so the edition words go, and the release is read
 * however it is spaced (`2012R2` is `2012 R2`) and with or without the `Microsoft` that a caption adds.
 */
export function baseOperatingSystem(os: string): string {
  const words = os
    .toLowerCase()
    .replace(/(\d)\s*(r\d)\b/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !OS_EDITION_WORDS.has(w));
  return words.join(' ');
}

/** Words that name an edition (or the vendor) rather than the release. */
const OS_EDITION_WORDS: ReadonlySet<string> = new Set(['microsoft', 'standard', 'datacenter', 'datacentre', 'edition']);

/**
 * Whether the pool has a pool-level registrar configuration (service:Registrar:POOL): as the file
 * says, or because its PoolState is not Active (FailedBack included), which lives on that
 * configuration and which only a failover sets: Invoke-CsPoolFailOver creates it where it does
 * not exist, with default settings (SFB-FO).
 */
export function hasRegistrarConfiguration(pool: Pick<SkypePool, 'registrarConfiguration' | 'statedPoolState'>): boolean {
  return pool.registrarConfiguration || pool.statedPoolState !== 'Active';
}

/**
 * Its users are on its backup pool, or on their way there, by a failover already started (FailedOver,
 * FailingOver): the partner carries them before anything goes down, so no scenario's failover moves them.
 */
export function movedToPartner(pool: { readonly poolState: string }): boolean {
  return pool.poolState === 'FailedOver' || pool.poolState === 'FailingOver';
}

/** It serves its partner's users now, besides its own: their failover has moved them to it, and it is Active. */
export function carriesPartnerNow<P extends { readonly poolState: string }>(pool: { readonly poolState: string }, partner: P | undefined): partner is P {
  return partner !== undefined && movedToPartner(partner) && pool.poolState === 'Active';
}

export interface ModuleStatus {
  readonly exportStatus?: string;
  readonly importStatus?: string;
}

/** What Get-CsBackupServiceStatus reports: the pool's status and, where given, each backup module's in the file's order. */
export interface BackupServiceStatus extends ModuleStatus {
  readonly modules: readonly { readonly module: string; readonly status: ModuleStatus }[];
}

/**
 * Whether the file says where the Central Management Store is: some pool declares it. Where none does,
 * any pool may host it (or a server the file leaves out), and what a failure does to it is unknown.
 */
export function storePlaced(model: Pick<SkypeModel, 'pools'>): boolean {
  return model.pools.some((p) => p.centralManagementStore);
}

/** The module that backs up the Central Management Store: not initialised on a pool without the CMS (BSS). */
export const CMS_MODULE = 'CentralMgmt.CMSMaster';

const same = (a: string | undefined, b: string): boolean => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * Whether one status lets the pool fail over without losing data (BSS, SFB-FO): export FinalState
 * (nothing left to back up) or SteadyState (no backlog), and import NormalState. The CMS module is
 * NotInitialized on a pool that does not host the Central Management Store, as it should be.
 */
export function statusReady(s: ModuleStatus, cmsModuleOfOtherPool = false): boolean {
  const notInitialised = (v: string | undefined) => cmsModuleOfOtherPool && same(v, 'NotInitialized');
  const exportReady = same(s.exportStatus, 'FinalState') || same(s.exportStatus, 'SteadyState') || notInitialised(s.exportStatus);
  const importReady = same(s.importStatus, 'NormalState') || notInitialised(s.importStatus);
  return exportReady && importReady;
}

/** The statuses that are not ready: the pool's own (module null) where given, then each module's. */
export function backupProblems(
  pool: Pick<SkypePool, 'backupService' | 'centralManagementStore'>,
): { readonly module: string | null; readonly status: ModuleStatus }[] {
  const b = pool.backupService;
  if (!b) return [];
  const out: { module: string | null; status: ModuleStatus }[] = [];
  const own = b.exportStatus !== undefined || b.importStatus !== undefined || b.modules.length === 0;
  if (own && !statusReady(b)) out.push({ module: null, status: b });
  for (const m of b.modules) {
    if (!statusReady(m.status, !pool.centralManagementStore && same(m.module, CMS_MODULE))) out.push({ module: m.module, status: m.status });
  }
  return out;
}

/** Failover is safe once every status the backup service reports is ready (SFB-FO, BSS). */
export function backupReady(pool: Pick<SkypePool, 'backupService' | 'centralManagementStore'>): boolean {
  return backupProblems(pool).length === 0;
}

export interface SkypePair {
  readonly pools: readonly [SkypePool, SkypePool];
  readonly failover: 'manual' | 'automated';
  readonly path: string;
}

export interface SkypeModel {
  readonly kind: 'skype-pool-pair';
  readonly name: string;
  readonly productVersion: '2013' | '2015' | '2019';
  readonly registrarSettingsCustomized: boolean;
  readonly pools: readonly SkypePool[];
  readonly pairs: readonly SkypePair[];
}

export function normaliseSkype(doc: SkypeDocument): { model: SkypeModel; issues: ModelIssue[] } {
  const issues: ModelIssue[] = [];
  const poolByKey = new Map<string, SkypePool>();
  /** Each front end's first listing: as it was spelled, and its pool. */
  const frontEndOwner = new Map<string, { readonly name: string; readonly pool: string }>();
  const pools: SkypePool[] = [];
  doc.pools.forEach((p, i) => {
    const key = nameKey(p.name);
    const first = poolByKey.get(key);
    if (first) {
      issues.push({ rule: 'duplicate-name', messageId: 'duplicatePool', data: { name: p.name, first: first.name }, path: pointer('pools', i, 'name') });
      return;
    }
    p.frontEnds.forEach((fe, j) => {
      const owner = frontEndOwner.get(nameKey(fe));
      if (owner !== undefined)
        issues.push({
          rule: 'duplicate-name',
          messageId: 'duplicateFrontEnd',
          data: { name: fe, first: owner.name, firstPool: owner.pool },
          path: pointer('pools', i, 'frontEnds', j),
        });
      else frontEndOwner.set(nameKey(fe), { name: fe, pool: p.name });
    });
    const pool: SkypePool = {
      name: p.name,
      users: p.users ?? 0,
      frontEnds: [...p.frontEnds],
      backEndMirrored: p.backEnd?.mirrored ?? false,
      centralManagementStore: p.centralManagementStore ?? false,
      registrarConfiguration: p.registrarConfiguration ?? false,
      // FailedBack ends a failback as Active does (the Set-CsRegistrarConfiguration reference names both).
      poolState: p.poolState === undefined || p.poolState === 'FailedBack' ? 'Active' : p.poolState,
      statedPoolState: p.poolState ?? 'Active',
      path: pointer('pools', i),
      // Optional keys last: a key after a spread costs a runtime call in code V8 has not optimised.
      ...(p.site !== undefined ? { site: p.site } : {}),
      ...(p.edition ? { edition: p.edition } : {}),
      ...(p.platform ? { platform: p.platform } : {}),
      ...(p.operatingSystem !== undefined ? { operatingSystem: p.operatingSystem } : {}),
      ...(p.maxUsers !== undefined ? { maxUsers: p.maxUsers } : {}),
      ...(p.backupService ? { backupService: backupServiceOf(p.backupService) } : {}),
    };
    poolByKey.set(key, pool);
    pools.push(pool);
  });
  const pairs: SkypePair[] = [];
  (doc.pairs ?? []).forEach((raw, i) => {
    const names = Array.isArray(raw) ? raw : raw.pools;
    const failover = Array.isArray(raw) ? 'manual' : (raw.failover ?? 'manual');
    const base = Array.isArray(raw) ? pointer('pairs', i) : pointer('pairs', i, 'pools');
    const resolved = names.map((name, j) => {
      const pool = poolByKey.get(nameKey(name));
      if (!pool) issues.push({ rule: 'unknown-reference', messageId: 'pairedPool', data: { name }, path: `${base}/${j}` });
      return pool;
    });
    const [a, b] = resolved;
    if (a && b && a !== b) pairs.push({ pools: [a, b], failover, path: pointer('pairs', i) });
    else if (a && b) issues.push({ rule: 'schema', messageId: 'selfPair', data: { name: a.name }, path: pointer('pairs', i) });
  });
  return {
    model: {
      kind: 'skype-pool-pair',
      name: doc.name,
      productVersion: doc.productVersion ?? '2015',
      registrarSettingsCustomized: doc.registrarSettingsCustomized ?? false,
      pools,
      pairs,
    },
    issues,
  };
}

/** The file's backup status, its modules in the file's order (their names are the file's keys: own properties only). */
function backupServiceOf(b: NonNullable<SkypeDocument['pools'][number]['backupService']>): BackupServiceStatus {
  const modules = b.modules ? Object.entries(b.modules).map(([module, status]) => ({ module, status: { ...status } })) : [];
  return {
    modules,
    ...(b.exportStatus !== undefined ? { exportStatus: b.exportStatus } : {}),
    ...(b.importStatus !== undefined ? { importStatus: b.importStatus } : {}),
  };
}
