/**
 * Every place that answers "what if" agrees with simulate (FORMAT.md, "Failure model": they never
 * disagree): for each server, database host, gateway, front end, pool or site alone down, and each
 * data centre down, the figures validate gives (single points of failure, the data-centre loss table,
 * tolerable failures checked by brute force, users after failover) and the report's what-if table
 * say what `simulate --format json` says, over the examples, the fixtures and designs from the seeds.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, type LintOutcome } from '../src/api/lint.js';
import { describeRule } from '../src/rules/descriptors.js';
import { RULES } from '../src/rules/index.js';
import { buildReportView } from '../src/report/view-model.js';
import { DEFAULT_SETTINGS } from '../src/core/settings.js';
import { nameKey } from '../src/core/model.js';
import { simulateCommand as scomSimulate } from '../src/kinds/scom/commands/simulate.js';
import { simulate } from '../src/kinds/scom/analysis/simulate.js';
import { databaseHosts } from '../src/kinds/scom/analysis/what-if.js';
import { compileFailureModel, failureOf, type FailureModel, type Host } from '../src/kinds/scom/analysis/failure/index.js';
import type { DataCenter } from '../src/kinds/scom/model/types.js';
import type { ScomFileResult } from '../src/kinds/scom/results.js';
import type { ScomReportView } from '../src/kinds/scom/report/view-types.js';
import { simulateCommand as skypeSimulate, simulateSkypeDown, skypeBackEnds, skypeSites, type SkypeScenario } from '../src/kinds/skype/commands/simulate.js';
import type { SkypeView } from '../src/kinds/skype/report/report.js';
import type { SkypeModels } from '../src/kinds/skype/results.js';
import type { SkypePoolFigures } from '../src/kinds/skype/analysis/analysis.js';
import { simulateCommand as opconSimulate, OPCON_EVENTS, type OpconEventOutcome } from '../src/kinds/opcon/commands/simulate.js';
import { modesConflict } from '../src/kinds/opcon/analysis/analysis.js';
import type { OpconModels } from '../src/kinds/opcon/results.js';
import type { OpconView } from '../src/kinds/opcon/report/report.js';
import { ROOT } from './support/run-cli.js';
import { randomOpconDesigns, randomScomDesigns, randomSkypeDesigns, SCOM_DESIGNS, SKYPE_DESIGNS } from './support/agreement-designs.js';

const reportOptions = { rules: RULES.map((r) => describeRule(r)), settings: DEFAULT_SETTINGS, failOn: 'error' as const, version: 'test' };

/** The examples and fixtures (not the hostile or scale ones, which other tests bound), and the designs from the seeds. */
function inputs(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) {
        if (!['hostile', 'scale', 'toy-kind', '.expected'].includes(name)) walk(rel);
      } else if (/\.ya?ml$/.test(name)) out.push({ file: rel, text: readFileSync(path.join(ROOT, rel), 'utf8') });
    }
  };
  walk('examples');
  walk('test/fixtures');
  for (const [file, text] of Object.entries({ ...SCOM_DESIGNS, ...SKYPE_DESIGNS })) out.push({ file: `seeds/${file}`, text });
  return out;
}

/** Each input linted once, for the tests of every kind to pick theirs from. */
let linted: Promise<{ file: string; o: LintOutcome }[]> | undefined;
const lintedInputs = () => (linted ??= Promise.all(inputs().map(async ({ file, text }) => ({ file, o: await lintText(text, file) }))));

const request = (file: string, downs: string[]) => ({ file, downs, partitions: [], events: [], format: 'json' as const, color: false });

interface ScomScenario {
  label: string;
  managementGroupWorks: boolean;
  databaseDown: boolean;
  pools: { pool: string; outcome: string; votesAvailable: number; votingMembers: number; votesNeeded: number; runs: boolean }[];
  agentLoad: { server: string; agents: number; limit: number }[];
  unmonitoredAgents: number;
  gateways: { gateway: string; down: boolean; reportsTo: string | null }[];
}

/** `simulate --down X --down Y ... --format json`, a hundred scenarios a run (its limit). */
async function scomSimulations(o: LintOutcome, file: string, downs: string[]): Promise<Map<string, ScomScenario>> {
  const out = new Map<string, ScomScenario>();
  for (let i = 0; i < downs.length; i += 100) {
    const chunk = downs.slice(i, i + 100);
    const { text } = await scomSimulate(o, request(file, chunk));
    (JSON.parse(text) as { scenarios: ScomScenario[] }).scenarios.forEach((s, j) => out.set(chunk[j]!, s));
  }
  return out;
}

/** Each k-subset of `items`, k at most `items.length`. */
function* subsets<T>(items: readonly T[], k: number, from = 0, chosen: T[] = []): Generator<T[]> {
  if (chosen.length === k) {
    yield [...chosen];
    return;
  }
  for (let i = from; i <= items.length - (k - chosen.length); i++) {
    chosen.push(items[i]!);
    yield* subsets(items, k, i + 1, chosen);
    chosen.pop();
  }
}

/** The most servers and data centres that may fail for availability to be checked against every state of them. */
const AVAILABILITY_STATES_LOG2 = 10;

/** The most members a pool may have for its tolerable failures to be checked against every k- and (k+1)-set down. */
const BRUTE_FORCE_MEMBERS = 12;

/**
 * Tolerable failures (FORMAT.md, "Quorum model"): no set of k members down stops the pool (it keeps
 * quorum and a member runs), and some set of k + 1 does. The definition holds the database up, which
 * simulate cannot with the management server that shares its host down: such sets are left out here,
 * and single-point-of-failure names that server instead.
 */
function tolerableDisagreements(model: FailureModel, p: number, k: number, label: string): string[] {
  const shape = model.pools[p]!;
  if (shape.members.length === 0 || shape.members.length > BRUTE_FORCE_MEMBERS) return [];
  const colocated = model.topology.database.colocatedWith ? model.database.listener : -1;
  const members = [...shape.members].filter((h) => h !== colocated);
  const runs = (down: number[]) => {
    const s = simulate(model, 'x', failureOf(model, { hosts: down.map((h) => model.hosts[h]!) }));
    return s.pools[p]!.runs;
  };
  const out: string[] = [];
  for (const set of subsets(members, Math.min(k, members.length)))
    if (!runs(set)) {
      out.push(`${label}: tolerates ${k}, yet stops with ${set.map((h) => model.hosts[h]!.name).join(', ')} down`);
      break;
    }
  if (colocated < 0 && k + 1 <= members.length && [...subsets(members, k + 1)].every(runs))
    out.push(`${label}: tolerates ${k}, yet no ${k + 1} members down stop it`);
  return out;
}

export interface Tally {
  files: number;
  scenarios: number;
}

async function checkScom(file: string, o: LintOutcome, tally: Tally): Promise<string[]> {
  const result = o.result as ScomFileResult;
  const analysis = o.analysis!;
  const model = analysis.model;
  const bad: string[] = [];
  const dcKeys = new Set(model.dataCenters.map((d) => nameKey(d.name)));
  const hostNames = model.hosts.filter((h) => !(h.role === 'database' && model.topology.database.implied)).map((h) => h.name);
  // A name both a server and a data centre is a duplicate-name finding, which simulate refuses.
  const servers = hostNames.filter((n) => !dcKeys.has(nameKey(n)));
  const hostKeys = new Set(hostNames.map(nameKey));
  const dcs = model.dataCenters.map((d) => d.name).filter((n) => !hostKeys.has(nameKey(n)));
  const sims = await scomSimulations(o, file, [...servers, ...dcs]);
  const none = simulate(model, 'nothing down', failureOf(model, {}));
  tally.files++;
  tally.scenarios += sims.size;
  const clusterListener = model.database.nodes.length > 0 ? model.hosts[model.database.listener]!.name : undefined;
  // The pools' figures as validate gives them, and simulate's with nothing down.
  result.pools.forEach((pool, p) => {
    const base = none.pools[p]!;
    if (base.pool !== pool.name) bad.push(`${file}: pool ${p} is "${pool.name}" in validate, "${base.pool}" in simulate`);
    if (base.votingMembers !== pool.votingMembers || base.votesNeeded !== pool.votesNeeded)
      bad.push(`${file} ${pool.name}: validate ${pool.votesNeeded} of ${pool.votingMembers} votes, simulate ${base.votesNeeded} of ${base.votingMembers}`);
  });
  // Single points of failure: a server is one for a pool (for the management group) iff, alone down, simulate says the pool (the group) no longer works.
  for (const name of servers) {
    if (name === clusterListener) continue;
    const s = sims.get(name)!;
    const mgSpof = result.managementGroup!.singlePointsOfFailure.some((n) => nameKey(n) === nameKey(name));
    const mgLost = none.managementGroupWorks && !s.managementGroupWorks;
    if (mgSpof !== mgLost) bad.push(`${file} --down ${name}: management group ${s.managementGroupWorks ? 'works' : 'does not work'}, single point: ${mgSpof}`);
    result.pools.forEach((pool, p) => {
      const spof = pool.singlePointsOfFailure.some((n) => nameKey(n) === nameKey(name));
      const lost = none.pools[p]!.outcome === 'works' && s.pools[p]!.outcome !== 'works';
      if (spof !== lost) bad.push(`${file} --down ${name}: ${pool.name} ${s.pools[p]!.outcome}, single point: ${spof}`);
    });
  }
  // The data-centre loss table: each row is simulate --down DC; a data centre not in it changes nothing.
  for (const dc of dcs) {
    const s = sims.get(dc)!;
    result.pools.forEach((pool, p) => {
      const row = pool.dataCenterLoss.find((l) => l.dataCenter === dc);
      const sp = s.pools[p]!;
      if (!row) {
        if (sp.outcome !== none.pools[p]!.outcome) bad.push(`${file} --down ${dc}: ${pool.name} ${sp.outcome}, not in its data-centre loss table`);
        return;
      }
      const want = {
        survives: sp.outcome === 'works',
        outcome: sp.outcome,
        votesLeft: sp.votesAvailable,
        stopsManagementGroup: !s.managementGroupWorks,
        databaseLost: s.databaseDown,
      };
      const got = {
        survives: row.survives,
        outcome: row.outcome,
        votesLeft: row.votesLeft,
        stopsManagementGroup: row.stopsManagementGroup,
        databaseLost: row.databaseLost,
      };
      if (JSON.stringify(want) !== JSON.stringify(got))
        bad.push(`${file} --down ${dc}: ${pool.name} simulate ${JSON.stringify(want)}, data-centre loss ${JSON.stringify(got)}`);
    });
  }
  // Tolerable failures as configured, and with the default observer enabled and disabled (the same model, the pool's setting changed).
  const observerModels = [true, false].map((on) =>
    compileFailureModel({ ...model.topology, pools: model.topology.pools.map((pl) => ({ ...pl, defaultObserverEnabled: on })) }),
  );
  result.pools.forEach((pool, p) => {
    bad.push(...tolerableDisagreements(model, p, pool.tolerableFailures, `${file} ${pool.name}`));
    bad.push(...tolerableDisagreements(observerModels[0]!, p, pool.withDefaultObserver.tolerableFailures, `${file} ${pool.name} (with the default observer)`));
    bad.push(
      ...tolerableDisagreements(observerModels[1]!, p, pool.withoutDefaultObserver.tolerableFailures, `${file} ${pool.name} (without the default observer)`),
    );
  });
  // A gateway's single point (gateway-without-failover): the first server in file order, not the database's, whose loss alone cuts it off in simulate.
  const dbNames = new Set(databaseHosts(model).map((h) => nameKey(model.hosts[h]!.name)));
  none.gateways.forEach((g, i) => {
    if (g.reportsTo === null) return;
    const first = servers.find((n) => nameKey(n) !== nameKey(g.gateway) && !dbNames.has(nameKey(n)) && sims.get(n)!.gateways[i]!.reportsTo === null);
    const said = [...analysis.gatewaySinglePoints].find(([gw]) => gw.name === g.gateway)?.[1].name;
    if (first !== said) bad.push(`${file}: ${g.gateway} is cut off first by ${first ?? 'no server'} in simulate, by ${said ?? 'none'} in validate`);
  });
  // The worst single failure for the agents (capacity-after-failover) is the largest overload simulate shows with one server down.
  const overBefore = new Set(none.agentLoad.filter((l) => l.agents > l.limit).map((l) => l.server));
  let worst: { down: string; server: string; over: number } | null = null;
  for (const name of servers) {
    if (name === clusterListener) continue;
    for (const l of sims.get(name)!.agentLoad)
      if (l.agents > l.limit && !overBefore.has(l.server) && (!worst || l.agents - l.limit > worst.over))
        worst = { down: name, server: l.server, over: l.agents - l.limit };
  }
  const w = analysis.worstAgentFailure;
  const found = w ? { over: w.agents - w.limit, shown: sims.get(w.failed.name)?.agentLoad.find((l) => l.server === w.server.name)?.agents } : null;
  if ((worst === null) !== (found === null) || (worst && found && (worst.over !== found.over || found.shown !== w!.agents)))
    bad.push(
      `${file}: worst single failure for the agents ${w ? `${w.failed.name} puts ${w.server.name} ${found!.over} over` : 'none'}, simulate ${worst ? `--down ${worst.down} puts ${worst.server} ${worst.over} over` : 'none'}`,
    );
  // Availability: the probability that simulate says a pool (the group) works, summed over every state of the servers and data centres that may fail.
  const uncertain = [
    ...model.hosts.filter((h) => h.availability < 1).map((h) => ({ p: h.availability, host: h, dc: undefined })),
    ...model.dataCenters.filter((d) => (d.availability ?? 1) < 1).map((d) => ({ p: d.availability!, host: undefined, dc: d })),
  ];
  if (result.managementGroup?.availability && uncertain.length <= AVAILABILITY_STATES_LOG2) {
    const works = result.pools.map(() => 0);
    let group = 0;
    for (let mask = 0; mask < 2 ** uncertain.length; mask++) {
      let p = 1;
      const hosts: Host[] = [];
      const dataCenters: DataCenter[] = [];
      for (const [i, u] of uncertain.entries()) {
        const down = (mask >> i) & 1;
        p *= down ? 1 - u.p : u.p;
        if (down && u.host) hosts.push(u.host);
        if (down && u.dc) dataCenters.push(u.dc);
      }
      const s = simulate(model, 'x', failureOf(model, { hosts, dataCenters }));
      tally.scenarios++;
      s.pools.forEach((x, i) => (works[i] = works[i]! + (x.outcome === 'works' ? p : 0)));
      if (s.managementGroupWorks) group += p;
    }
    const close = (a: { probability: number; method: string; standardError?: number } | undefined, want: number) =>
      a !== undefined && Math.abs(a.probability - want) <= (a.method === 'exact' ? 1e-12 : 5 * (a.standardError ?? 0) + 1e-12);
    result.pools.forEach((pool, i) => {
      if (!close(pool.availability, works[i]!)) bad.push(`${file} ${pool.name}: availability ${pool.availability?.probability}, simulate's states ${works[i]}`);
    });
    if (!close(result.managementGroup.availability, group))
      bad.push(`${file}: the management group's availability ${result.managementGroup.availability.probability}, simulate's states ${group}`);
  }
  // The report's what-if table: each row is the same scenario in simulate.
  const view = (await buildReportView(o, reportOptions)).kindView as ScomReportView;
  const { whatIf } = view;
  whatIf.pools.forEach((c, i) => {
    if (c.name !== none.pools[i]!.pool)
      bad.push(`${file}: the report's what-if column ${i + 1} is "${c.name}", simulate's pool ${i + 1} "${none.pools[i]!.pool}"`);
  });
  for (const row of whatIf.rows) {
    const s = sims.get(row.label);
    if (!s) continue;
    tally.scenarios++;
    const notes = whatIf.agents.find((a) => a.label === row.label && a.kind === row.kind)?.notes ?? [];
    const over = s.managementGroupWorks ? s.agentLoad.filter((l) => l.agents > l.limit && !overBefore.has(l.server)).map((l) => l.server) : [];
    const noted = notes.filter((n) => / over its limit /.test(n)).map((n) => n.slice(0, n.indexOf(' over its limit ')));
    if (JSON.stringify(noted) !== JSON.stringify(over))
      bad.push(`${file} report row ${row.label}: over their limit ${JSON.stringify(noted)}, simulate ${JSON.stringify(over)}`);
    const note = notes.find((n) => / unmonitored$/.test(n));
    const unmonitored = s.managementGroupWorks ? s.unmonitoredAgents - none.unmonitoredAgents : 0;
    if ((note ? Number(note.replace(/[^0-9]/g, '')) : 0) !== Math.max(0, unmonitored))
      bad.push(
        `${file} report row ${row.label}: "${note ?? 'no note'}", simulate ${s.unmonitoredAgents} unmonitored (${none.unmonitoredAgents} with nothing down)`,
      );
    if (row.allRun !== (s.managementGroupWorks && s.pools.every((x) => x.outcome === 'works')))
      bad.push(`${file} report row ${row.label}: all run ${row.allRun}, simulate disagrees`);
    row.cells.forEach((cell, i) => {
      const sp = s.pools[i]!;
      const outcome = cell.runs ? 'works' : cell.cut ? 'cut-off' : 'stops';
      const votes = cell.text.match(/\((\d+)\/(\d+)\)/);
      if (outcome !== sp.outcome || (votes && Number(votes[1]) !== sp.votesAvailable))
        bad.push(`${file} report row ${row.label}: ${sp.pool} "${cell.text}", simulate ${sp.outcome} with ${sp.votesAvailable} votes`);
    });
  }
  return bad;
}

/**
 * Skype: a pool tolerates k front-end failures (among "the first") when no k of its front ends down
 * cost it pool-level quorum in simulate and some k + 1 do; at once, the routing groups are at risk
 * past tolerableSimultaneousFailures; a pool named down is the report's what-if row, and its partner
 * carries validate's usersAfterFailover, over its sizing exactly where skype/pair-capacity says so.
 */
async function checkSkype(file: string, o: LintOutcome, tally: Tally): Promise<string[]> {
  const { model, analysis } = (o as unknown as SkypeModels).skype;
  const figures = (o.result as unknown as { pools: SkypePoolFigures[] }).pools;
  const bad: string[] = [];
  tally.files++;
  const keys = new Set([...model.pools.map((p) => p.name), ...model.pools.flatMap((p) => p.frontEnds)].map(nameKey));
  const names = [
    ...model.pools.map((p) => p.name),
    ...model.pools.flatMap((p) => p.frontEnds),
    ...skypeSites(model).filter((n) => !keys.has(nameKey(n))),
    ...skypeBackEnds(model),
  ];
  const { text } = await skypeSimulate(o as unknown as SkypeModels, request(file, names));
  const sims = new Map((JSON.parse(text) as { scenarios: SkypeScenario[] }).scenarios.map((s, i) => [names[i]!, s]));
  tally.scenarios += sims.size;
  model.pools.forEach((pool, i) => {
    const fig = figures[i]!;
    if (fig.name !== pool.name) bad.push(`${file}: pool ${i} is ${fig.name} in validate, ${pool.name} in simulate`);
    // Tolerable failures, by brute force over its front ends (pools of up to 12).
    if (pool.frontEnds.length <= BRUTE_FORCE_MEMBERS) {
      const keeps = (down: string[]) => {
        const { scenario } = simulateSkypeDown(model, analysis, 'x', down);
        tally.scenarios++;
        const f = scenario.frontEnds.find((x) => x.pool === pool.name);
        return { keeps: !scenario.poolsDown.some((d) => d.pool === pool.name), atRisk: f?.routingGroupsAtRisk ?? false };
      };
      const k = fig.tolerableFailures;
      const stops = [...subsets(pool.frontEnds, k)].find((set) => !keeps(set).keeps);
      if (stops) bad.push(`${file} ${pool.name}: tolerates ${k}, yet loses pool-level quorum with ${stops.join(', ')} down`);
      if (k + 1 <= pool.frontEnds.length && [...subsets(pool.frontEnds, k + 1)].every((set) => keeps(set).keeps))
        bad.push(`${file} ${pool.name}: tolerates ${k}, yet no ${k + 1} front ends down cost it pool-level quorum`);
      const t = fig.tolerableSimultaneousFailures;
      if ([...subsets(pool.frontEnds, t)].some((set) => keeps(set).atRisk))
        bad.push(`${file} ${pool.name}: tolerates ${t} at once, yet ${t} down put routing groups at risk`);
      if (t + 1 <= k && ![...subsets(pool.frontEnds, t + 1)].every((set) => keeps(set).atRisk))
        bad.push(`${file} ${pool.name}: tolerates ${t} at once, yet ${t + 1} down do not put routing groups at risk`);
    }
    // The pool named down: its partner carries usersAfterFailover, over its sizing where pair-capacity says so.
    const d = sims.get(pool.name)!.poolsDown.find((x) => x.pool === pool.name);
    if (!d) {
      bad.push(`${file} --down ${pool.name}: not down in simulate`);
      return;
    }
    const partner = analysis.partnerOf.get(pool);
    if (d.partnerTakesOver && partner) {
      if (d.partnerUsers !== fig.usersAfterFailover)
        bad.push(`${file} --down ${pool.name}: ${partner.name} carries ${d.partnerUsers}, usersAfterFailover ${fig.usersAfterFailover}`);
      const finding = o.result.findings.some((f) => f.ruleId === 'skype/pair-capacity' && f.pool === partner.name);
      if (d.partnerOverCapacity !== finding)
        bad.push(`${file} --down ${pool.name}: partner over its sizing ${d.partnerOverCapacity}, skype/pair-capacity on ${partner.name}: ${finding}`);
    }
  });
  // With nothing down, the pools whose users have no service are those skype/pool-not-active says no pool serves.
  const now = simulateSkypeDown(model, analysis, 'nothing down', []).scenario.usersWithoutService.map((u) => u.pool);
  const unserved = o.result.findings
    .filter((x) => x.ruleId === 'skype/pool-not-active' && (x.messageId === 'pairNotActive' || x.messageId === 'noBackupPool'))
    // A pair not Active is said once, at its second pool, naming the first as its partner.
    .flatMap((x) => [x.pool!, ...(x.messageId === 'pairNotActive' ? [String((x.data as { partner?: unknown }).partner)] : [])]);
  if (JSON.stringify([...new Set(unserved)].sort()) !== JSON.stringify([...now].sort()))
    bad.push(`${file}: without service with nothing down ${JSON.stringify(now)}, skype/pool-not-active says ${JSON.stringify(unserved)}`);
  // A failover that starts (the pool not failed over already) breaks the registrar settings, and loses unsynchronised data, exactly where the findings say so.
  model.pools.forEach((pool) => {
    const d = sims.get(pool.name)!.poolsDown.find((x) => x.pool === pool.name);
    const partner = analysis.partnerOf.get(pool);
    if (!d || !partner || !d.partnerTakesOver || d.cmdlet === null) return;
    const registrar = d.breaks.some((b) => b.startsWith('the registrar configuration is created on the fly'));
    const missing = o.result.findings.some((x) => x.ruleId === 'skype/registrar-configuration-missing' && x.messageId === 'missing' && x.pool === pool.name);
    if (registrar !== missing) bad.push(`${file} --down ${pool.name}: registrar settings lost ${registrar}, skype/registrar-configuration-missing ${missing}`);
    for (const p of [pool, partner]) {
      const backup = d.breaks.some((b) => b.startsWith(`${p.name}'s backup service`));
      const notReady = o.result.findings.some((x) => x.ruleId === 'skype/backup-not-ready' && x.pool === p.name);
      if (backup !== notReady) bad.push(`${file} --down ${pool.name}: ${p.name}'s backup service breaks it ${backup}, skype/backup-not-ready ${notReady}`);
    }
  });
  // A site down takes each of its pools down.
  for (const site of skypeSites(model)) {
    const s = sims.get(site);
    if (!s) continue;
    for (const pool of model.pools.filter((p) => p.site !== undefined && nameKey(p.site) === nameKey(site)))
      if (!s.poolsDown.some((d) => d.pool === pool.name && d.downBy === 'site')) bad.push(`${file} --down ${site}: ${pool.name} not down`);
  }
  // The report's what-if rows: each pool down alone, as simulate --down POOL judges it.
  const view = (await buildReportView(o, reportOptions)).kindView as SkypeView;
  for (const row of view.whatIf) {
    const s = sims.get(row.pool)!;
    tally.scenarios++;
    const d = s.poolsDown.find((x) => x.pool === row.pool)!;
    const ok = d.partnerTakesOver && !d.partnerOverCapacity && d.breaks.length === 0;
    if (row.ok !== ok) bad.push(`${file} report row ${row.pool}: ok ${row.ok}, simulate ${ok} (${d.breaks.join('; ')})`);
    const lost = d.usersWithoutService.reduce((n, u) => n + u.users, 0);
    const said = row.outcome.match(/: ([\d,]+) users of/);
    if ((said ? Number(said[1]!.replace(/,/g, '')) : 0) !== (d.partnerTakesOver ? 0 : lost) || (said === null) !== d.partnerTakesOver)
      bad.push(`${file} report row ${row.pool}: "${row.outcome}", simulate ${lost} users without service`);
    // The row's steps are simulate's, in its order.
    const run = d.cmdlet !== null ? [...d.runFirst, d.cmdlet] : d.partnerTakesOver ? d.runFirst : d.restoreBy;
    if (JSON.stringify(row.run) !== JSON.stringify(run))
      bad.push(`${file} report row ${row.pool}: runs ${JSON.stringify(row.run)}, simulate ${JSON.stringify(run)}`);
  }
  return bad;
}

/** The event that pulls each trigger on the Secondary (FORMAT.md, opcon-failover's `triggers`). */
const EVENT_OF_TRIGGER: Readonly<Record<string, string>> = {
  'primary-abnormal-shutdown': 'abnormal-shutdown',
  'communication-loss': 'communication-loss',
  'primary-normal-shutdown': 'normal-shutdown',
};

/**
 * OpCon: in automatic failover the Secondary fails over on an event exactly where validate lists its
 * trigger (a machine crash is a communication loss to it); two SAMs run after a communication loss
 * exactly where opcon/failover-on-communication-loss or opcon/standby-starts-automatically says they
 * may; a crash of the machine opcon/database-on-machine names leaves no SAM; `--down PRIMARY` is the
 * event machine-crash; and the report's events are simulate's.
 */
async function checkOpcon(file: string, o: LintOutcome, tally: Tally): Promise<string[]> {
  const models = o as unknown as OpconModels;
  const { model, analysis } = models.opcon;
  if (modesConflict(analysis)) return [];
  const f = analysis.failover;
  const bad: string[] = [];
  tally.files++;
  const machines = model.machines.map((m) => m.name);
  const { text } = await opconSimulate(models, { ...request(file, machines), events: [...OPCON_EVENTS] });
  const all = (JSON.parse(text) as { events: OpconEventOutcome[] }).events;
  tally.scenarios += all.length;
  const byEvent = new Map(all.slice(0, OPCON_EVENTS.length).map((e) => [e.event, e]));
  const byDown = new Map(all.slice(OPCON_EVENTS.length).map((e, i) => [machines[i]!, e]));
  const has = (ruleId: string) => o.result.findings.some((x) => x.ruleId === ruleId);
  const gist = (e: OpconEventOutcome) => JSON.stringify({ active: e.active, failedOver: e.failedOver, twoSams: e.twoSams });
  const unsynchronised = has('opcon/socket-mismatch') || has('opcon/primary-machine-mismatch');
  if (f.mode === 'automatic' && !unsynchronised) {
    for (const [trigger, event] of Object.entries(EVENT_OF_TRIGGER)) {
      const e = byEvent.get(event as OpconEventOutcome['event'])!;
      if (e.failedOver !== f.triggers.includes(trigger as (typeof f.triggers)[number]))
        bad.push(`${file} --event ${event}: failed over ${e.failedOver}, triggers ${JSON.stringify(f.triggers)}`);
    }
    const crash = byEvent.get('machine-crash')!;
    if (crash.failedOver !== f.triggers.includes('communication-loss'))
      bad.push(`${file} --event machine-crash: failed over ${crash.failedOver}, triggers ${JSON.stringify(f.triggers)}`);
  }
  const twoMay = has('opcon/failover-on-communication-loss') || has('opcon/standby-starts-automatically');
  const loss = byEvent.get('communication-loss')!;
  if (!unsynchronised && loss.twoSams !== twoMay) bad.push(`${file} --event communication-loss: two SAMs ${loss.twoSams}, findings say ${twoMay}`);
  const primary = analysis.primary!.name;
  if (gist(byDown.get(primary)!) !== gist(byEvent.get('machine-crash')!))
    bad.push(`${file}: --down ${primary} ${gist(byDown.get(primary)!)}, --event machine-crash ${gist(byEvent.get('machine-crash')!)}`);
  for (const x of o.result.findings) {
    if (x.ruleId !== 'opcon/database-on-machine' || x.messageId !== 'on') continue;
    const m = String((x.data as { machine?: unknown }).machine);
    if (byDown.get(m) && byDown.get(m)!.active.length > 0)
      bad.push(`${file} --down ${m}: ${byDown.get(m)!.active.join(', ')} active, yet opcon/database-on-machine says failover cannot help`);
  }
  // Where no finding says a crash takes the database its SAM needs, a crash of either machine leaves a SAM: the Primary after the Secondary's, the Secondary after the Primary's where a communication loss fails over.
  const lostWith = new Set(
    o.result.findings.filter((x) => x.ruleId === 'opcon/database-on-machine').map((x) => nameKey(String((x.data as { machine?: unknown }).machine))),
  );
  const secondary = analysis.secondary?.name;
  if (!unsynchronised && secondary !== undefined && lostWith.size === 0 && !has('opcon/connection-mismatch')) {
    const afterSecondary = byDown.get(secondary)!;
    if (!afterSecondary.active.includes(primary))
      bad.push(`${file} --down ${secondary}: ${gist(afterSecondary)}, yet no finding says ${primary} loses its database`);
    const afterPrimary = byDown.get(primary)!;
    if (f.mode === 'automatic' && f.triggers.includes('communication-loss') && !afterPrimary.active.includes(secondary))
      bad.push(
        `${file} --down ${primary}: ${gist(afterPrimary)}, yet ${secondary} fails over on a communication loss and no finding says it loses its database`,
      );
  }
  const view = (await buildReportView(o, reportOptions)).kindView as OpconView;
  for (const row of view.events) {
    const e = byEvent.get(row.event as OpconEventOutcome['event'])!;
    tally.scenarios++;
    const want = {
      active: e.active.length ? e.active.join(' and ') : 'none',
      twoSams: e.twoSams,
      failedOver: e.failedOver,
      steps: e.steps,
      manual: e.manualActions,
      recovery: e.recovery,
    };
    const got = { active: row.active, twoSams: row.twoSams, failedOver: row.failedOver, steps: row.steps, manual: row.manual, recovery: row.recovery };
    if (JSON.stringify(want) !== JSON.stringify(got)) bad.push(`${file} report event ${row.event}: ${JSON.stringify(got)}, simulate ${JSON.stringify(want)}`);
  }
  return bad;
}

describe('what-if agreement', () => {
  it('SCOM: single points of failure, data-centre loss, tolerable failures and the report agree with simulate', { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const { file, o } of await lintedInputs()) {
      if (o.result.kind !== 'scom' || !o.analysis) continue;
      bad.push(...(await checkScom(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(20);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });

  it("SCOM, on random designs from the seeds' shapes: the same agreement", { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const [file, text] of Object.entries(randomScomDesigns(Number(process.env['FUZZ_RUNS'] ?? 60), Number(process.env['FUZZ_SEED'] ?? 1)))) {
      const o = await lintText(text, file);
      if (o.result.kind !== 'scom' || !o.analysis) continue;
      bad.push(...(await checkScom(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(40);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });

  it('Skype: tolerable failures, users after failover and the report agree with simulate', { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const { file, o } of await lintedInputs()) {
      if (o.result.kind !== 'skype-pool-pair' || !(o as { skype?: unknown }).skype) continue;
      bad.push(...(await checkSkype(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(20);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });

  it('OpCon: triggers, the findings on two SAMs and the database, and the report agree with simulate', { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const { file, o } of await lintedInputs()) {
      if (o.result.kind !== 'opcon-failover' || !(o as { opcon?: unknown }).opcon) continue;
      bad.push(...(await checkOpcon(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(20);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });

  it("OpCon, on random designs from the seed's scenarios: the same agreement", { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const [file, text] of Object.entries(randomOpconDesigns(Number(process.env['FUZZ_RUNS'] ?? 60), Number(process.env['FUZZ_SEED'] ?? 1)))) {
      const o = await lintText(text, file);
      if (o.result.kind !== 'opcon-failover' || !(o as { opcon?: unknown }).opcon) continue;
      bad.push(...(await checkOpcon(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(40);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });

  it("Skype, on random designs from the seed's failover story: the same agreement", { timeout: 60_000 }, async () => {
    const tally: Tally = { files: 0, scenarios: 0 };
    const bad: string[] = [];
    for (const [file, text] of Object.entries(randomSkypeDesigns(Number(process.env['FUZZ_RUNS'] ?? 60), Number(process.env['FUZZ_SEED'] ?? 1)))) {
      const o = await lintText(text, file);
      if (o.result.kind !== 'skype-pool-pair' || !(o as { skype?: unknown }).skype) continue;
      bad.push(...(await checkSkype(file, o, tally)));
    }
    expect(bad).toEqual([]);
    expect(tally.files).toBeGreaterThan(40);
    expect(tally.scenarios).toBeGreaterThan(tally.files);
  });
});
