import { plural } from '../../../core/rule.js';
import { networkPoolBelowMinimum } from '../analysis/capacity.js';
import { defineRule } from './context.js';

export default defineRule({
  meta: {
    id: 'network-pool-too-small',
    severity: 'warning',
    category: 'capacity',
    description: 'a pool of one or two management servers manages network devices: Microsoft supports the 1,000-device figure for pools of three or more',
    rationale:
      "Microsoft's supported figure for network devices per resource pool (1,000) is given for a pool of at least three management servers; a smaller pool has no documented figure, and with one member it has no failover at all.",
    remediation:
      'Make the network monitoring pool three or more management servers (`members`), dedicated to network monitoring, or move the devices to a pool that has them.',
    sources: ['SR', 'RPD'],
    messages: {
      tooSmall:
        '{{Pool}} manages {{devices}} network devices with {{members}}; Microsoft supports its figure for pools of three or more management servers: add members.',
    },
  },
  *check({ topology }) {
    for (const pool of topology.pools) {
      if (networkPoolBelowMinimum(pool) === undefined) continue;
      yield {
        messageId: 'tooSmall',
        data: { pool: pool.name, devices: pool.workload.networkDevices, members: plural(pool.members.length, 'management server') },
        path: `${pool.path}/workload/networkDevices`,
        pool: pool.name,
      };
    }
  },
});
