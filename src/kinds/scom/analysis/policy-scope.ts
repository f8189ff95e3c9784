/**
 * The symbols a policy sees: one pool's figures and the management group's, nothing else. Pure: the
 * same figures the JSON output reports.
 */
import type { PoolAnalysis } from './index.js';
import type { Topology } from '../model/types.js';

/** The figures of one pool, by symbol name, with what each means (for docs and error messages). */
export const POOL_SYMBOLS: Readonly<Record<string, string>> = {
  name: "the pool's name",
  implied: 'true for a default pool the file does not list',
  isDefault: 'true for the All Management Servers, Notifications and AD Assignment pools',
  purpose: 'general, network, unix-linux or url',
  members: 'number of members',
  observers: 'number of observer-only members',
  managementServers: 'number of management servers among members and observers',
  gateways: 'number of gateways among members and observers',
  votingMembers: 'voting members as configured',
  votesNeeded: 'votes needed for quorum',
  tolerableFailures: 'member failures the pool tolerates as configured',
  highlyAvailable: 'tolerableFailures >= 1',
  defaultObserverEnabled: 'the default observer is enabled',
  defaultObserverParticipates: 'the default observer votes',
  withDefaultObserver: 'figures with the default observer enabled: .votingMembers, .votesNeeded, .tolerableFailures',
  withoutDefaultObserver: 'figures with it disabled: .votingMembers, .votesNeeded, .tolerableFailures',
  dataCenters: 'number of data centres of its voters',
  survivesDataCenterLoss: "it survives the loss of any one data centre other than the database's",
  largestRoundTripMs: 'the largest measured round trip between two voters, 0 when none is measured',
  leaseDurationSeconds: 'PoolManager lease duration',
  availability: 'probability that the pool works, 1 when no availability is given',
  group: 'the management group: .name, .scomVersion, .managementServers, .gateways, .pools, .dataCenters, .agents',
};

export function poolScope(topology: Topology, a: PoolAnalysis): Map<string, unknown> {
  const q = a.quorum;
  const voters = a.voters;
  let agents = 0;
  for (const s of [...topology.managementServers, ...topology.gateways]) agents += s.agents;
  return new Map<string, unknown>([
    ['name', a.pool.name],
    ['implied', a.pool.implied],
    ['isDefault', a.pool.isDefault],
    ['purpose', a.pool.purpose],
    ['members', a.pool.members.length],
    ['observers', a.pool.observers.length],
    ['managementServers', voters.filter((s) => s.role === 'management-server').length],
    ['gateways', voters.filter((s) => s.role === 'gateway').length],
    ['votingMembers', q.configured.votingMembers],
    ['votesNeeded', q.configured.votesNeeded],
    ['tolerableFailures', q.configured.tolerableFailures],
    ['highlyAvailable', q.configured.highlyAvailable],
    ['defaultObserverEnabled', q.defaultObserver.enabled],
    ['defaultObserverParticipates', q.defaultObserver.participates],
    ['withDefaultObserver', q.withDefaultObserver],
    ['withoutDefaultObserver', q.withoutDefaultObserver],
    ['dataCenters', a.dataCenters.length],
    ['survivesDataCenterLoss', a.dataCenterLoss.every((l) => l.survives || l.stopsManagementGroup)],
    ['largestRoundTripMs', a.latency.largestMs ?? 0],
    ['leaseDurationSeconds', a.lease.leaseDurationSeconds],
    ['availability', a.availability?.probability ?? 1],
    [
      'group',
      {
        name: topology.name,
        scomVersion: topology.scomVersion,
        managementServers: topology.managementServers.length,
        gateways: topology.gateways.length,
        pools: topology.pools.length,
        dataCenters: topology.dataCenters.length,
        agents,
      },
    ],
  ]);
}

/** A typical pool's scope (two management servers with the default observer), to try policies on at load time. */
export function sampleScope(): Map<string, unknown> {
  const withDo = { votingMembers: 3, votesNeeded: 2, tolerableFailures: 1 };
  return new Map<string, unknown>([
    ['name', 'All Management Servers Resource Pool'],
    ['implied', true],
    ['isDefault', true],
    ['purpose', 'general'],
    ['members', 2],
    ['observers', 0],
    ['managementServers', 2],
    ['gateways', 0],
    ['votingMembers', 3],
    ['votesNeeded', 2],
    ['tolerableFailures', 1],
    ['highlyAvailable', true],
    ['defaultObserverEnabled', true],
    ['defaultObserverParticipates', true],
    ['withDefaultObserver', withDo],
    ['withoutDefaultObserver', { votingMembers: 2, votesNeeded: 2, tolerableFailures: 0 }],
    ['dataCenters', 1],
    ['survivesDataCenterLoss', false],
    ['largestRoundTripMs', 0],
    ['leaseDurationSeconds', 180],
    ['availability', 1],
    ['group', { name: 'sample', scomVersion: '2022', managementServers: 2, gateways: 0, pools: 3, dataCenters: 1, agents: 0 }],
  ]);
}
