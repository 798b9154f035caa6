import type { BlockMessage } from '../planning/block-message.js';
import { planBlocks } from '../planning/plan-blocks.js';
import { toPlannedRange } from '../planning/planned-range.js';
import type { BlockQueue, Logger, StateStore } from '../ports.js';
import { InputError } from '../targets/address.js';
import { intervalSize } from '../targets/cidr.js';
import { deduplicateRanges, isRowDisabled, type MonitoredRange, validateRangeRow } from '../targets/range-row.js';
import { finalizeRun } from './finalize-run.js';
import { DEFAULT_ROUTE_TABLE, resolveRoute } from '../routing/route-table.js';
import { type Clock, type MonitorSettings, newRunId } from './monitor-settings.js';

export interface PlanCycleDeps {
  readonly store: StateStore;
  readonly queue: BlockQueue;
  readonly settings: MonitorSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly runId?: string;
}

export interface RangeProblem {
  readonly row: string;
  readonly error: string;
}

export interface PlannedCycle {
  readonly runId: string;
  readonly blocks: number;
  readonly addresses: number;
  readonly ranges: number;
  /** Rows that could not be planned; each is reported once per cycle, the rest still runs. */
  readonly rangeProblems: readonly RangeProblem[];
  /** Rows planned on the default route because the route they name is not configured. */
  readonly routeProblems: readonly RangeProblem[];
  /** Earlier runs that never finished and were closed as incomplete by this one. */
  readonly closedRuns: readonly string[];
}

/** Most blocks one run can track (its finished-block set lives in one item). */
export const MAX_BLOCKS_PER_RUN = 60_000;

/** Messages handed to the queue per call: bounds memory while planning large ranges. */
const SEND_CHUNK = 500;

/**
 * Starts a cycle: closes runs that never finished, reads and validates the range table, records
 * the run, and queues its blocks. Planning is O(blocks), never O(addresses).
 */
export async function planCycle(deps: PlanCycleDeps): Promise<PlannedCycle> {
  const { store, settings, logger } = deps;
  const now = deps.clock();
  const closedRuns: string[] = [];
  for (const stale of await store.listOpenRuns()) {
    // A run still open when the next one starts had blocks that never finished (dead-lettered or
    // lost): close it as incomplete, so its unseen endpoints are not reported gone.
    await finalizeRun(stale.runId, 'incomplete', { store, settings, clock: deps.clock, logger });
    closedRuns.push(stale.runId);
  }

  const { ranges, problems, routeProblems } = await readMonitoredRanges(store, settings);
  for (const p of problems) logger.warn('range row skipped', { row: p.row, error: p.error });
  for (const p of routeProblems) logger.warn('range row names an unknown route', { row: p.row, error: p.error });
  const runId = deps.runId ?? newRunId(now);
  let blocksTotal = 0;
  let addresses = 0;
  for (const range of ranges) {
    for (const interval of range.intervals) {
      const size = Number(intervalSize(interval));
      addresses += size;
      blocksTotal += Math.ceil(size / settings.blockSize);
    }
  }
  if (blocksTotal > MAX_BLOCKS_PER_RUN) {
    // The run item keeps the set of finished block ids (about 5 bytes each) under DynamoDB's 400 KB.
    throw new InputError(
      `the registered ranges make ${blocksTotal} blocks of ${settings.blockSize} addresses; a run holds at most ${MAX_BLOCKS_PER_RUN}: raise the block size or split the registry`,
    );
  }
  await store.createRun({
    runId,
    startedAt: now.toISOString(),
    status: 'running',
    ranges: ranges.map(toPlannedRange),
    blockSize: settings.blockSize,
    blocksTotal,
    blocksDone: 0,
  });
  let chunk: BlockMessage[] = [];
  for (const block of planBlocks(ranges, runId, settings.blockSize)) {
    chunk.push(block);
    if (chunk.length >= SEND_CHUNK) {
      await deps.queue.sendBlocks(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await deps.queue.sendBlocks(chunk);
  if (blocksTotal === 0) await finalizeRun(runId, 'complete', { store, settings, clock: deps.clock, logger });
  logger.info('cycle planned', { runId, blocks: blocksTotal, addresses, ranges: ranges.length, problems: problems.length });
  return { runId, blocks: blocksTotal, addresses, ranges: ranges.length, rangeProblems: problems, routeProblems, closedRuns };
}

/** Reads the range table and validates every enabled row; bad rows become problems, not crashes. */
export async function readMonitoredRanges(
  store: Pick<StateStore, 'listRangeRows'>,
  settings: MonitorSettings,
): Promise<{ ranges: MonitoredRange[]; problems: RangeProblem[]; routeProblems: RangeProblem[] }> {
  const valid: MonitoredRange[] = [];
  const problems: RangeProblem[] = [];
  const table = settings.routes ?? DEFAULT_ROUTE_TABLE;
  const routeProblems: RangeProblem[] = [];
  for (const raw of await store.listRangeRows()) {
    if (isRowDisabled(raw)) continue;
    try {
      const range = validateRangeRow(raw, settings.policy, settings.defaultPorts, settings.portSets);
      const { route, problem } = resolveRoute(table, range);
      // An unknown route is reported, and the range is still scanned and alerts (default route).
      if (problem) routeProblems.push({ row: range.cidr.text, error: problem });
      valid.push({ ...range, route });
    } catch (err) {
      const cidr = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).cidr : undefined;
      problems.push({ row: typeof cidr === 'string' ? cidr : describeRow(raw), error: (err as Error).message });
    }
  }
  return { ranges: deduplicateRanges(valid), problems, routeProblems };
}

/** A short label for a row without a usable cidr; never throws (rows may hold BigInts or odd objects). */
function describeRow(raw: unknown): string {
  try {
    return (JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(raw)).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}
