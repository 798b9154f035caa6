import { InProcessQueue } from '../adapters/local/in-process-queue.js';
import type { AlertEvent } from '../core/alerts/alert-event.js';
import { type DeliveryPolicy, type DeliveryReport, deliverAlerts } from '../core/pipeline/deliver-alerts.js';
import { finalizeRun } from '../core/pipeline/finalize-run.js';
import { type PlannedCycle, planCycle } from '../core/pipeline/plan-cycle.js';
import { type BlockOutcome, type ProcessBlockDeps, processBlock } from '../core/pipeline/process-block.js';
import type { AlertSink, HostResolver } from '../core/ports.js';
import type { InventorySource } from '../core/discovery/discovered-target.js';

export interface LocalCycleDeps extends ProcessBlockDeps {
  readonly sinks: readonly AlertSink[];
  /** Blocks probed at once (the local counterpart of the prober's maximum concurrency). */
  readonly blockConcurrency?: number;
  /** Attempts per block before it is dead-lettered, as SQS maxReceiveCount does. */
  readonly maxReceiveCount?: number;
  readonly delivery?: DeliveryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onProgress?: (progress: { done: number; total: number; endpoints: number }) => void;
  readonly runId?: string;
  /** Cloud inventory merged into the range table before planning (`run --discover`). */
  readonly discovery?: InventorySource;
  /** Resolves host rows (the system resolver, or `--resolve` names first). */
  readonly resolver?: HostResolver;
}

export interface LocalCycleResult {
  readonly plan: PlannedCycle;
  readonly outcomes: readonly BlockOutcome[];
  /** Blocks that failed every attempt (the local dead-letter queue). */
  readonly deadLetteredBlocks: readonly { readonly body: string; readonly error: string }[];
  /** Events this cycle created. */
  readonly events: readonly AlertEvent[];
  readonly delivery: DeliveryReport;
}

/**
 * One monitoring cycle on the embedded stack: the same planner, prober and notifier use cases as
 * the Lambdas, wired to an in-process queue. A block that keeps failing is dead-lettered and the
 * run is closed as incomplete at the end, as the next planner run would do on AWS.
 */
export async function runLocalCycle(deps: LocalCycleDeps): Promise<LocalCycleResult> {
  const queue = new InProcessQueue();
  const plan = await planCycle({ ...deps, queue, ...(deps.runId ? { runId: deps.runId } : {}) });
  const outcomes: BlockOutcome[] = [];
  const deadLetteredBlocks: { body: string; error: string }[] = [];
  const events: AlertEvent[] = [];
  const maxReceive = deps.maxReceiveCount ?? 3;
  let endpoints = 0;

  const worker = async (): Promise<void> => {
    for (let body = queue.receive(); body !== undefined; body = queue.receive()) {
      let lastError = '';
      for (let attempt = 1; attempt <= maxReceive; attempt++) {
        try {
          const outcome = await processBlock(body, deps);
          outcomes.push(outcome);
          events.push(...outcome.events);
          endpoints += outcome.observations.length;
          lastError = '';
          break;
        } catch (err) {
          lastError = (err as Error).message;
          deps.logger.warn('block failed', { attempt, error: lastError });
          if ((err as Error).name === 'InputError') break;
        }
      }
      if (lastError) deadLetteredBlocks.push({ body, error: lastError });
      deps.onProgress?.({ done: outcomes.length + deadLetteredBlocks.length, total: plan.blocks, endpoints });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.blockConcurrency ?? 2) }, worker));

  const run = await deps.store.getRun(plan.runId);
  if (run && (run.status === 'running' || run.status === 'finalizing')) {
    events.push(...(await finalizeRun(plan.runId, 'incomplete', deps)));
  }
  const delivery = await deliverAlerts({
    outbox: deps.store,
    runs: deps.store,
    sinks: deps.sinks,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.delivery ? { policy: deps.delivery } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    ...(deps.settings.routes ? { routes: new Set(deps.settings.routes.routes.map((r) => r.name)) } : {}),
  });
  return { plan, outcomes, deadLetteredBlocks, events: dedupeById(events), delivery };
}

function dedupeById(events: readonly AlertEvent[]): AlertEvent[] {
  const seen = new Map<string, AlertEvent>();
  for (const e of events) seen.set(e.id, e);
  return [...seen.values()];
}
