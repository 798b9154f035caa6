// The bench's cloud stage counts what it claims to (no timing is checked): messages per block,
// one prober invocation per message, probes per block, the DynamoDB middleware's count against
// the adapter's own, HTTP requests on both sides, the fixtures found and alerted, and the cost
// arithmetic on the counted figures. Loopback only (127.91.0.0/24).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../lib/config.js';
import { startEmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { measuredBill } from './cloud-cost.js';
import { CLOUD_DEFAULTS, type CloudFigures, runCloudStage } from './cloud-stage.js';
import { type CloudWorld, startCloudWorld } from './cloud-world.js';
import { DynamoRequestCounter } from './dynamo-request-counter.js';

describe('bench cloud stage', () => {
  let world: CloudWorld;
  let figures: CloudFigures;

  beforeAll(async () => {
    world = await startCloudWorld('127.91.0.0/24', [8080], 3);
    figures = await runCloudStage({ cidr: '127.91.0.0/24', ports: [8080], endpoint: world.endpoint, fixtureHttpRequests: async () => world.httpRequests() });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('stands in for the deployed defaults', () => {
    expect(CLOUD_DEFAULTS.probeConcurrency).toBe(CONFIG_DEFAULTS.probeConcurrency);
    expect(CLOUD_DEFAULTS.probeConnectTimeoutMs).toBe(CONFIG_DEFAULTS.probeConnectTimeoutMs);
    expect(CLOUD_DEFAULTS.proberMemoryMb).toBe(CONFIG_DEFAULTS.proberMemoryMb);
    expect(CLOUD_DEFAULTS.probeBatchSize).toBe(CONFIG_DEFAULTS.probeBatchSize);
    expect(CLOUD_DEFAULTS.proberTimeoutSeconds).toBe(CONFIG_DEFAULTS.proberTimeoutSeconds);
    expect(CLOUD_DEFAULTS.maxConcurrency).toBe(CONFIG_DEFAULTS.maxConcurrency);
  });

  it('queues one message for a /24 x 1 port and runs the prober once for it', () => {
    expect(figures.addresses).toBe(256);
    expect(figures.messages).toBe(1);
    expect(figures.sendMessageBatchCalls).toBe(1);
    expect(figures.stages.prober.invocations).toBe(1);
    expect(figures.probes).toBe(256);
    expect(figures.stages.prober.failures).toBe(0);
  });

  it('finds, records and alerts every fixture service, and closes the run', () => {
    expect(world.services).toHaveLength(3);
    expect(figures.endpoints).toEqual(world.services.map((s) => `${s.host}:${s.port} ${s.service} ${s.auth}`).sort());
    expect(figures.aiEndpoints).toBe(3);
    expect(figures.openPorts).toBe(3);
    expect(figures.runStatus).toBe('complete');
    expect(figures.alertsDelivered).toBe(3);
    expect(figures.snsPublishes).toBeGreaterThan(0);
  });

  it('counts the HTTP requests the prober sent as the fixtures received them', () => {
    expect(figures.proberHttpRequests).toBeGreaterThan(0);
    expect(figures.fixtureHttpRequests).toBe(figures.proberHttpRequests);
  });

  it('counts DynamoDB requests in every stage, and prices what it counted', () => {
    for (const stage of Object.values(figures.stages)) expect(stage.dynamo.requests).toBeGreaterThan(0);
    expect(figures.stages.prober.dynamo.writeUnits).toBeGreaterThan(0);
    const bill = measuredBill(figures);
    expect(bill.invocations).toBe(3);
    expect(bill.sqsRequests).toBe(1 + 2);
    expect(bill.readUnits).toBe(Object.values(figures.stages).reduce((n, s) => n + s.dynamo.readUnits, 0));
  });
});

describe('DynamoRequestCounter', () => {
  it('counts what the adapter sends, by command, with the units DynamoDB reports', async () => {
    const dynamo = await startEmbeddedDynamo();
    try {
      const counter = new DynamoRequestCounter(dynamo.client);
      const before = dynamo.store.requestCount;
      await dynamo.store.putRangeRow({ cidr: '127.92.0.0/24', ports: [80] });
      await dynamo.store.listRangeRows();
      const counts = counter.snapshot();
      expect(counts.requests).toBe(dynamo.store.requestCount - before);
      expect(Object.values(counts.byCommand).reduce((n, c) => n + c, 0)).toBe(counts.requests);
      expect(counts.writeUnits).toBeGreaterThan(0);
      expect(counts.readUnits).toBeGreaterThan(0);
    } finally {
      await dynamo.close();
    }
  });
});
