import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { WebhookSink } from '../../lambdas/adapters/sinks/webhook-sink.js';
import type { AlertEvent } from '../../lambdas/core/alerts/alert-event.js';
import type { StateStore } from '../../lambdas/core/ports.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';
import { SINK_TIMEOUT_MS, startWebhookReceiver } from '../support/webhook-receiver.js';

// Servers on 127.0.81.x.
const fleet = new Fleet();
let ollamaPort: number;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  ollamaPort = (await fleet.start({ host: '127.0.81.5', port: 0, fixture: loadFixture('ollama', 'none') })).member.port;
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await fleet.close();
  await receiver.close();
});
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
  receiver.received.length = 0;
});
afterEach(() => dynamo.close());

const received = (): AlertEvent[] => receiver.received.map((r) => JSON.parse(r.body) as AlertEvent);

function deps(store: StateStore, clock = steppingClock()) {
  return {
    store,
    settings: testSettings([ollamaPort], { goneAfterMisses: 1 }),
    probe: testProbe,
    catalog: testCatalog,
    sinks: [new WebhookSink(receiver.url, { timeoutMs: SINK_TIMEOUT_MS, userAgent: 't' })],
    clock,
    logger: quiet,
    sleep: async () => undefined,
  };
}

describe('fault injection', () => {
  it('a run whose block is dead-lettered reports run.incomplete and no false gone', async () => {
    await dynamo.store.putRangeRow({ cidr: '127.0.81.0/28', ports: [ollamaPort] });
    const clock = steppingClock();
    await runLocalCycle(deps(dynamo.store, clock));
    expect(received().map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);
    receiver.received.length = 0;

    // The service goes away and the prober dies after probing, before recording its block.
    await fleet.stop('127.0.81.5', ollamaPort);
    const failing = Object.assign(Object.create(dynamo.store), {
      markBlockDone: async () => {
        throw new Error('prober crashed');
      },
    }) as StateStore;
    const broken = await runLocalCycle(deps(failing, clock));
    expect(broken.deadLetteredBlocks.map((b) => b.error)).toEqual(['prober crashed']);
    expect(received().map((e) => e.type)).toEqual(['run.incomplete']);
    expect((await dynamo.store.getEndpoint('127.0.81.5', ollamaPort))?.status).toBe('open');

    // The next complete run does see it gone.
    receiver.received.length = 0;
    await runLocalCycle(deps(dynamo.store, clock));
    expect(received().map((e) => e.type)).toEqual(['endpoint.gone']);
    await fleet.start({ host: '127.0.81.5', port: ollamaPort, fixture: loadFixture('ollama', 'none') });
  });

  it('a muted range records endpoints without alerting, and still alerts when one loses its auth', async () => {
    const port = (await fleet.start({ host: '127.0.81.9', port: 0, fixture: loadFixture('vllm', 'required') })).member.port;
    await dynamo.store.putRangeRow({ cidr: '127.0.81.8/29', ports: [port], muted: true, label: 'honeypots' });
    const clock = steppingClock();
    await runLocalCycle({ ...deps(dynamo.store, clock), settings: testSettings([port], { goneAfterMisses: 1 }) });
    expect(received()).toEqual([]);
    expect((await dynamo.store.getEndpoint('127.0.81.9', port))?.rangeMuted).toBe(true);
    await fleet.replace({ host: '127.0.81.9', port, fixture: loadFixture('vllm', 'none') });
    await runLocalCycle({ ...deps(dynamo.store, clock), settings: testSettings([port], { goneAfterMisses: 1 }) });
    expect(received().map((e) => [e.type, e.endpoint?.label])).toEqual([['endpoint.auth_regressed', 'honeypots']]);
  });
});
