/**
 * Every number pooltopo takes from a document, in one table, each with its source (DOMAIN.md).
 * Rules and analyses read these; no limit, default or threshold is written inline anywhere else.
 */

export type ScomVersion = '2012R2' | '2016' | '2019' | '2022' | '2025';
export const DEFAULT_SCOM_VERSION: ScomVersion = '2022';

/**
 * What DOMAIN.md marks *unconfirmed* (no primary source found), as the rules that rest on it say
 * in their docs (RuleMeta.unconfirmed).
 */
export const UNCONFIRMED = {
  limits2012R2: 'SCOM 2012 R2 limits other than network devices.',
  mixedPoolObserver:
    'Whether the default observer votes in a pool that mixes management servers and gateways: pooltopo counts it when any voter is a management server.',
} as const;

/** Short names of the public sources, as DOMAIN.md uses them. */
export const SOURCES = {
  RPD: {
    title: 'Resource pool design considerations (System Center Operations Manager), Microsoft Learn',
    url: 'https://learn.microsoft.com/en-us/system-center/scom/plan-resource-pool-design',
  },
  SR: {
    title: 'System requirements for System Center Operations Manager, Microsoft Learn',
    url: 'https://learn.microsoft.com/en-us/system-center/scom/system-requirements',
  },
  FE: {
    title: 'System Center Operations Manager Field Experience, Microsoft Press (2015)',
  },
  PM: {
    title:
      '"PoolManager", a write-up of SCOM\'s PoolManager (its lease and check requests, timing and events 15000 to 15004); "The importance of the Event ID 15003" (Microsoft blog)',
  },
  PFS: {
    title: 'Operations Manager 2012 R2 "Perfect Failover Service" (community blog)',
  },
  'SFB-HA': {
    title: 'Skype for Business Server: Plan for high availability (Front End pools), Microsoft Learn',
  },
  'SFB-DR': {
    title: 'Skype for Business Server: Plan for disaster recovery (pool pairing), Microsoft Learn',
  },
  'SFB-FO': {
    title: '"Understanding Pool Failover (more than you wanted to know most likely)" (Skype for Business blog); Invoke-CsPoolFailOver reference',
  },
  'PS-CS': {
    title:
      'Skype for Business Server PowerShell reference, Microsoft Learn (Invoke-CsPoolFailOver, Set-CsRegistrarConfiguration, Reset-CsPoolRegistrarState, Invoke-CsManagementServerFailover, Get-CsManagementStoreReplicationStatus, Get-CsService)',
  },
  'SFB-SE': {
    title:
      '"Prepare Single Standard Edition Server (Invoke)", Skype for Business Server Deployment Wizard help, Microsoft Learn (SQL Server Express, with an instance named RTC); "Front End pool ABC failover procedure in Lync Server 2013", Microsoft Learn (a Standard Edition pool\'s Central Management database: -SqlServerFqdn <pool FQDN> -SqlInstanceName rtc)',
  },
  'SFB-BE': {
    title: '"Back End Server high availability in Skype for Business Server", Microsoft Learn (what users see while a Back End Server is down)',
  },
  'SFB-FOP': {
    title:
      '"Failing over and failing back a pool in Skype for Business Server", Microsoft Learn (fail over a Front End pool in a disaster: the Central Management store first)',
  },
  BSS: {
    title: '"What does the status reported by Get-CsBackupServiceStatus mean?" (Microsoft blog)',
    url: 'https://learn.microsoft.com/en-us/archive/blogs/jenstr/what-does-the-status-reported-by-get-csbackupservicestatus-mean',
  },
  'OPC-SM': {
    title: 'OpCon documentation, "Service Manager" (SMAServMan.ini settings)',
  },
  'OPC-FS': {
    title: 'OpCon documentation, "Failover Scenarios" (OpCon 26.0)',
  },
  'SQL-CONN': {
    title:
      'Microsoft Learn, SQL Server Configuration Manager: "Creating a Valid Connection String Using Shared Memory Protocol", "Named Pipes Properties" and "Creating a Valid Connection String Using the VIA Protocol" (the names of the local server, shared memory, the default pipes, and via:); "SqlClient support for LocalDB" ((localdb)\\NAME, on the machine that connects)',
    url: 'https://learn.microsoft.com/en-us/sql/tools/configuration-manager/creating-a-valid-connection-string-using-shared-memory-protocol',
  },
  SCC: {
    title: 'System Center Central (2012-09-04): "Gateways and Management Servers should not be mixed in pools", a Microsoft program manager quoted',
  },
  WSFC: {
    title: 'Configure and manage quorum (Windows Server failover clustering), Microsoft Learn',
    url: 'https://learn.microsoft.com/en-us/windows-server/failover-clustering/manage-cluster-quorum',
  },
  GW: {
    title: 'Install a gateway server (System Center Operations Manager), Microsoft Learn',
  },
  'PS-SCOM': {
    title: 'OperationsManager PowerShell reference: Set-SCOMResourcePool, Get-SCOMResourcePool, Set-SCOMParentManagementServer, Microsoft Learn',
  },
  'GW-CHAIN': {
    title: '"How to link multiple Gateway Servers together?" (System Center blog): chained gateways',
  },
  SPEC: {
    title: 'pooltopo FORMAT.md: a modelling choice of this tool, built on the sources above',
  },
  'SCOM-BUILDS': {
    title: 'Operations Manager release and update rollup build numbers (Microsoft Learn release notes), as FORMAT.md "Import" lists them',
  },
} as const;
export type SourceId = keyof typeof SOURCES;
export interface Source {
  readonly title: string;
  readonly url?: string;
}

/** A number with where it comes from. */
export interface SourcedNumber {
  readonly value: number;
  readonly source: SourceId;
  /** True where DOMAIN.md says no primary source was found. */
  readonly unconfirmed?: boolean;
}

const n = (value: number, source: SourceId, unconfirmed = false): SourcedNumber => (unconfirmed ? { value, source, unconfirmed } : { value, source });

/** Quorum and pool design thresholds (RPD, FE, PM). */
export const POOL = {
  /** From this many management servers among a pool's voters the database observer loads the database. */
  databaseObserverLoadMembers: n(5, 'RPD'),
  /** Round trip between two voters of one pool should stay under this (ms). */
  poolLatencyMs: n(10, 'RPD'),
  /** Round trip between a management server and the operational database should stay under this (ms). */
  databaseLatencyMs: n(5, 'FE'),
  /** A pool is highly available when it tolerates at least this many member failures. */
  targetTolerableFailures: n(1, 'RPD'),
  /** The fewest management servers in a pool with network devices for which Microsoft states a supported figure. */
  networkPoolMinimumManagementServers: n(3, 'SR'),
} as const;

/** PoolManager registry values (FE, PM). */
export const POOL_MANAGER = {
  leaseRequestPeriodSeconds: { default: n(120, 'FE'), ceiling: n(600, 'FE'), registryValue: 'PoolLeaseRequestPeriodSeconds' },
  networkLatencySeconds: { default: n(30, 'FE'), ceiling: n(120, 'FE'), registryValue: 'PoolNetworkLatencySeconds' },
} as const;
export type PoolManagerSetting = keyof typeof POOL_MANAGER;
export const POOL_MANAGER_SETTINGS: readonly PoolManagerSetting[] = ['leaseRequestPeriodSeconds', 'networkLatencySeconds'];

/** Supported limits of one SCOM version (SR; 2012 R2 values unconfirmed except network devices). */
export interface CapacityLimits {
  readonly windowsAgentsPerManagementServer: SourcedNumber;
  readonly windowsAgentsPerGateway: SourcedNumber;
  /** Agent-managed plus UNIX/Linux computers per management group, with 50 consoles open. */
  readonly computersPerManagementGroup: SourcedNumber;
  /** The same with at most 25 consoles open (a config threshold may select it). */
  readonly computersPerManagementGroupFewConsoles: SourcedNumber;
  readonly unixLinuxPerManagementServer: SourcedNumber;
  readonly unixLinuxPerGateway: SourcedNumber;
  /** Network devices per resource pool of three or more management servers. */
  readonly networkDevicesPerPool: SourcedNumber;
  /** Network devices per gateway in a resource pool (the hardware table). */
  readonly networkDevicesPerGatewayInPool: SourcedNumber;
  readonly networkDevicesPerManagementGroup: SourcedNumber;
  readonly urlsPerManagementServer: SourcedNumber;
  readonly urlsPerManagementGroup: SourcedNumber;
}

const LIMITS_2016_ON: CapacityLimits = {
  windowsAgentsPerManagementServer: n(3000, 'SR'),
  windowsAgentsPerGateway: n(2000, 'SR'),
  computersPerManagementGroup: n(6000, 'SR'),
  computersPerManagementGroupFewConsoles: n(15000, 'SR'),
  unixLinuxPerManagementServer: n(1000, 'SR'),
  unixLinuxPerGateway: n(100, 'SR'),
  networkDevicesPerPool: n(1000, 'SR'),
  networkDevicesPerGatewayInPool: n(500, 'SR'),
  networkDevicesPerManagementGroup: n(2000, 'SR'),
  urlsPerManagementServer: n(3000, 'SR'),
  urlsPerManagementGroup: n(12000, 'SR'),
};

const LIMITS_2012R2: CapacityLimits = {
  windowsAgentsPerManagementServer: n(3000, 'SR', true),
  windowsAgentsPerGateway: n(2000, 'SR', true),
  computersPerManagementGroup: n(6000, 'SR', true),
  computersPerManagementGroupFewConsoles: n(15000, 'SR', true),
  unixLinuxPerManagementServer: n(500, 'SR', true),
  unixLinuxPerGateway: n(100, 'SR', true),
  networkDevicesPerPool: n(1000, 'SR'),
  networkDevicesPerGatewayInPool: n(500, 'SR', true),
  networkDevicesPerManagementGroup: n(2000, 'SR'),
  urlsPerManagementServer: n(3000, 'SR', true),
  urlsPerManagementGroup: n(12000, 'SR', true),
};

export const CAPACITY_LIMITS: Readonly<Record<ScomVersion, CapacityLimits>> = {
  '2012R2': LIMITS_2012R2,
  '2016': LIMITS_2016_ON,
  '2019': LIMITS_2016_ON,
  '2022': LIMITS_2016_ON,
  '2025': LIMITS_2016_ON,
};

/**
 * OpCon SMAServMan.ini (OPC-SM): the defaults of the settings pooltopo computes with, and the
 * documented keys of each section, as the vendor spells them (a machine reads the section of its
 * own Mode; some keys are in both mode sections).
 */
export const SMASERVMAN = {
  defaults: {
    SecondsBetweenPings: n(15, 'OPC-SM'),
    PingRetryCount: n(0, 'OPC-SM'),
    PingTimeOutInMilliseconds: n(1000, 'OPC-SM'),
    TimeOutInSecondsForSync: n(60, 'OPC-SM'),
  },
  /** Text defaults: absent, a switch is N, Mode is StandAlone and the service has its installed names. */
  defaultMode: 'StandAlone',
  defaultSwitch: 'N',
  textDefaults: { ShortServiceName: 'SMA_Servman', DisplayServiceName: 'SMA Service Manager' },
  sections: {
    general: { name: 'General Settings', keys: ['ShortServiceName', 'DisplayServiceName', 'Mode', 'InitializationScript', 'TerminationScript'] },
    Primary: { name: 'Primary Mode Settings', keys: ['FailOverSocketNumber', 'TimeOutInSecondsForSync', 'SyncInitFailureScript'] },
    Secondary: {
      name: 'Secondary Mode Settings',
      keys: [
        'FailOverSocketNumber',
        'PrimaryMachine',
        'SecondsBetweenPings',
        'PingRetryCount',
        'PingTimeOutInMilliseconds',
        'SyncInitFailureScript',
        'PrimaryAbnormalShutdownFailover',
        'PrimaryAbnormalShutdownScript',
        'SyncLostFailover',
        'SyncLostScript',
        'PrimaryNormalShutdownFailover',
        'PrimaryNormalShutdownScript',
      ],
    },
  },
  /** Documented elsewhere in the file (the application group's restart limit the process flows name). */
  otherKeys: ['RestartApplicationLimit'],
} as const;

/** The three pools every management group has (RPD). */
export const DEFAULT_POOLS = ['All Management Servers Resource Pool', 'Notifications Resource Pool', 'AD Assignment Resource Pool'] as const;

/** The data centre of a server that names none (FORMAT.md). */
export const IMPLICIT_DATA_CENTER = 'default';

/**
 * Skype for Business Front End pools (SFB-HA): for n front ends, how many must run to start the pool
 * the first time, and how many of the first `from` must run to keep pool-level quorum. 13-16 exist on
 * 2019 only; their start-up figure is documented for 16 and unconfirmed for 13-15 (DOMAIN.md).
 */
export interface FrontEndRow {
  readonly startupNeeded: number;
  readonly quorumNeeded: number;
  /** The set the quorum counts from: every front end, or the first 7, 9 or 12 brought up. */
  readonly quorumFrom: number;
}

export const FRONT_END_TABLE: Readonly<Record<number, FrontEndRow>> = {
  1: { startupNeeded: 1, quorumNeeded: 1, quorumFrom: 1 },
  2: { startupNeeded: 1, quorumNeeded: 1, quorumFrom: 2 },
  3: { startupNeeded: 3, quorumNeeded: 2, quorumFrom: 3 },
  4: { startupNeeded: 3, quorumNeeded: 2, quorumFrom: 4 },
  5: { startupNeeded: 4, quorumNeeded: 3, quorumFrom: 5 },
  6: { startupNeeded: 5, quorumNeeded: 3, quorumFrom: 6 },
  7: { startupNeeded: 5, quorumNeeded: 4, quorumFrom: 7 },
  8: { startupNeeded: 6, quorumNeeded: 4, quorumFrom: 7 },
  9: { startupNeeded: 7, quorumNeeded: 4, quorumFrom: 7 },
  10: { startupNeeded: 8, quorumNeeded: 5, quorumFrom: 9 },
  11: { startupNeeded: 9, quorumNeeded: 5, quorumFrom: 9 },
  12: { startupNeeded: 10, quorumNeeded: 5, quorumFrom: 9 },
  13: { startupNeeded: 12, quorumNeeded: 7, quorumFrom: 12 },
  14: { startupNeeded: 12, quorumNeeded: 7, quorumFrom: 12 },
  15: { startupNeeded: 12, quorumNeeded: 7, quorumFrom: 12 },
  16: { startupNeeded: 12, quorumNeeded: 7, quorumFrom: 12 },
};

/**
 * On 2019 the source's rows "10-12" and "12-16" overlap at 12 (DOMAIN.md): a 2019 pool of 12 keeps
 * pool-level quorum with 7 of the first 12, and starts with the 10 of the row for 12.
 */
export const FRONT_END_ROW_12_ON_2019: FrontEndRow = { startupNeeded: 10, quorumNeeded: 7, quorumFrom: 12 };

/** A fact in words (a command, a name), with where it comes from. */
export interface SourcedText {
  readonly value: string;
  readonly source: SourceId;
}

/** What the failover of a pool that hosts the Central Management Store runs (SFB-FOP, PS-CS, SFB-SE). */
export const SKYPE_FAILOVER = {
  /**
   * Where the Central Management Server is and whether it is available: ActiveMasterFQDN and
   * ActiveFileTransferAgents name the pool that hosts it, and are empty when it is not available.
   */
  cmsStatus: { value: 'Get-CsManagementStoreReplicationStatus -CentralManagementStoreStatus', source: 'SFB-FOP' },
  /** Each replica's status after the store failed over: every Front End Server's replica must be up to date (True). */
  cmsReplicas: { value: 'Get-CsManagementStoreReplicationStatus', source: 'SFB-FOP' },
  /** Which pool the topology gives the Central Management service: where the store is, where the file does not say. */
  cmsPool: { value: 'Get-CsService -CentralManagement', source: 'PS-CS' },
  /**
   * The SQL Server Express instance that holds a Standard Edition server's back-end databases: Setup
   * names it RTC, and Microsoft's Lync Server 2013 procedure installs a Standard Edition pool's Central
   * Management database on the pool's FQDN, instance rtc.
   */
  standardEditionSqlInstance: { value: 'rtc', source: 'SFB-SE' },
} as const satisfies Record<string, SourcedText>;

/** Front End pool sizes (SFB-HA). */
export const SKYPE = {
  /** Each routing group lives on a primary and two secondary replicas; it keeps quorum on a majority of them. */
  routingGroupReplicas: n(3, 'SFB-HA'),
  recommendedFrontEnds: n(3, 'SFB-HA'),
  /** A paired pool must have had this many front ends running at once to synchronise its data with its backup pool. */
  pairedSyncFrontEnds: n(3, 'SFB-HA'),
  maxFrontEnds: n(12, 'SFB-HA'),
  maxFrontEnds2019: n(16, 'SFB-HA'),
} as const;

/**
 * The management group's build (`Get-SCOMManagementGroup`'s Version) to the release whose limits
 * apply, matched on the build's leading numbers (FORMAT.md, "Import"). The semi-annual 1801 and 1807
 * releases have no limits of their own and are read with 2016's, as `note` says.
 */
export interface ScomBuild {
  readonly prefix: readonly number[];
  readonly version: ScomVersion;
  readonly release: string;
  readonly note?: string;
  readonly source: SourceId;
}
export const SCOM_BUILDS: readonly ScomBuild[] = [
  { prefix: [7, 1, 10226], version: '2012R2', release: '2012 R2', source: 'SCOM-BUILDS' },
  { prefix: [7, 2, 11719], version: '2016', release: '2016', source: 'SCOM-BUILDS' },
  { prefix: [7, 3], version: '2016', release: '1801/1807', note: "the 1801/1807 semi-annual release, read with 2016's limits", source: 'SCOM-BUILDS' },
  { prefix: [10, 19], version: '2019', release: '2019', source: 'SCOM-BUILDS' },
  { prefix: [10, 22], version: '2022', release: '2022', source: 'SCOM-BUILDS' },
  { prefix: [10, 25], version: '2025', release: '2025', source: 'SCOM-BUILDS' },
];
