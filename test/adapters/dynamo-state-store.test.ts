import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { ALERT_SCHEMA, type AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import type { EndpointRecord } from '../../lambdas/core/state/endpoint-record.js';
import { freshDynamo } from '../support/dynalite.js';

let dynamo: EmbeddedDynamo;
beforeAll(async () => {
  dynamo = await freshDynamo();
});
afterAll(() => dynamo.close());

const record = (rev: number, extra: Partial<EndpointRecord> = {}): EndpointRecord => ({
  ip: '127.0.0.7',
  port: 8000,
  tls: false,
  service: 'vllm',
  auth: 'none',
  version: null,
  evidence: 'e',
  range: '127.0.0.0/24',
  status: 'open',
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenRunId: 'r1',
  missCount: 0,
  rev,
  ...extra,
});
const event = (id: string): AlertEvent => ({ schema: ALERT_SCHEMA, id, type: 'run.incomplete', severity: 'medium', runId: 'r1', at: '2026-01-01T00:00:00.000Z', evidence: 'x' });

describe('DynamoStateStore on dynalite', () => {
  it('stores range rows as people would edit them', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.0.0/24', label: 'lab', ports: [8000], enabled: true });
    expect(await dynamo.store.listRangeRows()).toEqual([expect.objectContaining({ cidr: '127.0.0.0/24', label: 'lab', ports: [8000], enabled: true })]);
    expect(await dynamo.store.deleteRangeRow('127.0.0.0/24')).toBe(true);
    expect(await dynamo.store.deleteRangeRow('127.0.0.0/24')).toBe(false);
  });

  it('discovery never replaces or deletes a manual row, even one added after it read the table', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.0.9/32', label: 'manual' });
    expect(await dynamo.store.putRangeRow({ cidr: '127.0.0.9/32', source: 'aws:eip', resourceId: 'eipalloc-1' }, { discoveredOnly: true })).toBe(false);
    expect(await dynamo.store.deleteRangeRow('127.0.0.9/32', { discoveredOnly: true })).toBe(false);
    expect(await dynamo.store.listRangeRows()).toEqual([expect.objectContaining({ cidr: '127.0.0.9/32', label: 'manual' })]);
    // Its own rows it may write, rewrite and delete.
    expect(await dynamo.store.putRangeRow({ cidr: '127.0.0.10/32', source: 'aws:eip', resourceId: 'eipalloc-2' }, { discoveredOnly: true })).toBe(true);
    expect(await dynamo.store.putRangeRow({ cidr: '127.0.0.10/32', source: 'aws:eip', resourceId: 'eipalloc-3' }, { discoveredOnly: true })).toBe(true);
    expect(await dynamo.store.deleteRangeRow('127.0.0.10/32', { discoveredOnly: true })).toBe(true);
    expect(await dynamo.store.deleteRangeRow('127.0.0.9/32')).toBe(true);
  });

  it('applies an endpoint write only against the revision it read', async () => {
    expect(await dynamo.store.writeEndpoint(record(1), 0)).toBe('applied');
    expect(await dynamo.store.writeEndpoint(record(1), 0)).toBe('conflict');
    expect(await dynamo.store.writeEndpoint(record(2, { auth: 'required' }), 1)).toBe('applied');
    expect(await dynamo.store.writeEndpoint(record(2, { auth: 'none' }), 1)).toBe('conflict');
    expect((await dynamo.store.getEndpoint('127.0.0.7', 8000))?.auth).toBe('required');
  });

  it('keeps pending events with the state and clears them one by one', async () => {
    const pending = { a1: event('a1'), a2: event('a2') };
    expect(await dynamo.store.writeEndpoint(record(3, { pendingEvents: pending }), 2)).toBe('applied');
    expect(Object.keys((await dynamo.store.getEndpoint('127.0.0.7', 8000))?.pendingEvents ?? {})).toEqual(['a1', 'a2']);
    await dynamo.store.clearPendingEvents('127.0.0.7', 8000, ['a1']);
    expect(Object.keys((await dynamo.store.getEndpoint('127.0.0.7', 8000))?.pendingEvents ?? {})).toEqual(['a2']);
  });

  it('counts a finished block once however often it is marked', async () => {
    await dynamo.store.createRun({ runId: 'run-a', startedAt: '2026-01-01T00:00:00.000Z', status: 'running', ranges: [], blockSize: 256, blocksTotal: 2, blocksDone: 0 });
    expect(await dynamo.store.markBlockDone('run-a', 0)).toEqual({ done: 1, total: 2 });
    expect(await dynamo.store.markBlockDone('run-a', 0)).toEqual({ done: 1, total: 2 });
    expect(await dynamo.store.markBlockDone('run-a', 1)).toEqual({ done: 2, total: 2 });
    expect([...(await dynamo.store.doneBlocks('run-a'))].sort()).toEqual([0, 1]);
    expect(await dynamo.store.claimFinalize('run-a')).toBe(true);
    expect(await dynamo.store.claimFinalize('run-a')).toBe(false);
  });

  it('keeps one outbox item per event id and lets one worker claim a delivery', async () => {
    await dynamo.store.addAlert(event('ev-1'));
    await dynamo.store.addAlert(event('ev-1'));
    const undelivered = await dynamo.store.listUndelivered();
    expect(undelivered.filter((u) => u.event.id === 'ev-1')).toHaveLength(1);
    const now = '2026-01-01T00:00:00.000Z';
    expect(await dynamo.store.claimDelivery('ev-1', 'slack-1', now, 60_000)).toBe(true);
    expect(await dynamo.store.claimDelivery('ev-1', 'slack-1', now, 60_000)).toBe(false);
    // A lease that ran out (the worker died) can be taken over.
    expect(await dynamo.store.claimDelivery('ev-1', 'slack-1', '2026-01-01T00:05:00.000Z', 60_000)).toBe(true);
    await dynamo.store.recordDelivery('ev-1', 'slack-1', { ok: true, at: now });
    expect(await dynamo.store.claimDelivery('ev-1', 'slack-1', '2026-01-02T00:00:00.000Z', 60_000)).toBe(false);
    await dynamo.store.settle('ev-1', 'delivered');
    expect((await dynamo.store.listUndelivered()).some((u) => u.event.id === 'ev-1')).toBe(false);
    expect((await dynamo.store.listAlerts(10)).find((u) => u.event.id === 'ev-1')?.deliveries['slack-1']).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('reads a delivery back under the sink name it was written with, routed names included', async () => {
    await dynamo.store.addAlert(event('ev-routed'));
    const now = '2026-01-01T00:00:00.000Z';
    await dynamo.store.recordDelivery('ev-routed', 'slack-1a2b3c4d@ml-team', { ok: false, at: now, error: 'down' });
    await dynamo.store.recordDelivery('ev-routed', 'webhook-0f0f0f0f', { ok: true, at: now });
    const item = (await dynamo.store.listUndelivered()).find((u) => u.event.id === 'ev-routed');
    expect(Object.keys(item?.deliveries ?? {}).sort()).toEqual(['slack-1a2b3c4d@ml-team', 'webhook-0f0f0f0f']);
    expect(item?.deliveries['slack-1a2b3c4d@ml-team']).toMatchObject({ status: 'failed', error: 'down' });
  });

  it('reads a routed delivery written before names were encoded under its routed name', async () => {
    const { sinkName, sinkKey } = await import('../../lambdas/adapters/dynamodb/dynamo-state-store.js');
    expect(sinkName('slack-1a2b3c4d-ml-team')).toBe('slack-1a2b3c4d@ml-team');
    expect(sinkName(sinkKey('slack-1a2b3c4d@ml-team'))).toBe('slack-1a2b3c4d@ml-team');
    expect(sinkName(sinkKey('webhook-0f0f0f0f'))).toBe('webhook-0f0f0f0f');
    expect(sinkName(sinkKey('terminal'))).toBe('terminal');
  });

  it('withdraws a removed sink\'s delivery, never one that was delivered, and a withdrawn one cannot be claimed', async () => {
    await dynamo.store.addAlert(event('ev-w'));
    const now = '2026-01-01T00:00:00.000Z';
    await dynamo.store.recordDelivery('ev-w', 'slack-gone', { ok: false, at: now, error: 'down' });
    await dynamo.store.recordDelivery('ev-w', 'webhook-ok', { ok: true, at: now });
    await dynamo.store.withdrawDelivery('ev-w', 'slack-gone', now);
    await dynamo.store.withdrawDelivery('ev-w', 'webhook-ok', now);
    const item = (await dynamo.store.listUndelivered()).find((u) => u.event.id === 'ev-w');
    expect(item?.deliveries['slack-gone']?.status).toBe('withdrawn');
    expect(item?.deliveries['webhook-ok']?.status).toBe('delivered');
    expect(await dynamo.store.claimDelivery('ev-w', 'slack-gone', '2026-01-02T00:00:00.000Z', 60_000)).toBe(false);
  });

  it('counts its DynamoDB requests', () => {
    expect(dynamo.store.requestCount).toBeGreaterThan(10);
  });
});
