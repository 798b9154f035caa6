// The cost of a cycle from what the cloud stage measured (cloud-stage.ts), not from the model:
// billed Lambda seconds, invocations, SendMessageBatch calls, DynamoDB request units and log bytes
// as counted. Larger ranges and more ports are scaled from the measured per-block and per-probe
// figures (each row says so: see scaledBill); the "every address filtered" rows add the one thing loopback cannot
// show, probes waiting out their connect timeout, as the model does. Prices: cost-model.ts PRICES.
import { blockShape, DEFAULT_BLOCK_SIZE } from '../../lambdas/core/planning/plan-blocks.js';
import { CLOUD_DEFAULTS, type CloudFigures, type InvocationFigures, vcpuShare } from './cloud-stage.js';
import { PRICES } from './cost-model.js';

/** SNS publishes (first million a month free; list price after). */
const SNS_PUBLISH = 0.5 / 1e6;
/** Lambda's START, END and REPORT lines per invocation, bytes (not written by the handler). */
const PLATFORM_LOG_BYTES = 350;
const CYCLES_PER_MONTH = 120;

export interface CycleBill {
  readonly label: string;
  readonly blocks: number;
  readonly gbSeconds: number;
  readonly invocations: number;
  readonly sqsRequests: number;
  readonly readUnits: number;
  readonly writeUnits: number;
  /** Planner, then the blocks `maxConcurrency` at a time, then the notifier. */
  readonly wallS: number;
  readonly dollars: number;
}

function price(label: string, b: Omit<CycleBill, 'label' | 'dollars'> & { logBytes: number; snsPublishes: number }): CycleBill {
  const dollars =
    b.gbSeconds * PRICES.lambdaGbSecondArm +
    b.invocations * PRICES.lambdaRequest +
    b.sqsRequests * PRICES.sqsRequest +
    b.readUnits * PRICES.dynamoRead +
    b.writeUnits * PRICES.dynamoWrite +
    (b.logBytes / 1e9) * PRICES.logsIngestGb +
    b.snsPublishes * SNS_PUBLISH;
  return { label, blocks: b.blocks, gbSeconds: b.gbSeconds, invocations: b.invocations, sqsRequests: b.sqsRequests, readUnits: b.readUnits, writeUnits: b.writeUnits, wallS: b.wallS, dollars };
}

/**
 * SQS requests: the planner's SendMessageBatch calls (counted) plus, per prober invocation, the
 * event source's ReceiveMessage and DeleteMessage that handed it the message (not counted here:
 * two per invocation, ignoring empty polls).
 */
const sqsRequests = (sendCalls: number, proberInvocations: number): number => sendCalls + 2 * proberInvocations;

/** The cycle that ran, priced as counted. */
export function measuredBill(f: CloudFigures): CycleBill {
  const stages = Object.values(f.stages);
  const { planner, prober, notifier } = f.stages;
  return price(`measured: ${f.cidr} x ${f.ports.length} port(s), closed ports answer at once`, {
    blocks: f.messages,
    wallS: planner.billedS + Math.ceil(prober.invocations / CLOUD_DEFAULTS.maxConcurrency) * (prober.billedS / Math.max(1, prober.invocations)) + notifier.billedS,
    gbSeconds: stages.reduce((n, s) => n + s.billedS * (s.memoryMb / 1024), 0),
    invocations: stages.reduce((n, s) => n + s.invocations, 0),
    sqsRequests: sqsRequests(f.sendMessageBatchCalls, f.stages.prober.invocations),
    readUnits: stages.reduce((n, s) => n + s.dynamo.readUnits, 0),
    writeUnits: stages.reduce((n, s) => n + s.dynamo.writeUnits, 0),
    logBytes: stages.reduce((n, s) => n + s.logBytes + s.invocations * PLATFORM_LOG_BYTES, 0),
    snsPublishes: f.snsPublishes,
  });
}

/**
 * Another range size and port count, from the measured cycle. Blocks with no open port (most of
 * any range) give the per-probe wall and CPU time (each includes its block's fixed work, so larger
 * blocks come out a little dearer than they are), DynamoDB units and log bytes per block; what the
 * blocks with findings cost beyond that is added once, as measured: the scaled range holds the
 * same AI services. The planner's billed time grows with its blocks; its DynamoDB units and the
 * notifier stay as measured (they follow rows and findings, not addresses). `filtered`: every
 * probe waits out the connect timeout, `probeConcurrency` at a time.
 */
export function scaledBill(f: CloudFigures, addresses: number, ports: number, filtered: boolean): CycleBill {
  const shape = blockShape(ports, DEFAULT_BLOCK_SIZE);
  const blocks = Math.ceil(addresses / shape.addresses) * Math.ceil(ports / shape.portsPerBlock);
  const probesPerBlock = shape.addresses * shape.portsPerBlock;
  const { planner, prober, notifier } = f.stages;
  const runs = f.proberInvocations;
  const quiet = runs.filter((r) => r.open === 0).length > 0 ? runs.filter((r) => r.open === 0) : runs;
  const found = runs.filter((r) => !quiet.includes(r));
  const sum = (xs: readonly InvocationFigures[], pick: (r: InvocationFigures) => number): number => xs.reduce((n, r) => n + pick(r), 0);
  const quietProbes = Math.max(1, sum(quiet, (r) => r.probes));
  const quietMean = (pick: (r: InvocationFigures) => number): number => sum(quiet, pick) / quiet.length;
  /** What the blocks with findings cost beyond as many quiet blocks. */
  const extra = (pick: (r: InvocationFigures) => number): number => Math.max(0, sum(found, pick) - found.length * quietMean(pick));
  const waitS = filtered ? (probesPerBlock / CLOUD_DEFAULTS.probeConcurrency) * (CLOUD_DEFAULTS.probeConnectTimeoutMs / 1000) : 0;
  const quietBilled = Math.max((sum(quiet, (r) => r.wallS) / quietProbes) * probesPerBlock, (sum(quiet, (r) => r.cpuS) / quietProbes / vcpuShare(prober.memoryMb)) * probesPerBlock, waitS);
  const proberBilled = blocks * quietBilled + extra((r) => r.billedS);
  const plannerBilled = (planner.billedS / Math.max(1, f.messages)) * blocks;
  const proberInvocations = Math.ceil(blocks / CLOUD_DEFAULTS.probeBatchSize);
  const name = `/${32 - Math.log2(addresses)}`;
  return price(`${name} x ${ports} ports, ${filtered ? 'every address filtered' : 'closed ports answer at once'} (scaled)`, {
    blocks,
    wallS: plannerBilled + Math.ceil(proberInvocations / CLOUD_DEFAULTS.maxConcurrency) * quietBilled + notifier.billedS,
    gbSeconds: plannerBilled * (planner.memoryMb / 1024) + proberBilled * (prober.memoryMb / 1024) + notifier.billedS * (notifier.memoryMb / 1024),
    invocations: 2 + proberInvocations,
    sqsRequests: sqsRequests(Math.ceil(blocks / 10), proberInvocations),
    readUnits: planner.dynamo.readUnits + blocks * quietMean((r) => r.dynamo.readUnits) + extra((r) => r.dynamo.readUnits) + notifier.dynamo.readUnits,
    writeUnits: planner.dynamo.writeUnits + blocks * quietMean((r) => r.dynamo.writeUnits) + extra((r) => r.dynamo.writeUnits) + notifier.dynamo.writeUnits,
    logBytes: planner.logBytes + notifier.logBytes + blocks * quietMean((r) => r.logBytes) + extra((r) => r.logBytes) + (2 + proberInvocations) * PLATFORM_LOG_BYTES,
    snsPublishes: f.snsPublishes,
  });
}

export function renderCloudCostTable(f: CloudFigures): string {
  const bills = [measuredBill(f), scaledBill(f, 65_536, 16, false), scaledBill(f, 65_536, 16, true), scaledBill(f, 1_048_576, 16, true)];
  const lines = [
    `cost per cycle from these figures (us-east-1 list prices, arm64; prober ${CLOUD_DEFAULTS.proberMemoryMb} MB, planner ${CLOUD_DEFAULTS.plannerMemoryMb} MB, notifier ${CLOUD_DEFAULTS.notifierMemoryMb} MB; ${CYCLES_PER_MONTH} cycles a month plus the KMS key):`,
    `| cycle | blocks | Lambda GB-s | invocations | SQS requests | DynamoDB RRU / WRU | wall time (maxConcurrency ${CLOUD_DEFAULTS.maxConcurrency}) | $ per cycle | $ per month |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const b of bills) {
    lines.push(
      `| ${b.label} | ${b.blocks} | ${b.gbSeconds.toFixed(1)} | ${b.invocations} | ${Math.round(b.sqsRequests)} | ${Math.round(b.readUnits)} / ${Math.round(b.writeUnits)} | ${b.wallS >= 120 ? `${(b.wallS / 60).toFixed(0)} min` : `${b.wallS.toFixed(0)} s`} | ${b.dollars.toFixed(4)} | ${(b.dollars * CYCLES_PER_MONTH + PRICES.kmsKeyMonth).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}
