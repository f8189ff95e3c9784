/**
 * The Central Management Store goes over before the pool that hosts it (SFB-DR, SFB-FOP), with
 * Invoke-CsManagementServerFailover run on a server of the pool it goes to (PS-CS), in the form that
 * fits what the design knows of the store's back end.
 */
import { SKYPE_FAILOVER } from '../../../domain/facts.js';
import type { SkypePool } from '../model/model.js';
import { powerShellArgument } from '../../../util/powershell.js';

/** A step to run, and what in it the admin must fill in where the file does not hold it. */
export interface Step {
  readonly run: string;
  /** What the `<…>` of `run` stand for and where to find them; null where it has none. */
  readonly fillIn: string | null;
}

/**
 * The steps that fail the store over from `pool`, which hosts it, to `partner`. `storeDown`: the
 * scenario has taken the store's back end down (the pool named or its site down, a Standard Edition
 * server down, which holds its own back end, or its back end down without a mirror).
 *
 * The cmdlet has two forms (PS-CS): without target database parameters for a Central Management
 * Server that is available (it makes sure replication is done, then sets the store read-only), and
 * the disaster-recovery form, which names the partner's back-end SQL Server and needs -Force, for
 * one that is not. With its back end down the store is not available: the disaster-recovery form.
 * Otherwise (its front ends down, or its primary back end with a mirror that may hold the store), Microsoft's procedure
 * checks first (SFB-FOP): ActiveMasterFQDN and ActiveFileTransferAgents name the pool while the
 * Central Management Server is available, and are empty when it is not; then the form that fits.
 */
export function cmsFailOver(pool: SkypePool, partner: SkypePool, storeDown: boolean): Step[] {
  const status: Step = {
    run: `${SKYPE_FAILOVER.cmsStatus.value} (ActiveMasterFQDN and ActiveFileTransferAgents name ${pool.name} while the Central Management Server is available, and are empty when it is not)`,
    fillIn: null,
  };
  return [...startStopped(partner), ...(storeDown ? [] : [status]), ...fittingForm(pool, partner, storeDown, ''), ...checksAfter(partner)];
}

/**
 * The steps where no pool declares the store (model.ts, storePlaced), so `pool` may host it: find
 * where it is first, then fail it over to `partner` as SFB-FOP does where it is not available or was
 * on the failed pool, and check it. With the scenario's back end of `pool` down (`storeDown`), a
 * store there is not available: ActiveMasterFQDN is empty, or still names the pool.
 */
export function cmsFailOverUnplaced(pool: SkypePool, partner: SkypePool, storeDown: boolean): Step[] {
  const find: Step = {
    run: `${SKYPE_FAILOVER.cmsStatus.value} (the file does not say which pool hosts the Central Management Store, as no pool declares centralManagementStore: ActiveMasterFQDN and ActiveFileTransferAgents name it while the Central Management Server is available, and are empty when it is not, and ${SKYPE_FAILOVER.cmsPool.value} names the pool the topology gives it; if they name another pool, the store stays there)`,
    fillIn: null,
  };
  const goes = storeDown ? `if they are empty or name ${pool.name}` : `if they name ${pool.name} or are empty`;
  return [
    find,
    ...only(goes, startStopped(partner)),
    ...fittingForm(pool, partner, storeDown, `${goes}, `),
    ...only('if it failed over', checksAfter(partner)),
  ];
}

/** Steps run only under a condition the steps before them settle. */
function only(condition: string, steps: readonly Step[]): Step[] {
  return steps.map((step) => ({ run: `${condition}, ${step.run}`, fillIn: step.fillIn }));
}

/** Where on the partner the store's cmdlet runs: a Standard Edition server itself, or a front end of the pool. */
function onPartner(partner: SkypePool): string {
  return partner.edition === 'standard' ? `on ${partner.name}` : `on a front end of ${partner.name}`;
}

/**
 * The form of Invoke-CsManagementServerFailover that fits (PS-CS): with the store's back end down,
 * the disaster-recovery form (after `whenDown`, where the store may not be there); otherwise the
 * form the status check before it chooses.
 */
function fittingForm(pool: SkypePool, partner: SkypePool, storeDown: boolean, whenDown: string): Step[] {
  const where = onPartner(partner);
  const disaster = disasterForm(partner);
  if (storeDown) return [{ run: `${whenDown}${where}, ${disaster.run}`, fillIn: disaster.fillIn }];
  return [
    { run: `if they name ${pool.name}, ${where}, Invoke-CsManagementServerFailover`, fillIn: null },
    { run: `if they are empty, ${where}, ${disaster.run}`, fillIn: disaster.fillIn },
  ];
}

/**
 * A partner FailedOver had its Skype for Business services stopped when it failed over
 * (Stop-CsWindowsService, SFB-FO), yet the store's failover runs on a server of it and its checks
 * need the store's Master Replicator and File Transfer Agent running there (SFB-FOP): started, it
 * stays FailedOver until failed back (SFB-FO), so starting them first loses nothing.
 */
function startStopped(partner: SkypePool): Step[] {
  if (partner.poolState !== 'FailedOver') return [];
  const where = partner.edition === 'standard' ? `on ${partner.name}` : `on each front end of ${partner.name}`;
  return [
    {
      run: `${where}, Start-CsWindowsService (its services were stopped when it failed over; started, it stays FailedOver until it is failed back)`,
      fillIn: null,
    },
  ];
}

/**
 * What Microsoft's procedure checks once the store has failed over, before the pool's users do
 * (SFB-FOP): the store active on the partner, then every Front End Server's replica up to date.
 */
function checksAfter(partner: SkypePool): Step[] {
  return [
    {
      run: `check that the store's failover is complete: ${SKYPE_FAILOVER.cmsStatus.value} (ActiveMasterFQDN and ActiveFileTransferAgents name ${partner.name})`,
      fillIn: null,
    },
    { run: `check each Front End Server's replica: ${SKYPE_FAILOVER.cmsReplicas.value} (every replica up to date, True)`, fillIn: null },
  ];
}

/**
 * What a pool's back end down without a mirror does to the Central Management Store it holds, while
 * the pool keeps running (PS-CS: every change is recorded in the store, and the Master Replicator of
 * the Central Management Server sends it to the servers): none can be made or replicated until the
 * back end is back or the store is failed over to `partner` (SFB-FOP), where one can take it.
 * `placed` false: no pool declares the store, so this one may hold it. Null where it holds no store
 * it could lose: a mirror holds the store, or another pool is declared to.
 */
export function storeWithoutBackEnd(pool: SkypePool, partner: SkypePool | undefined, placed: boolean): string | null {
  if (pool.backEndMirrored || (placed && !pool.centralManagementStore)) return null;
  const holds = placed
    ? 'the Central Management Store, which its back end holds,'
    : `if its back end holds the Central Management Store, which the file does not place (no pool declares centralManagementStore: ${SKYPE_FAILOVER.cmsPool.value} names the pool that hosts it), the store`;
  const started =
    partner?.poolState === 'FailedOver'
      ? `its services started first, ${partner.edition === 'standard' ? `on ${partner.name}` : 'on each front end'}: Start-CsWindowsService, as they were stopped when it failed over; then `
      : '';
  const or = partner
    ? ` or the store is failed over to ${partner.name} (${started}${onPartner(partner)}, Invoke-CsManagementServerFailover in its disaster-recovery form, -BackupSqlServerFqdn … -Force)`
    : '';
  return `${holds} is unavailable with it: no topology or configuration change can be made, and none replicates to the servers, until its back end is back${or}`;
}

/**
 * The disaster-recovery form, which names the partner's back-end SQL Server. A Standard Edition
 * server holds its own back-end databases, in the SQL Server Express instance rtc (SFB-SE), so both
 * are named from the file; an Enterprise pool's Back End Server and its instance, and any mirror,
 * are not in the file, and are left as `<…>` (which PowerShell refuses to run) with `fillIn` saying
 * what they stand for.
 */
function disasterForm(partner: SkypePool): Step {
  const standard = partner.edition === 'standard';
  const server = standard
    ? `${powerShellArgument(partner.name)} -BackupSqlInstanceName ${SKYPE_FAILOVER.standardEditionSqlInstance.value}`
    : '<Back End Server FQDN> -BackupSqlInstanceName <SQL instance>';
  const mirror = partner.backEndMirrored ? ' -BackupMirrorSqlServerFqdn <mirror FQDN> -BackupMirrorSqlInstanceName <mirror SQL instance>' : '';
  const run = `Invoke-CsManagementServerFailover -BackupSqlServerFqdn ${server}${mirror} -Force`;
  // Read after "fill in": what each <…> stands for, and that the file does not hold it.
  const principal = partner.backEndMirrored
    ? ` (Get-CsDatabaseMirrorState -DatabaseType Centralmgmt -PoolFqdn ${powerShellArgument(partner.name)} says which of the two holds the principal copy of the store)`
    : '';
  if (standard)
    return {
      run,
      fillIn: partner.backEndMirrored
        ? `<mirror FQDN> and <mirror SQL instance> with the mirror of ${partner.name}'s back-end databases, as Topology Builder shows them: the file does not hold them${principal}`
        : null,
    };
  const mirrorToo = partner.backEndMirrored ? ", <mirror FQDN> and <mirror SQL instance> with its mirror's" : '';
  return {
    run,
    fillIn: `<Back End Server FQDN> and <SQL instance> with ${partner.name}'s Back End Server and its SQL Server instance${mirrorToo}, as Topology Builder shows them: the file does not hold them${principal}`,
  };
}
