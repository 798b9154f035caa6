import type { Logger, RangeRegistry } from '../ports.js';
import type { AddressPolicy } from '../targets/address-policy.js';
import type { DiscoveryProblem, InventorySource } from './discovered-target.js';
import { reconcileDiscovered } from './reconcile.js';

export interface DiscoverySync {
  /** Every problem of this discovery, each already logged with its source, account and value. */
  readonly problems: readonly DiscoveryProblem[];
  readonly targets: number;
  readonly added: number;
  readonly removed: number;
  /** Discovered rows not reported this time but kept because their source failed. */
  readonly kept: number;
}

/**
 * Runs one discovery and merges it into the range table. Never throws: a discovery that fails
 * outright is one problem, and then no discovered row is deleted (the last good discovery stands).
 */
export async function syncDiscoveredRows(
  discovery: InventorySource,
  registry: RangeRegistry,
  logger: Logger,
  options: { readonly policy?: AddressPolicy; readonly maxRows?: number } = {},
): Promise<DiscoverySync> {
  const problems: DiscoveryProblem[] = [];
  const report = (p: DiscoveryProblem): void => {
    problems.push(p);
    logger.warn(`discovery problem: ${p.source}${p.account ? ` in account ${p.account}` : ''}: ${p.error}`, { source: p.source, ...(p.account ? { account: p.account } : {}), error: p.error });
  };
  let result;
  try {
    result = await discovery.discover();
  } catch (err) {
    // Every source failed as far as we know: keep every discovered row.
    result = { targets: [], problems: [{ source: 'discovery', error: `discovery failed: ${(err as Error).message}` }] };
  }
  for (const p of result.problems) report(p);
  let rows: unknown[];
  try {
    rows = await registry.listRangeRows();
  } catch (err) {
    report({ source: 'discovery', error: `could not read the range table to merge discovered targets: ${(err as Error).message}` });
    return { problems, targets: result.targets.length, added: 0, removed: 0, kept: 0 };
  }
  const plan = reconcileDiscovered(rows, result, options);
  for (const p of plan.problems) report(p);
  for (const s of plan.skipped) {
    if (s.problem) report({ source: s.source, account: s.account, error: s.reason });
    else logger.info('discovered target left to a manual row', { target: s.target, source: s.source, account: s.account, reason: s.reason });
  }
  let added = 0;
  for (const row of plan.put) {
    try {
      // A manual row written since the table was read wins: discovery then writes nothing.
      if ((await registry.putRangeRow(row, { discoveredOnly: true })) === false) {
        logger.info('discovered target left to a manual row', { target: row.cidr, source: row.source, reason: 'a manual row was added meanwhile' });
        continue;
      }
      added++;
    } catch (err) {
      report({ source: row.source ?? 'discovery', ...(row.account ? { account: row.account } : {}), error: `could not write discovered row ${row.cidr}: ${(err as Error).message}` });
    }
  }
  let removed = 0;
  for (const key of plan.delete) {
    try {
      if (!(await registry.deleteRangeRow(key, { discoveredOnly: true }))) continue;
      removed++;
      logger.info('discovered row removed: its resource is gone', { row: key });
    } catch (err) {
      report({ source: 'discovery', error: `could not delete discovered row ${key}: ${(err as Error).message}` });
    }
  }
  logger.info('discovery merged', { targets: result.targets.length, written: added, removed, kept: plan.kept.length, problems: problems.length });
  return { problems, targets: result.targets.length, added, removed, kept: plan.kept.length };
}
