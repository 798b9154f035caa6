import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { InProcessQueue } from '../../lambdas/adapters/local/in-process-queue.js';
import { planCycle } from '../../lambdas/core/pipeline/plan-cycle.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { makeHandler } from '../../lambdas/prober/handler.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Servers on 127.0.71.x.
const fleet = new Fleet();
let dynamo: EmbeddedDynamo;
let port: number;
beforeAll(async () => {
  dynamo = await freshDynamo();
  port = (await fleet.start({ host: '127.0.71.3', port: 0, fixture: loadFixture('qdrant', 'none') })).member.port;
});
afterAll(async () => {
  await fleet.close();
  await dynamo.close();
});

const record = (messageId: string, body: string): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body,
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1795435200000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1795435200000' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:probe-queue',
  awsRegion: 'eu-west-1',
});

describe('prober handler', () => {
  it('reports only the malformed record in batchItemFailures and processes the others', async () => {
    const settings = { ...testSettings([port]), blockSize: 8 };
    await dynamo.store.putRangeRow({ cidr: '127.0.71.0/28', ports: [port] });
    const queue = new InProcessQueue();
    const clock = steppingClock();
    await planCycle({ store: dynamo.store, queue, settings, clock, logger: quiet });
    const good = [queue.receive() as string, queue.receive() as string];
    const event: SQSEvent = { Records: [record('m1', good[0] as string), record('m2', '{"schema":"nope"}'), record('m3', good[1] as string)] };
    const handler = makeHandler(() => ({ store: dynamo.store, catalog: testCatalog, probe: testProbe, settings, clock, logger: quiet }));

    const response = await handler(event);

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }]);
    expect((await dynamo.store.getEndpoint('127.0.71.3', port))?.service).toBe('qdrant');
    expect((await dynamo.store.listAlerts(10)).map((a) => a.event.type)).toEqual(['endpoint.new_unauthenticated']);
  });
});
