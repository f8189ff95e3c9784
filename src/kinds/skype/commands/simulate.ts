/** `simulate --down` for Skype for Business: the command over the kind's failure model (analysis/failover.ts). */
import { namesIn } from '../../../core/model.js';
import { PooltopoError } from '../../../util/errors.js';
import { closest } from '../../../util/suggest.js';
import type { SimulateRequest } from '../../../core/kind.js';
import type { SkypeModels } from '../results.js';
import { clip } from '../../../core/rule.js';
import { scenarioFails, simulateSkypeDown, skypeBackEnds, skypeNames, skypeSites } from '../analysis/failover.js';
import { formatSkypeScenarios } from './simulate-format.js';
import { backEndOf, poolsByKey } from '../analysis/back-end.js';

export { formatSkypeScenarios } from './simulate-format.js';
export {
  scenarioFails,
  simulateSkypeDown,
  skypeBackEnds,
  skypeNames,
  skypeSites,
  type SkypeFrontEndsDown,
  type SkypeOverCapacity,
  type SkypePoolDown,
  type SkypeScenario,
  type SkypeStranded,
  type UsersOf,
} from '../analysis/failover.js';

/** What --down takes for this kind. */
const DOWN = 'POOL|FRONT-END|SITE|POOL/back-end[,...]';

/** `simulate` for this kind (the plug-in loads this module only then). */
export async function simulateCommand(models: Partial<SkypeModels>, request: SimulateRequest): Promise<{ text: string; exitCode: number }> {
  if (request.events.length > 0 || request.partitions.length > 0) throw new PooltopoError(`for kind skype-pool-pair, simulate takes --down ${DOWN}`);
  if (request.downs.length === 0) throw new PooltopoError(`simulate needs --down ${DOWN} for kind skype-pool-pair`);
  const { model, analysis } = models.skype!;
  const scenarios = request.downs.map((list) => {
    const names = namesIn(list);
    // A list of nothing is bad usage (CLI.md: exit 2), not a scenario in which nothing is down.
    if (names.length === 0) throw new PooltopoError(`--down names no pool, front end, site or back end; give at least one: --down ${DOWN}`);
    const { scenario, unknown, ambiguous, ownBackEnd } = simulateSkypeDown(model, analysis, `${names.join(', ')} down`, names);
    if (ambiguous.length > 0)
      throw new PooltopoError(
        `"${clip(ambiguous[0]!)}" is both a site and a pool or front end of ${request.file}: rename one so that a scenario can tell which is down`,
      );
    if (ownBackEnd.length > 0) {
      const server = backEndOf(poolsByKey(model), ownBackEnd[0]!)?.frontEnds[0] ?? '';
      throw new PooltopoError(
        `"${clip(ownBackEnd[0]!)}": a Standard Edition server holds its own back-end databases; take the server down instead (--down ${clip(server)})`,
      );
    }
    if (unknown.length > 0) {
      const near = closest(unknown[0]!, [...skypeNames(model), ...skypeSites(model), ...skypeBackEnds(model)], 3);
      throw new PooltopoError(
        `"${clip(unknown[0]!)}" is not a pool, front end, site or POOL/back-end of ${request.file}${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''}`,
      );
    }
    return scenario;
  });
  return {
    text: formatSkypeScenarios(
      request.file,
      scenarios,
      request.format,
      request.color,
      model.pools.map((p) => p.name),
    ),
    exitCode: scenarios.some(scenarioFails) ? 1 : 0,
  };
}
