// Schedule (or `run --aws`) -> planCycle (core) -> block messages on the probe queue.
import { SQSClient } from '@aws-sdk/client-sqs';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { SqsBlockQueue } from '../adapters/aws/sqs-block-queue.js';
import { type Clock, systemClock } from '../core/pipeline/monitor-settings.js';
import { type PlannedCycle, planCycle } from '../core/pipeline/plan-cycle.js';
import type { BlockQueue, HostResolver, Logger, StateStore } from '../core/ports.js';
import { systemResolver } from '../adapters/dns/system-resolver.js';
import type { MonitorSettings } from '../core/pipeline/monitor-settings.js';
import { awsStateStore } from '../shared/aws-stores.js';
import { loadMonitorSettings, requiredEnv } from '../shared/config.js';
import { ENV } from '../shared/env.js';
import { lambdaLogger } from '../shared/lambda-logger.js';
import { countMetric, lambdaMetrics } from '../shared/metrics.js';
import type { InventorySource } from '../core/discovery/discovered-target.js';
import { awsDiscovery, loadDiscoverySettings } from '../shared/discovery-config.js';

export interface PlannerDeps {
  readonly store: StateStore;
  readonly queue: BlockQueue;
  readonly settings: MonitorSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Resolves host rows: the system resolver (Lambda's VPC or Route 53 Resolver) on AWS. */
  readonly resolver?: HostResolver;
  /** Cloud inventory merged into the range table each cycle (context `discover`). */
  readonly discovery?: InventorySource;
}

export type PlannerResult = Pick<PlannedCycle, 'runId' | 'blocks' | 'addresses' | 'ranges' | 'rangeProblems' | 'closedRuns'>;

export const makeHandler =
  (getDeps: () => PlannerDeps) =>
  async (_event: unknown): Promise<PlannerResult> => {
    const deps = getDeps();
    const plan = await planCycle(deps);
    if (deps.metrics) {
      countMetric(deps.metrics, 'Runs', 1);
      // One visible notice per cycle for bad range rows (the log names each one): an alarm on this.
      // Host rows count too: a name that did not resolve, or resolved to a refused address (logged per name).
      countMetric(deps.metrics, 'RangeRowsRejected', plan.rangeProblems.length + plan.unresolvedHosts.length + plan.hostProblems.length);
      // Sources, accounts or values discovery could not read this cycle (each logged): an alarm on this.
      if (deps.discovery) {
        countMetric(deps.metrics, 'DiscoveryProblems', plan.discoveryProblems);
        countMetric(deps.metrics, 'DiscoveredTargets', plan.discoveredTargets);
      }
      deps.metrics.publishStoredMetrics();
    }
    return { runId: plan.runId, blocks: plan.blocks, addresses: plan.addresses, ranges: plan.ranges, rangeProblems: plan.rangeProblems, closedRuns: plan.closedRuns };
  };

let deps: PlannerDeps | undefined;
function awsDeps(): PlannerDeps {
  const discovery = loadDiscoverySettings(process.env);
  deps ??= {
    store: awsStateStore(process.env),
    ...(discovery ? { discovery: awsDiscovery(discovery, systemResolver).inventory } : {}),
    queue: new SqsBlockQueue({ client: new SQSClient({}), queueUrl: requiredEnv(process.env, ENV.PROBE_QUEUE_URL) }),
    settings: loadMonitorSettings(process.env),
    clock: systemClock,
    logger: lambdaLogger('planner'),
    resolver: systemResolver,
    metrics: lambdaMetrics('planner'),
  };
  return deps;
}

export const handler = makeHandler(awsDeps);
