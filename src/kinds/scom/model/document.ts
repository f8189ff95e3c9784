/** The topology file as written (kind `scom`), once it has passed the schema. */

export interface PoolManagerDoc {
  leaseRequestPeriodSeconds?: number;
  networkLatencySeconds?: number;
}

export interface ServerDoc {
  name: string;
  dataCenter?: string;
  agents?: number;
  availability?: number;
  unixLinuxRootCertificates?: boolean;
  poolManager?: PoolManagerDoc;
  failoverServers?: string[];
}

export interface GatewayDoc extends ServerDoc {
  managementServers?: string[];
  reportsTo?: string[];
}

export interface ClusterNodeDoc {
  name: string;
  dataCenter?: string;
  availability?: number;
}

export interface PoolDoc {
  name: string;
  membership?: 'manual' | 'automatic';
  members?: string[];
  observers?: string[];
  defaultObserver?: boolean;
  createdWith?: 'console' | 'powershell';
  purpose?: 'general' | 'network' | 'unix-linux' | 'url';
  workload?: { networkDevices?: number; unixLinuxAgents?: number; urls?: number };
}

export interface ScomDocument {
  version: 1;
  kind?: 'scom';
  name: string;
  scomVersion?: '2012R2' | '2012 R2' | '2016' | '2019' | '2022' | '2025' | 2016 | 2019 | 2022 | 2025;
  dataCenters?: { name: string; location?: 'on-premises' | 'azure' | 'aws' | 'gcp' | 'other-cloud'; availability?: number }[];
  latency?: { between: [string, string]; ms: number | string }[];
  databases?: {
    operational?: {
      server: string;
      dataCenter?: string;
      colocatedWith?: string;
      availability?: number;
      cluster?: { nodes: ClusterNodeDoc[]; witness?: ClusterNodeDoc };
    };
    dataWarehouse?: { server: string; dataCenter?: string };
  };
  managementServers: ServerDoc[];
  gateways?: GatewayDoc[];
  pools?: PoolDoc[];
  poolManager?: PoolManagerDoc;
}
