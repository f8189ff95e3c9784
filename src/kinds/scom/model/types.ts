/**
 * The normalised SCOM management group: every default applied, every implied pool present, every
 * name resolved to the object it names. Each object keeps the JSON Pointer of the YAML node it
 * came from, so findings can point back at the file.
 */
import type { ScomVersion, PoolManagerSetting } from '../../../domain/facts.js';

export type Location = 'on-premises' | 'azure' | 'aws' | 'gcp' | 'other-cloud';

export interface DataCenter {
  readonly name: string;
  readonly location: Location;
  /** Not defined in the file: the implicit data centre of servers that name none. */
  readonly implicit: boolean;
  /** Probability that the data centre as a whole is up (absent: 1). */
  readonly availability?: number;
  readonly path: string;
}

export type ServerRole = 'management-server' | 'gateway';

export type PoolManagerValues = Partial<Record<PoolManagerSetting, number>>;

export interface Server {
  readonly name: string;
  readonly role: ServerRole;
  readonly dataCenter: DataCenter;
  /** Windows agents reporting to it as their primary. */
  readonly agents: number;
  readonly availability?: number;
  /** False where it lacks root certificates used to sign UNIX/Linux agent certificates. */
  readonly unixLinuxRootCertificates?: boolean;
  /** This server's own PoolManager values (only those it sets). */
  readonly poolManager: PoolManagerValues;
  /** The servers a gateway reports to, primary first (resolved): management servers, or gateways for a chained gateway. */
  readonly reportsTo: readonly Server[];
  /** A gateway's list as the file names it (`reportsTo` or `managementServers`), if it gives one. */
  readonly reportsToKey?: 'reportsTo' | 'managementServers';
  /** Where its agents fail over when it is not connected, in order (resolved). */
  readonly failoverServers: readonly Server[];
  readonly path: string;
}

export interface OperationalDatabase {
  /** The SQL Server host's name. */
  readonly server: string;
  readonly dataCenter: DataCenter;
  /** The management server that shares its host, if any. */
  readonly colocatedWith?: Server;
  readonly availability?: number;
  /** The failover cluster or availability group it runs on; `server` is then its listener. */
  readonly cluster?: DatabaseCluster;
  /** Not placed by the file. */
  readonly implied: boolean;
  readonly path: string;
}

/** A node of the database's cluster, or its witness. */
export interface ClusterNode {
  readonly name: string;
  readonly dataCenter: DataCenter;
  readonly availability?: number;
  readonly path: string;
}

export interface DatabaseCluster {
  readonly nodes: readonly ClusterNode[];
  readonly witness?: ClusterNode;
}

export type Membership = 'manual' | 'automatic';
export type Purpose = 'general' | 'network' | 'unix-linux' | 'url';

export interface Workload {
  readonly networkDevices: number;
  readonly unixLinuxAgents: number;
  readonly urls: number;
}

export interface PoolMemberRef {
  readonly server: Server;
  /** Pointer of the reference in the pool's list (or the pool's own pointer for implied members). */
  readonly path: string;
}

export interface Pool {
  readonly name: string;
  /** Not listed in the file: one of the three default pools, with every management server. */
  readonly implied: boolean;
  /** One of the three pools every management group has. */
  readonly isDefault: boolean;
  readonly membership: Membership;
  readonly members: readonly PoolMemberRef[];
  readonly observers: readonly PoolMemberRef[];
  readonly defaultObserverEnabled: boolean;
  readonly createdWith: 'console' | 'powershell';
  readonly purpose: Purpose;
  readonly workload: Workload;
  /** Whether the file gave a `members` list. */
  readonly membersListed: boolean;
  /** Pointer of the pool's entry; for an implied pool, `/managementServers`. */
  readonly path: string;
}

/** A latency measurement whose ends are resolved. */
export interface LatencyEntry {
  readonly between: 'servers' | 'data-centers';
  /** Canonical names of the two ends (servers, the database server, or data centres). */
  readonly ends: readonly [string, string];
  readonly ms: number;
  readonly path: string;
}

export interface Topology {
  readonly kind: 'scom';
  readonly name: string;
  readonly scomVersion: ScomVersion;
  /** In file order, the implicit `default` last when anything lives there. */
  readonly dataCenters: readonly DataCenter[];
  readonly managementServers: readonly Server[];
  readonly gateways: readonly Server[];
  readonly database: OperationalDatabase;
  readonly pools: readonly Pool[];
  readonly latency: readonly LatencyEntry[];
  /** The group's PoolManager values as written (only those it sets). */
  readonly poolManager: PoolManagerValues;
}

/** A pool's voting servers: its members, then its observer-only members (the default observer aside). */
export function voterServers(pool: Pool): Server[] {
  return [...pool.members, ...pool.observers].map((m) => m.server);
}

export { nameKey, pairKey } from '../../../core/model.js';
