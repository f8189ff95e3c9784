/** How the capacity rules name the workload items in their messages. */
export const WORKLOAD_LABELS = {
  unixLinuxAgents: 'UNIX/Linux computers',
  urls: 'URLs',
  networkDevices: 'network devices',
  computers: 'agent-managed and UNIX/Linux computers',
} as const;
