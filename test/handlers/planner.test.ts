import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import scheduledEvent from '../fixtures/events/scheduler-event.json' with { type: 'json' };
import { SqsBlockQueue } from '../../lambdas/adapters/aws/sqs-block-queue.js';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { parseBlockMessage } from '../../lambdas/core/planning/parse-block-message.js';
import { makeHandler } from '../../lambdas/planner/handler.js';
import { loadMonitorSettings } from '../../lambdas/shared/config.js';
import { ENV } from '../../lambdas/shared/env.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testSettings } from '../support/monitor.js';

const sqsMock = mockClient(SQSClient);
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  sqsMock.reset();
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

const queueUrl = 'https://sqs.eu-west-1.amazonaws.com/123456789012/probe-queue';

describe('planner handler', () => {
  it('plans the registered ranges into batches of at most 10 block messages', async () => {
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: unknown[] }) => ({ Successful: input.Entries, Failed: [] }));
    await dynamo.store.putRangeRow({ cidr: '127.8.0.0/20', label: 'lab', ports: [8000, 11434] });
    await dynamo.store.putRangeRow({ cidr: 'not-a-cidr', label: 'typo' });
    const queue = new SqsBlockQueue({ client: new SQSClient({}), queueUrl });
    const handler = makeHandler(() => ({ store: dynamo.store, queue, settings: testSettings([8000]), clock: steppingClock(), logger: quiet }));

    const result = await handler(scheduledEvent);

    expect(result).toMatchObject({ blocks: 16, addresses: 4096, ranges: 1 });
    expect(result.rangeProblems).toEqual([{ row: 'not-a-cidr', error: expect.stringContaining('"not-a-cidr" is not a valid CIDR') }]);
    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls).toHaveLength(2);
    const bodies = calls.flatMap((c) => (c.args[0].input.Entries ?? []).map((e) => e.MessageBody as string));
    expect(calls.every((c) => (c.args[0].input.Entries ?? []).length <= 10)).toBe(true);
    expect(bodies.map((b) => parseBlockMessage(b).blockId).sort((a, b) => a - b)).toEqual([...Array(16).keys()]);
    expect((await dynamo.store.getRun(result.runId))?.blocksTotal).toBe(16);
  });

  it('re-sends only the entries SendMessageBatch reported as failed', async () => {
    sqsMock
      .on(SendMessageBatchCommand)
      .resolvesOnce({ Successful: [], Failed: [{ Id: '1', Code: 'InternalError', SenderFault: false }, { Id: '3', Code: 'InternalError', SenderFault: false }] })
      .resolves({ Failed: [] });
    const waits: number[] = [];
    const queue = new SqsBlockQueue({ client: new SQSClient({}), queueUrl, sleep: async (ms) => void waits.push(ms) });
    const blocks = [0, 1, 2, 3, 4].map((i) => ({ schema: 'ai-exposure-monitor/block@1' as const, runId: 'r', blockId: i, range: '127.0.0.0/24', start: '127.0.0.0', count: 1, ports: [80] }));

    await queue.sendBlocks(blocks);

    const calls = sqsMock.commandCalls(SendMessageBatchCommand);
    expect(calls.map((c) => (c.args[0].input.Entries ?? []).map((e) => e.Id))).toEqual([['0', '1', '2', '3', '4'], ['1', '3']]);
    expect(waits).toHaveLength(1);
  });

  it('fails loudly, naming the count, when entries keep failing', async () => {
    sqsMock.on(SendMessageBatchCommand).resolves({ Failed: [{ Id: '0', Code: 'InternalError', SenderFault: false }] });
    const queue = new SqsBlockQueue({ client: new SQSClient({}), queueUrl, sleep: async () => undefined });
    await expect(queue.sendBlocks([{ schema: 'ai-exposure-monitor/block@1', runId: 'r', blockId: 0, range: '127.0.0.0/24', start: '127.0.0.0', count: 1, ports: [80] }])).rejects.toThrow(
      /1 block messages still failed after 5 attempts/,
    );
  });

  it('resolves each row\'s route from the ROUTES_JSON the stack sets (by route, by owner, else default)', async () => {
    sqsMock.on(SendMessageBatchCommand).callsFake((input: { Entries: unknown[] }) => ({ Successful: input.Entries, Failed: [] }));
    const settings = loadMonitorSettings({
      [ENV.DEFAULT_PORTS]: '11434',
      [ENV.ROUTES_JSON]: JSON.stringify([{ name: 'payments', owners: ['team-payments'], floor: 'high' }, { name: 'lab', floor: 'info' }, { name: 'default', floor: 'low' }]),
    });
    expect(settings.routes).toEqual({
      routes: [
        { name: 'payments', owners: ['team-payments'], floor: 'high' },
        { name: 'lab', owners: [], floor: 'info' },
        { name: 'default', owners: [], floor: 'low' },
      ],
    });
    await dynamo.store.putRangeRow({ cidr: '127.9.1.0/24', owner: 'team-payments' });
    await dynamo.store.putRangeRow({ cidr: '127.9.2.0/24', route: 'lab' });
    await dynamo.store.putRangeRow({ cidr: '127.9.3.0/24', owner: 'someone-else' });
    await dynamo.store.putRangeRow({ cidr: '127.9.4.0/24', route: 'removed' });
    const queue = new SqsBlockQueue({ client: new SQSClient({}), queueUrl });
    const handler = makeHandler(() => ({ store: dynamo.store, queue, settings, clock: steppingClock(), logger: quiet }));

    await handler(scheduledEvent);

    const blocks = sqsMock.commandCalls(SendMessageBatchCommand).flatMap((c) => (c.args[0].input.Entries ?? []).map((e) => parseBlockMessage(e.MessageBody as string)));
    expect(Object.fromEntries(blocks.map((b) => [b.range, b.route ?? '(none)']))).toEqual({
      '127.9.1.0/24': 'payments',
      '127.9.2.0/24': 'lab',
      '127.9.3.0/24': 'default',
      // A row naming a route that is not configured still alerts, on the default route.
      '127.9.4.0/24': 'default',
    });
  });

  it('runs with the default route only when ROUTES_JSON is unset', () => {
    expect(loadMonitorSettings({}).routes).toBeUndefined();
  });
});
