// The cloud path, measured (issue #15): the planner, prober and notifier Lambda handlers
// (`makeHandler` of lambdas/{planner,prober,notifier}/handler.ts, the functions the deployed
// `handler` exports wrap) run in this process, one invocation at a time, on a registered loopback
// range, with their real adapters: the DynamoDB adapter built by `awsStateStore` on a client
// pointed at dynalite, the SQS adapter with its client's `send` caught in memory (no SQS emulator
// here; the prober gets each message as the SQS event source would hand it over), and the
// notifier's sinks built by `notifierSinks` with its SNS client caught in memory. Per stage it
// measures invocations, wall and CPU time, DynamoDB requests and request units (a middleware on
// the client), queue messages, probes, HTTP requests and alerts. No timing here is asserted
// anywhere: the correctness test checks the counts only.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SQSEvent } from 'aws-lambda';
import { SqsBlockQueue } from '../../lambdas/adapters/aws/sqs-block-queue.js';
import { LOCAL_RANGE_TABLE, LOCAL_STATE_TABLE } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import type { Logger } from '../../lambdas/core/ports.js';
import { makeHandler as makeNotifier, notifierSinks } from '../../lambdas/notifier/handler.js';
import { makeHandler as makePlanner } from '../../lambdas/planner/handler.js';
import { makeHandler as makeProber } from '../../lambdas/prober/handler.js';
import { awsStateStore } from '../../lambdas/shared/aws-stores.js';
import { loadMonitorSettings, loadProbeOptions } from '../../lambdas/shared/config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { countsBetween, type DynamoCounts, DynamoRequestCounter } from './dynamo-request-counter.js';

/**
 * The deployment the stage stands in for: lib/config.ts CONFIG_DEFAULTS (the test checks they
 * agree) and the memory sizes of lib/constructs (planner 512 MB, notifier 256 MB).
 */
export const CLOUD_DEFAULTS = {
  probeConcurrency: 768,
  probeConnectTimeoutMs: 1000,
  proberTimeoutSeconds: 300,
  proberMemoryMb: 256,
  plannerMemoryMb: 512,
  notifierMemoryMb: 256,
  probeBatchSize: 1,
  maxConcurrency: 5,
} as const;

/** Lambda gives one full vCPU at 1,769 MB and a proportional share below it. */
export const vcpuShare = (memoryMb: number): number => Math.min(1, memoryMb / 1769);

export interface StageFigures {
  readonly name: 'planner' | 'prober' | 'notifier';
  readonly memoryMb: number;
  readonly invocations: number;
  readonly wallS: number;
  readonly cpuS: number;
  /**
   * Billed seconds, summed over invocations: each invocation's wall time here, or its CPU time
   * divided by the vCPU share its memory size gets on Lambda when that is longer, in whole ms.
   */
  readonly billedS: number;
  readonly dynamo: DynamoCounts;
  /** Bytes of log lines the handler wrote (JSON, as Powertools' logger writes them). */
  readonly logBytes: number;
  readonly failures: number;
}

/** One prober invocation: its costs, and what its "block probed" log line says it did. */
export interface InvocationFigures {
  readonly wallS: number;
  readonly cpuS: number;
  readonly billedS: number;
  readonly dynamo: DynamoCounts;
  readonly logBytes: number;
  readonly probes: number;
  readonly open: number;
  readonly aiEndpoints: number;
  readonly httpRequests: number;
}

export interface CloudFigures {
  readonly cidr: string;
  readonly ports: readonly number[];
  readonly addresses: number;
  readonly stages: { readonly planner: StageFigures; readonly prober: StageFigures; readonly notifier: StageFigures };
  /** Block messages the planner queued, and the SendMessageBatch calls that carried them. */
  readonly messages: number;
  readonly sendMessageBatchCalls: number;
  readonly proberInvocations: readonly InvocationFigures[];
  /** From the prober's "block probed" log lines. */
  readonly probes: number;
  readonly openPorts: number;
  readonly proberHttpRequests: number;
  readonly aiEndpoints: number;
  /** HTTP requests the fixture services answered (the other side's count). */
  readonly fixtureHttpRequests: number;
  readonly alertsDelivered: number;
  readonly snsPublishes: number;
  /** Endpoints in the state table after the cycle, as `ip:port service auth`. */
  readonly endpoints: readonly string[];
  readonly runStatus: string | undefined;
}

export interface CloudStageOptions {
  readonly cidr: string;
  readonly ports: readonly number[];
  /** dynalite's endpoint (tables created). */
  readonly endpoint: string;
  /** HTTP requests the fixture services have answered so far. */
  readonly fixtureHttpRequests: () => Promise<number>;
}

/** A logger that keeps what the handler logs: its size, and the prober's per-block figures. */
function recordingLogger(service: string): Logger & { bytes: number; entries: { message: string; data?: Record<string, unknown> }[] } {
  const self = {
    bytes: 0,
    entries: [] as { message: string; data?: Record<string, unknown> }[],
    info: (message: string, data?: Record<string, unknown>) => write('INFO', message, data),
    warn: (message: string, data?: Record<string, unknown>) => write('WARN', message, data),
    error: (message: string, data?: Record<string, unknown>) => write('ERROR', message, data),
  };
  const write = (level: string, message: string, data?: Record<string, unknown>): void => {
    self.bytes += JSON.stringify({ level, message, timestamp: new Date().toISOString(), service, ...data }).length + 1;
    self.entries.push({ message, ...(data ? { data } : {}) });
  };
  return self;
}

/** Runs `invoke` once and returns its wall and CPU seconds and billed seconds at `memoryMb`. */
async function timedInvocation<T>(memoryMb: number, invoke: () => Promise<T>): Promise<{ result: T; wallS: number; cpuS: number; billedS: number }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await invoke();
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuS = (used.user + used.system) / 1e6;
  const billedS = Math.ceil(Math.max(wallS, cpuS / vcpuShare(memoryMb)) * 1000) / 1000;
  return { result, wallS, cpuS, billedS };
}

const sqsRecord = (body: string, n: number): SQSEvent['Records'][number] => ({
  messageId: `bench-${n}`,
  receiptHandle: `bench-${n}`,
  body,
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'bench', ApproximateFirstReceiveTimestamp: String(Date.now()) },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:bench-probe-queue',
  awsRegion: 'us-east-1',
});

export async function runCloudStage(options: CloudStageOptions): Promise<CloudFigures> {
  const client = new DynamoDBClient({ endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const counter = new DynamoRequestCounter(client);
  const tables = { [ENV.RANGE_TABLE_NAME]: LOCAL_RANGE_TABLE, [ENV.STATE_TABLE_NAME]: LOCAL_STATE_TABLE };
  const store = awsStateStore(tables, client);
  const clock = (): Date => new Date();
  try {
    // Registering the range is the operator's step (the CLI), not the cycle's: not counted.
    await store.putRangeRow({ cidr: options.cidr, ports: [...options.ports] });

    // Planner: the SQS adapter's client caught in memory; every message body kept for the prober.
    const bodies: string[] = [];
    const sqs = new SQSClient({ region: 'us-east-1' });
    sqs.send = (async (command: { input: { Entries: { MessageBody: string }[] } }) => {
      for (const e of command.input.Entries) bodies.push(e.MessageBody);
      return { Successful: command.input.Entries, Failed: [] };
    }) as never;
    const queue = new SqsBlockQueue({ client: sqs, queueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/bench-probe-queue' });
    const plannerEnv = { ...tables, [ENV.PROBE_QUEUE_URL]: 'bench', [ENV.MAX_RANGE_PREFIX]: '16' };
    const plannerLog = recordingLogger('planner');
    const planner = makePlanner(() => ({ store, queue, settings: loadMonitorSettings(plannerEnv), clock, logger: plannerLog }));
    let before = counter.snapshot();
    const planned = await timedInvocation(CLOUD_DEFAULTS.plannerMemoryMb, () => planner({ source: 'ai-exposure-monitor.schedule' }));
    const plannerStage: StageFigures = {
      name: 'planner',
      memoryMb: CLOUD_DEFAULTS.plannerMemoryMb,
      invocations: 1,
      wallS: planned.wallS,
      cpuS: planned.cpuS,
      billedS: planned.billedS,
      dynamo: countsBetween(before, counter.snapshot()),
      logBytes: plannerLog.bytes,
      failures: planned.result.rangeProblems.length,
    };

    // Prober: one invocation per message (the stack's batch size is 1), one at a time, so each
    // invocation's CPU is its own. On AWS up to maxConcurrency run at once; that changes the wall
    // time of the cycle, not what each invocation uses.
    const proberEnv = {
      ...tables,
      [ENV.PROBE_CONCURRENCY]: String(CLOUD_DEFAULTS.probeConcurrency),
      [ENV.PROBE_CONNECT_TIMEOUT_MS]: String(CLOUD_DEFAULTS.probeConnectTimeoutMs),
      // As scan-pipeline.ts sets it: the Lambda timeout less a quarter (at most 60 s).
      [ENV.PROBE_BLOCK_BUDGET_MS]: String(Math.max(10_000, (CLOUD_DEFAULTS.proberTimeoutSeconds - Math.min(60, CLOUD_DEFAULTS.proberTimeoutSeconds / 4)) * 1000)),
    };
    const proberLog = recordingLogger('prober');
    const proberDeps = { store, catalog, probe: loadProbeOptions(proberEnv), settings: loadMonitorSettings(proberEnv), clock, logger: proberLog };
    const prober = makeProber(() => proberDeps);
    before = counter.snapshot();
    const invocations: InvocationFigures[] = [];
    let proberFailures = 0;
    for (let i = 0; i < bodies.length; i += CLOUD_DEFAULTS.probeBatchSize) {
      const event: SQSEvent = { Records: bodies.slice(i, i + CLOUD_DEFAULTS.probeBatchSize).map((b, j) => sqsRecord(b, i + j)) };
      const countsBefore = counter.snapshot();
      const [bytesBefore, entriesBefore] = [proberLog.bytes, proberLog.entries.length];
      const probed = await timedInvocation(CLOUD_DEFAULTS.proberMemoryMb, () => prober(event));
      proberFailures += probed.result.batchItemFailures.length;
      const logged = proberLog.entries.slice(entriesBefore).filter((e) => e.message === 'block probed').map((e) => e.data ?? {});
      const sum = (key: string): number => logged.reduce((n, d) => n + Number(d[key] ?? 0), 0);
      invocations.push({
        wallS: probed.wallS,
        cpuS: probed.cpuS,
        billedS: probed.billedS,
        dynamo: countsBetween(countsBefore, counter.snapshot()),
        logBytes: proberLog.bytes - bytesBefore,
        probes: sum('targets'),
        open: sum('open'),
        aiEndpoints: sum('aiEndpoints'),
        httpRequests: sum('httpRequests'),
      });
    }
    const total = (pick: (x: InvocationFigures) => number): number => invocations.reduce((n, x) => n + pick(x), 0);
    const proberStage: StageFigures = {
      name: 'prober',
      memoryMb: CLOUD_DEFAULTS.proberMemoryMb,
      invocations: invocations.length,
      wallS: total((x) => x.wallS),
      cpuS: total((x) => x.cpuS),
      billedS: total((x) => x.billedS),
      dynamo: countsBetween(before, counter.snapshot()),
      logBytes: proberLog.bytes,
      failures: proberFailures,
    };

    // Notifier: its sinks as the deployed function builds them (the stack's alert topic on the
    // default route), with the SNS client caught in memory. Woken once: it drains the whole outbox
    // (on AWS the state table's stream wakes it, in batches of up to 10 records).
    let snsPublishes = 0;
    const sns = { send: async () => ({ MessageId: `bench-${++snsPublishes}` }) } as unknown as SNSClient;
    const notifierEnv = { ...tables, [ENV.ALERT_TOPIC_ARN]: 'arn:aws:sns:us-east-1:123456789012:bench-alerts' };
    const notifierLog = recordingLogger('notifier');
    const noSecrets = (): SecretsManagerClient => {
      throw new Error('the bench configures no secret');
    };
    const { sinks, routes } = await notifierSinks(notifierEnv, { secrets: noSecrets, sns: () => sns }, notifierLog);
    const notifier = makeNotifier(async () => ({ outbox: store, runs: store, sinks, routes, clock, logger: notifierLog }));
    before = counter.snapshot();
    const notified = await timedInvocation(CLOUD_DEFAULTS.notifierMemoryMb, () => notifier({}));
    const notifierStage: StageFigures = {
      name: 'notifier',
      memoryMb: CLOUD_DEFAULTS.notifierMemoryMb,
      invocations: 1,
      wallS: notified.wallS,
      cpuS: notified.cpuS,
      billedS: notified.billedS,
      dynamo: countsBetween(before, counter.snapshot()),
      logBytes: notifierLog.bytes,
      failures: notified.result.deadLettered,
    };

    // What the cycle left behind (read after the stages: not counted in them).
    const endpoints = (await store.listEndpoints()).map((e) => `${e.ip}:${e.port} ${e.service} ${e.auth}`).sort();
    const runStatus = (await store.getRun(planned.result.runId))?.status;
    return {
      cidr: options.cidr,
      ports: options.ports,
      addresses: planned.result.addresses,
      stages: { planner: plannerStage, prober: proberStage, notifier: notifierStage },
      messages: bodies.length,
      sendMessageBatchCalls: queue.batchCalls,
      proberInvocations: invocations,
      probes: total((x) => x.probes),
      openPorts: total((x) => x.open),
      proberHttpRequests: total((x) => x.httpRequests),
      aiEndpoints: total((x) => x.aiEndpoints),
      fixtureHttpRequests: await options.fixtureHttpRequests(),
      alertsDelivered: notified.result.delivered,
      snsPublishes,
      endpoints,
      runStatus,
    };
  } finally {
    client.destroy();
  }
}
