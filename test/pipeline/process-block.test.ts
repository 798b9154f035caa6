import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { InProcessQueue } from '../../lambdas/adapters/local/in-process-queue.js';
import { planCycle } from '../../lambdas/core/pipeline/plan-cycle.js';
import { processBlock } from '../../lambdas/core/pipeline/process-block.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Servers on 127.0.31.x.
const fleet = new Fleet();
let port: number;
beforeAll(async () => {
  const m = await fleet.start({ host: '127.0.31.10', port: 0, fixture: loadFixture('ollama', 'none') });
  port = m.member.port;
});
afterAll(() => fleet.close());

let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());

async function planOneBlock(): Promise<{ body: string; deps: Parameters<typeof processBlock>[1] }> {
  const settings = testSettings([port]);
  const clock = steppingClock();
  await dynamo.store.putRangeRow({ cidr: '127.0.31.0/28', ports: [port] });
  const queue = new InProcessQueue();
  await planCycle({ store: dynamo.store, queue, settings, clock, logger: quiet });
  const body = queue.receive() as string;
  expect(queue.depth).toBe(0);
  return { body, deps: { store: dynamo.store, catalog: testCatalog, probe: testProbe, settings, clock, logger: quiet } };
}

describe('processBlock', () => {
  it('records the endpoint and creates exactly one alert when the same block is processed twice in sequence', async () => {
    const { body, deps } = await planOneBlock();
    const first = await processBlock(body, deps);
    const again = await processBlock(body, deps);
    expect(first.events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    expect(again.events).toEqual([]);
    const alerts = await dynamo.store.listAlerts(10);
    expect(alerts.map((a) => a.event.type)).toEqual(['endpoint.new_unauthenticated']);
    expect((await dynamo.store.getRun(first.runId))?.status).toBe('complete');
  });

  it('creates exactly one alert when the same block is processed twice in parallel', async () => {
    const { body, deps } = await planOneBlock();
    const [a, b] = await Promise.all([processBlock(body, deps), processBlock(body, deps)]);
    expect([...a.events, ...b.events].map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    expect((await dynamo.store.listAlerts(10)).map((x) => x.event.type)).toEqual(['endpoint.new_unauthenticated']);
    expect((await dynamo.store.getEndpoint('127.0.31.10', port))?.pendingEvents).toBeUndefined();
  });

  it('flushes events a crashed worker left on the endpoint, keeping their id', async () => {
    const { body, deps } = await planOneBlock();
    // Simulate a crash right after the state write: the outbox step never happens.
    const crashing = { ...deps, store: Object.assign(Object.create(dynamo.store), { addAlert: async () => { throw new Error('crash'); } }) };
    await expect(processBlock(body, crashing)).rejects.toThrow('crash');
    const stranded = await dynamo.store.getEndpoint('127.0.31.10', port);
    const strandedIds = Object.keys(stranded?.pendingEvents ?? {});
    expect(strandedIds).toHaveLength(1);
    expect(await dynamo.store.listAlerts(10)).toEqual([]);
    await processBlock(body, deps);
    expect((await dynamo.store.listAlerts(10)).map((a) => a.event.id)).toEqual(strandedIds);
  });

  it('refuses a forged message for a forbidden range before any traffic', async () => {
    const { deps } = await planOneBlock();
    const forged = JSON.stringify({ schema: 'ai-exposure-monitor/block@1', runId: 'x', blockId: 0, range: '10.0.0.0/24', start: '10.0.0.0', count: 4, ports: [80] });
    await expect(processBlock(forged, deps)).rejects.toThrow(/--allow-private/);
  });
});

describe('per-range politeness cap', () => {
  it('paces a block at its range row rate', async () => {
    const settings = testSettings([port]);
    const clock = steppingClock();
    await dynamo.store.putRangeRow({ cidr: '127.0.31.0/28', ports: [port], rate: 50 });
    const queue = new InProcessQueue();
    await planCycle({ store: dynamo.store, queue, settings, clock, logger: quiet });
    const body = queue.receive() as string;
    expect(JSON.parse(body).rate).toBe(50);
    const started = performance.now();
    const outcome = await processBlock(body, { store: dynamo.store, catalog: testCatalog, probe: testProbe, settings, clock, logger: quiet });
    // 16 connects at 50 a second: the last starts 15 intervals of 20 ms after the first.
    expect(performance.now() - started).toBeGreaterThanOrEqual(15 * 20 - 1);
    expect(outcome.observations.map((o) => o.service)).toEqual(['ollama']);
  });
});
