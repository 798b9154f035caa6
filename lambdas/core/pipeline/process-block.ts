import type { AlertEvent } from '../alerts/alert-event.js';
import type { CatalogEntry } from '../fingerprint/catalog-schema.js';
import { parseBlockMessage } from '../planning/parse-block-message.js';
import type { HeaderSecrets, Logger, StateStore } from '../ports.js';
import { type Observation, type ProbeOptions, type ProbeReport, probeTargets } from '../probing/probe-targets.js';
import { addOffset, formatAddress, parseAddress } from '../targets/address.js';
import { checkRangeAllowed } from '../targets/address-policy.js';
import { parseCidr } from '../targets/cidr.js';
import type { SweepTarget } from '../probing/tcp-sweep.js';
import { decideSighting } from '../state/transitions.js';
import { finalizeRun } from './finalize-run.js';
import type { Clock, MonitorSettings } from './monitor-settings.js';
import { applyEndpointTransition } from './record-sighting.js';
import type { OwnershipCheck } from '../discovery/discovered-target.js';
import { gateOnOwnership, type OwnershipCache, previousForDecision } from '../discovery/ownership-gate.js';

export interface ProcessBlockDeps {
  readonly store: StateStore;
  readonly catalog: readonly CatalogEntry[];
  readonly probe: ProbeOptions;
  readonly settings: MonitorSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Asked before a discovered row's endpoint announces itself (see ownership-gate.ts); manual rows are never checked. */
  readonly ownership?: OwnershipCheck;
  /** Reads the proxy headers a range row names (see RangeRow.headersSecret). */
  readonly headerSecrets?: HeaderSecrets;
}

export interface BlockOutcome {
  readonly runId: string;
  readonly blockId: number;
  /** False when the run was already closed: the message was stale and nothing was probed. */
  readonly probed: boolean;
  /** False when the block budget ran out: the block is not counted as done. */
  readonly complete?: boolean;
  readonly observations: readonly Observation[];
  readonly events: readonly AlertEvent[];
  readonly report?: ProbeReport;
}

/**
 * The prober's use case: validate one block message, sweep and fingerprint it, record each AI
 * endpoint (conditional writes decide the transitions), mark the block done, and finalize the run
 * when this was its last block. Safe to run twice for the same message.
 */
export async function processBlock(body: unknown, deps: ProcessBlockDeps): Promise<BlockOutcome> {
  const block = parseBlockMessage(body);
  // Checked again here, not only when planning: the prober must never probe a forbidden address.
  // A host block's range is a name: its one address is what must pass.
  checkRangeAllowed(parseCidr(block.host ? block.start : block.range), deps.settings.policy);
  const run = await deps.store.getRun(block.runId);
  if (!run || run.status === 'complete' || run.status === 'incomplete') {
    deps.logger.warn('block of a closed or unknown run skipped', { runId: block.runId, blockId: block.blockId });
    return { runId: block.runId, blockId: block.blockId, probed: false, observations: [], events: [] };
  }
  // A range's own politeness cap applies when it is lower than the deployment's.
  let probe = block.rate && !(deps.probe.ratePerSecond && deps.probe.ratePerSecond < block.rate) ? { ...deps.probe, ratePerSecond: block.rate } : deps.probe;
  if (block.domains) probe = { ...probe, certificateDomains: [...new Set([...(probe.certificateDomains ?? []), ...block.domains])] };
  if (block.pathPrefix) probe = { ...probe, pathPrefix: block.pathPrefix };
  if (block.headersSecret) {
    // Without the headers its proxy needs, the block would see nothing and report its endpoints
    // gone: a secret that cannot be read fails the block (retried, then the run is incomplete).
    if (!deps.headerSecrets) throw new Error(`block ${block.blockId}: range ${block.range} needs header secret ${block.headersSecret}, and no header secret store is configured`);
    probe = { ...probe, requestHeaders: await deps.headerSecrets.headers(block.headersSecret) };
  }
  const host = block.host;
  const report = await probeTargets(blockTargets(block.start, block.count, block.ports), deps.catalog, probe, host ? () => [host] : undefined);
  const at = deps.clock().toISOString();
  const events: AlertEvent[] = [];
  const ownershipCache: OwnershipCache = new Map();
  const discovered = block.discovered;
  for (const obs of report.observations) {
    events.push(
      ...(await applyEndpointTransition(deps.store, obs.ip, obs.port, obs.host, async (previous) =>
        gateOnOwnership(
          decideSighting(previousForDecision(previous, block.runId), obs, {
          runId: block.runId,
          at,
          range: block.range,
          ...(block.label ? { label: block.label } : {}),
          ...(block.muted ? { muted: true } : {}),
          ...(block.owner ? { owner: block.owner } : {}),
          ...(block.route ? { route: block.route } : {}),
          ...(discovered ? { discovered } : {}),
        }),
          discovered ? { ...discovered, address: obs.ip, ...(obs.host ? { host: obs.host } : {}) } : undefined,
          deps.ownership,
          { at, logger: deps.logger, cache: ownershipCache },
        ),
      )),
    );
  }
  if (report.abandoned > 0) {
    // Not marked done: the run closes as incomplete, so nothing in this block is reported gone.
    deps.logger.warn('block budget spent before every open port was fingerprinted', {
      runId: block.runId,
      blockId: block.blockId,
      abandoned: report.abandoned,
    });
    return { runId: block.runId, blockId: block.blockId, probed: true, complete: false, observations: report.observations, events, report };
  }
  const progress = await deps.store.markBlockDone(block.runId, block.blockId);
  if (progress.done >= progress.total) {
    events.push(...(await finalizeRun(block.runId, 'complete', deps)));
  }
  deps.logger.info('block probed', {
    runId: block.runId,
    blockId: block.blockId,
    targets: report.sweep.attempted,
    open: report.sweep.open,
    aiEndpoints: report.observations.length,
    httpRequests: report.httpRequests,
    events: events.length,
  });
  return { runId: block.runId, blockId: block.blockId, probed: true, observations: report.observations, events, report };
}

/** The (address, port) pairs of a block, generated lazily: a block is never expanded in memory. */
export function* blockTargets(start: string, count: number, ports: readonly number[]): Generator<SweepTarget> {
  const first = parseAddress(start);
  for (let i = 0; i < count; i++) {
    const host = formatAddress(addOffset(first, i));
    for (const port of ports) yield { host, port };
  }
}
