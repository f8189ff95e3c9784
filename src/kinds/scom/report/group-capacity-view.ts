/** The report's management-group capacity rows: agents after the busiest server fails, then each total against its limit. */

import { groupThousands } from '../../../core/rule.js';
import type { TopologyAnalysis } from '../analysis/index.js';
import type { ScomReportView } from './view-types.js';

const fmt = groupThousands;
const GROUP_ITEMS: Readonly<Record<string, string>> = {
  computers: 'Agent-managed and UNIX/Linux computers',
  networkDevices: 'Network devices',
  urls: 'URLs',
};

/** `fits (2,100 to spare)` or `over the limit by 900`. */
export function limitVerdict(total: number, limit: number): string {
  return total <= limit ? `fits (${fmt(limit - total)} to spare)` : `over the limit by ${fmt(total - limit)}`;
}

/** The management group's rows: Windows agents after the busiest management server fails, then each total against its limit. */
export function groupCapacityRows(analysis: TopologyAnalysis): ScomReportView['groupCapacity'] {
  const rows: { item: string; total: string; limit: string; verdict: string; ok: boolean }[] = [];
  const w = analysis.worstAgentFailure;
  if (w) {
    rows.push({
      item: `Windows agents on ${w.server.name} after ${w.failed.name} fails`,
      total: fmt(w.agents),
      limit: `${fmt(w.limit)} per server`,
      verdict: limitVerdict(w.agents, w.limit),
      ok: false,
    });
  } else if (analysis.model.managementServers.length > 1) {
    rows.push({ item: 'Windows agents after any one server fails', total: '', limit: 'per server', verdict: 'fits on every server', ok: true });
  }
  for (const s of analysis.capacity.serversOverAgentLimit) {
    rows.push({
      item: `Windows agents on ${s.server.name}`,
      total: fmt(s.agents),
      limit: `${fmt(s.limit)} per server`,
      verdict: limitVerdict(s.agents, s.limit),
      ok: false,
    });
  }
  for (const t of analysis.capacity.totals) {
    rows.push({
      item: GROUP_ITEMS[t.item] ?? t.item,
      total: fmt(t.total),
      limit: fmt(t.limit),
      verdict: limitVerdict(t.total, t.limit),
      ok: t.fits,
    });
  }
  return rows;
}
