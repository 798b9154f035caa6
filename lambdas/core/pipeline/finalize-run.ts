import { type AlertEvent, endpointKey } from '../alerts/alert-event.js';
import { fromPlannedRange } from '../planning/planned-range.js';
import { planBlocks } from '../planning/plan-blocks.js';
import type { Logger, StateStore } from '../ports.js';
import { parseAddress } from '../targets/address.js';
import { buildRunIncompleteEvent, decideMiss } from '../state/transitions.js';
import { isOpenAuth } from '../state/endpoint-record.js';
import { applyEndpointTransition, flushPendingEvents } from './record-sighting.js';
import type { Clock, MonitorSettings } from './monitor-settings.js';

export interface FinalizeDeps {
  readonly store: StateStore;
  readonly settings: MonitorSettings;
  readonly clock: Clock;
  readonly logger: Logger;
}

interface CoveredBlock {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
  readonly ports: ReadonlySet<number>;
}

/**
 * What a host row's blocks say about its name, per port: `finished` when every block of the name
 * on that port finished in this run (the name resolved and each of its addresses was probed).
 */
type HostCoverage = Map<string, Map<number, { planned: number; finished: number }>>;

/**
 * Closes a run. Endpoints not seen in it count a miss only where the block covering them
 * finished in this run: a block that failed or never ran says nothing about its endpoints, so a
 * failed scan never produces a false `gone`. An incomplete run also emits `run.incomplete`.
 */
export async function finalizeRun(runId: string, status: 'complete' | 'incomplete', deps: FinalizeDeps): Promise<AlertEvent[]> {
  const { store, settings, logger } = deps;
  const run = await store.getRun(runId);
  if (!run || run.status === 'complete' || run.status === 'incomplete') return [];
  if (status === 'complete' && !(await store.claimFinalize(runId))) return [];
  const at = deps.clock().toISOString();
  const done = await store.doneBlocks(runId);
  const covered: CoveredBlock[] = [];
  const hosts: HostCoverage = new Map();
  for (const block of planBlocks(run.ranges.map(fromPlannedRange), runId, run.blockSize)) {
    if (block.host) {
      const ports = hosts.get(block.host) ?? new Map<number, { planned: number; finished: number }>();
      for (const port of block.ports) {
        const tally = ports.get(port) ?? { planned: 0, finished: 0 };
        ports.set(port, { planned: tally.planned + 1, finished: tally.finished + (done.has(block.blockId) ? 1 : 0) });
      }
      hosts.set(block.host, ports);
      continue;
    }
    if (!done.has(block.blockId)) continue;
    const start = parseAddress(block.start);
    covered.push({ family: start.family, first: start.value, last: start.value + BigInt(block.count - 1), ports: new Set(block.ports) });
  }
  const events: AlertEvent[] = [];
  const endpoints = await store.listEndpoints();
  for (const endpoint of endpoints) {
    if (endpoint.pendingEvents) await flushPendingEvents(store, endpoint);
    if (endpoint.status !== 'open' || endpoint.lastSeenRunId === runId) continue;
    if (!isCoveredBy(endpoint, covered, hosts)) continue;
    events.push(
      ...(await applyEndpointTransition(store, endpoint.ip, endpoint.port, endpoint.host, (previous) =>
        previous ? decideMiss(previous, { runId, at, goneAfterMisses: settings.goneAfterMisses }) : { events: [] },
      )),
    );
  }
  if (status === 'incomplete') {
    const event = buildRunIncompleteEvent(
      runId,
      at,
      `run ${runId} finished ${done.size} of ${run.blocksTotal} blocks; endpoints in the unfinished blocks keep their last known state`,
    );
    await store.addAlert(event);
    events.push(event);
  }
  // The tally after this run's misses (the report's trend), from the list already read: finalize
  // changes no auth, and the only status it changes is open -> gone, which its events name.
  const goneNow = new Set(events.filter((e) => e.type === 'endpoint.gone' && e.endpoint).map((e) => endpointKey(e.endpoint as { ip: string; port: number; host?: string })));
  const known = endpoints.filter((e) => e.status === 'open' && !goneNow.has(endpointKey(e)));
  await store.closeRun(runId, status, at, { unauthenticated: known.filter((e) => isOpenAuth(e.auth)).length, endpoints: known.length });
  logger.info('run closed', { runId, status, blocksDone: done.size, blocksTotal: run.blocksTotal, events: events.length });
  return events;
}

/**
 * Whether this run's finished blocks say the endpoint should have been seen. An endpoint of a host
 * row (its range is its name) is covered when its name resolved and every block of the name on
 * its port finished: the name may have moved to another address, and then the old one is missing.
 * A name that did not resolve plans no block, so its endpoints are never missed for it. Any other
 * endpoint, by address or by a certificate name, is covered by the address block it lies in.
 */
function isCoveredBy(endpoint: { ip: string; port: number; host?: string; range: string }, covered: readonly CoveredBlock[], hosts: HostCoverage): boolean {
  if (endpoint.host !== undefined && endpoint.range === endpoint.host) {
    const tally = hosts.get(endpoint.host)?.get(endpoint.port);
    return tally !== undefined && tally.planned > 0 && tally.finished === tally.planned;
  }
  const address = parseAddress(endpoint.ip);
  return covered.some((b) => b.family === address.family && b.first <= address.value && address.value <= b.last && b.ports.has(endpoint.port));
}
