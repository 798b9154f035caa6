import type { BlockMessage } from '../planning/block-message.js';
import { countBlocks, planBlocks } from '../planning/plan-blocks.js';
import { toPlannedRange } from '../planning/planned-range.js';
import type { BlockQueue, HostResolver, Logger, RunRecord, StateStore } from '../ports.js';
import { InputError } from '../targets/address.js';
import { intervalSize } from '../targets/cidr.js';
import { deduplicateRanges, isMonitoredHost, isRowDisabled, type MonitoredHost, type MonitoredRange, validateMonitoredRow } from '../targets/range-row.js';
import { resolveHostRows, type UnresolvedHost } from '../targets/resolve-host-rows.js';
import { alertId, ALERT_SCHEMA, type AlertEvent } from '../alerts/alert-event.js';
import { finalizeRun } from './finalize-run.js';
import { DEFAULT_ROUTE_TABLE, resolveRoute } from '../routing/route-table.js';
import { type Clock, type MonitorSettings, newRunId } from './monitor-settings.js';
import type { InventorySource } from '../discovery/discovered-target.js';
import { syncDiscoveredRows } from '../discovery/sync-discovered.js';
import { dropManuallyExcluded } from '../discovery/manual-exclusions.js';

export interface PlanCycleDeps {
  readonly store: StateStore;
  readonly queue: BlockQueue;
  readonly settings: MonitorSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly runId?: string;
  /** Cloud inventory: merged into the range table at the start of every cycle (see core/discovery). */
  readonly discovery?: InventorySource;
  /** Resolves host rows (the system resolver in production; a map or a loopback DNS server in tests). */
  readonly resolver?: HostResolver;
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
  /** Host rows whose name gave no address this cycle (their endpoints keep their last state). */
  readonly unresolvedHosts: readonly RangeProblem[];
  /** Addresses of host rows skipped (refused by the address policy, past the per-name cap). */
  readonly hostProblems: readonly RangeProblem[];
  /** Discovery problems this cycle (a source, an account or a value that failed; each logged). 0 without discovery. */
  readonly discoveryProblems: number;
  /** Targets the inventory listed this cycle (0 without discovery): the dashboard's discovered count. */
  readonly discoveredTargets: number;
}

/** The warnings planning logs about rows; a command that prints them itself need not log them too. */
export const PLAN_WARNINGS = ['range row skipped', 'range row names an unknown route', 'host row address skipped', 'host row did not resolve'] as const;

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

  // Discovery first, so this cycle plans what the inventory holds now; its failures never stop the cycle.
  const discovery = deps.discovery ? await syncDiscoveredRows(deps.discovery, store, logger, { policy: settings.policy }) : undefined;
  const discoveryProblems = discovery?.problems.length ?? 0;

  const read = await readMonitoredRanges(store, settings);
  const { problems, routeProblems } = read;
  const named = await resolveHostRows(read.hosts, deps.resolver, settings.policy);
  for (const w of named.warnings) logger.warn('host row address skipped', { row: w.row, error: w.error });
  for (const u of named.unresolved) logger.warn('host row did not resolve', { row: u.row.host, error: u.reason });
  // A manual row's exclusions hold for the addresses discovered names resolve to, too.
  const spared = dropManuallyExcluded(named.ranges, read.ranges);
  for (const x of spared.excluded) logger.info('discovered name address not probed', { row: x.host, address: x.address, reason: x.reason });
  const ranges = deduplicateRanges([...read.ranges, ...spared.kept]);
  // Compared with the run before, so a name that stays unresolved is reported once, not every cycle.
  // By start time: run ids order only to the second (two runs in one second sort by their suffix).
  const previousRun = (await store.listRecentRuns(10)).reduce<RunRecord | undefined>((latest, r) => (!latest || r.startedAt > latest.startedAt ? r : latest), undefined);
  const unresolvedBefore = new Set(previousRun?.unresolvedHosts ?? []);
  for (const p of problems) logger.warn('range row skipped', { row: p.row, error: p.error });
  for (const p of routeProblems) logger.warn('range row names an unknown route', { row: p.row, error: p.error });
  const runId = deps.runId ?? newRunId(now);
  let addresses = 0;
  for (const range of ranges) for (const interval of range.intervals) addresses += Number(intervalSize(interval));
  // Counted as planBlocks cuts them (port sets larger than a block's ports take more blocks): the
  // run completes when exactly this many are done, so a miscount would close it early.
  const blocksTotal = countBlocks(ranges, settings.blockSize);
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
    ...(named.unresolved.length > 0 ? { unresolvedHosts: named.unresolved.map((u) => u.row.host) } : {}),
  });
  for (const u of named.unresolved) {
    if (!unresolvedBefore.has(u.row.host)) await store.addAlert(buildTargetUnresolvedEvent(u, runId, now.toISOString()));
  }
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
  return {
    runId,
    blocks: blocksTotal,
    addresses,
    ranges: ranges.length,
    rangeProblems: problems,
    routeProblems,
    closedRuns,
    unresolvedHosts: named.unresolved.map((u) => ({ row: u.row.host, error: u.reason })),
    hostProblems: named.warnings,
    discoveryProblems,
    discoveredTargets: discovery?.targets ?? 0,
  };
}

/** Reads the range table and validates every enabled row; bad rows become problems, not crashes. */
export async function readMonitoredRanges(
  store: Pick<StateStore, 'listRangeRows'>,
  settings: MonitorSettings,
): Promise<{ ranges: MonitoredRange[]; hosts: MonitoredHost[]; problems: RangeProblem[]; routeProblems: RangeProblem[] }> {
  const valid: MonitoredRange[] = [];
  const hosts: MonitoredHost[] = [];
  const problems: RangeProblem[] = [];
  const table = settings.routes ?? DEFAULT_ROUTE_TABLE;
  const routeProblems: RangeProblem[] = [];
  for (const raw of await store.listRangeRows()) {
    if (isRowDisabled(raw)) continue;
    try {
      const row = validateMonitoredRow(raw, settings.policy, settings.defaultPorts, settings.portSets);
      const { route, problem } = resolveRoute(table, row);
      // An unknown route is reported, and the range is still scanned and alerts (default route).
      if (problem) routeProblems.push({ row: isMonitoredHost(row) ? row.host : row.cidr.text, error: problem });
      if (isMonitoredHost(row)) hosts.push({ ...row, route });
      else valid.push({ ...row, route });
    } catch (err) {
      const cidr = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).cidr : undefined;
      problems.push({ row: typeof cidr === 'string' ? cidr : describeRow(raw), error: (err as Error).message });
    }
  }
  return { ranges: deduplicateRanges(valid), hosts, problems, routeProblems };
}

/**
 * `target.unresolved` (info): a host row's name gave no address this cycle. Its endpoints are not
 * reported gone while it stays so; the event goes out once, when it stops resolving.
 */
function buildTargetUnresolvedEvent(u: UnresolvedHost, runId: string, at: string): AlertEvent {
  return {
    schema: ALERT_SCHEMA,
    id: alertId('target.unresolved', u.row.host, runId),
    type: 'target.unresolved',
    severity: 'info',
    runId,
    at,
    target: { host: u.row.host, ...(u.row.label ? { label: u.row.label } : {}), ...(u.row.owner ? { owner: u.row.owner } : {}) },
    evidence: `${u.reason}; its endpoints keep their last known state until it resolves again`,
    ...(u.row.route ? { route: u.row.route } : {}),
  };
}

/** A short label for a row without a usable cidr; never throws (rows may hold BigInts or odd objects). */
function describeRow(raw: unknown): string {
  try {
    return (JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(raw)).slice(0, 80);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}
