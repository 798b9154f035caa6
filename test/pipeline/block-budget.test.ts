import net from 'node:net';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedDynamo } from '../../lambdas/adapters/local/embedded-dynamodb.js';
import { TerminalSink } from '../../lambdas/adapters/sinks/terminal-sink.js';
import { Fleet, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { runLocalCycle } from '../../lambdas/local/run-local-cycle.js';
import { freshDynamo } from '../support/dynalite.js';
import { quiet, steppingClock, testCatalog, testProbe, testSettings } from '../support/monitor.js';

// Servers on 127.0.33.x.
const HOST = '127.0.33.5';
const fleet = new Fleet();
const held: net.Socket[] = [];
let tarpit: net.Server | undefined;
let dynamo: EmbeddedDynamo;
beforeEach(async () => {
  dynamo = await freshDynamo();
});
afterEach(() => dynamo.close());
afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => (tarpit ? tarpit.close(r) : r(undefined)));
  await fleet.close();
});

describe('block budget', () => {
  it('a block that runs out of time is not counted done: run.incomplete, and no false gone', async () => {
    await fleet.start({ host: HOST, port: 11434, fixture: loadFixture('ollama', 'none') });
    await dynamo.store.putRangeRow({ cidr: '127.0.33.0/29', ports: [11434] });
    const clock = steppingClock();
    const terminal = new TerminalSink();
    const deps = { store: dynamo.store, settings: testSettings([11434], { goneAfterMisses: 1 }), catalog: testCatalog, sinks: [terminal], clock, logger: quiet };
    await runLocalCycle({ ...deps, probe: testProbe });
    expect(terminal.events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated']);

    // The service turns into a tarpit: it accepts and never answers; the block budget is short.
    await fleet.stop(HOST, 11434);
    tarpit = net.createServer((socket) => {
      socket.on('error', () => undefined);
      held.push(socket);
    });
    await new Promise<void>((resolve) => tarpit?.listen(11434, HOST, () => resolve()));
    const second = await runLocalCycle({ ...deps, probe: { ...testProbe, blockBudgetMs: 300 } });
    expect(second.outcomes.map((o) => [o.probed, o.complete, o.report?.abandoned])).toEqual([[true, false, 1]]);
    expect(terminal.events.map((e) => e.type)).toEqual(['endpoint.new_unauthenticated', 'run.incomplete']);
    expect((await dynamo.store.getEndpoint(HOST, 11434))?.status).toBe('open');
  });
});
