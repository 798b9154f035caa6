import diagnosticsChannel from 'node:diagnostics_channel';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { type ProbeOptions, probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import type { SweepTarget } from '../../lambdas/core/probing/tcp-sweep.js';
import { fixtureHandler, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { HOSTILE_CASES } from './support/cases.js';
import { closedWithin, gzipBomb, HOSTILE_OPTIONS, type HostileServer, httpServer, measure, openFds, printFigures } from './support/servers.js';

// This file's servers: the block on 127.0.91.0/24 (hostile responders on .1-.99, the two genuine
// services on .200 and .201), the canary on 127.0.92.1, which is not in the target list.
const BLOCK = '127.0.91';
const PORTS = [8080, 8443, 11434, 8000];
/**
 * The two genuine services must be found however loaded the machine is, and they share this
 * process (and its event loop) with two dozen busy hostile servers, so each request gets 10 s, not
 * HOSTILE_OPTIONS' 1-2 s. The hostile endpoints are then ended by their time budget: 10 s each,
 * all at once (25 endpoints, 32 HTTP slots), so the block takes ~10 s.
 */
const OPTIONS: ProbeOptions = {
  ...HOSTILE_OPTIONS,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  endpointTimeoutMs: 10_000,
};
/**
 * The whole block: six endpoint budgets (60 s); it takes ~10.7 s quiet, 11-13 s under a CPU hog
 * per core (npm run test:load). What it catches: without the per-endpoint budget, the path tarpit alone costs a
 * request timeout per probe path (25 or more x 10 s), and a missing timeout never ends.
 */
const BLOCK_BUDGET_MS = 6 * (OPTIONS.endpointTimeoutMs ?? 0);
/**
 * Measured ~65 MB, quiet and under load. The bugs it was written for: before the endpoint body
 * budget and the bounded JSON parse, hostile answers kept per endpoint grew the prober by
 * hundreds of MB (100k nested `[`: ~200 MB for one endpoint).
 */
const BLOCK_RSS_BUDGET_MB = 150;

const servers: HostileServer[] = [];
let canary: HostileServer;

beforeAll(async () => {
  await gzipBomb();
  canary = await httpServer('canary', '127.0.92.1', 8080, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Ollama is running');
  });
  // The "redirect to another host" responder points at the canary: following it would show.
  const ctx = { elsewhere: { host: canary.host, port: canary.port } };
  for (const [i, hostile] of HOSTILE_CASES.entries()) servers.push(await hostile.start(`${BLOCK}.${i + 1}`, hostile.port, ctx));
  servers.push(await httpServer('genuine ollama', `${BLOCK}.200`, 11434, fixtureHandler(loadFixture('ollama', 'none'))));
  servers.push(await httpServer('genuine vllm', `${BLOCK}.201`, 8000, fixtureHandler(loadFixture('vllm', 'none'))));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await canary?.close();
});

/** Every destination the prober opens a socket to, seen from the client side. */
function watchConnections(): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>();
  // TCP sockets made with net.connect (the sweep, plain HTTP): recorded once connected.
  const onSocket = (message: unknown): void => {
    const socket = (message as { socket: net.Socket }).socket;
    socket.once('connect', () => seen.add(`${socket.remoteAddress}:${socket.remotePort}`));
  };
  // Every undici connection attempt, plain or TLS, before it is made (failed attempts included).
  const onBeforeConnect = (message: unknown): void => {
    const { connectParams } = message as { connectParams: { hostname: string; port: string | number } };
    seen.add(`${connectParams.hostname}:${connectParams.port}`);
  };
  diagnosticsChannel.subscribe('net.client.socket', onSocket);
  diagnosticsChannel.subscribe('undici:client:beforeConnect', onBeforeConnect);
  return {
    seen,
    stop: () => {
      diagnosticsChannel.unsubscribe('net.client.socket', onSocket);
      diagnosticsChannel.unsubscribe('undici:client:beforeConnect', onBeforeConnect);
    },
  };
}

describe('a block of hostile responders with two genuine services in it', () => {
  it('reports exactly the two genuine services, within the block budget, bounded memory, nothing outside the targets', async () => {
    // Explicit ip:port targets only: every address of the /24 on four ports (most refuse).
    const targets: SweepTarget[] = [];
    for (let host = 1; host <= 254; host++) for (const port of PORTS) targets.push({ host: `${BLOCK}.${host}`, port });
    const allowed = new Set(targets.map((t) => `${t.host}:${t.port}`));
    const fdsBefore = openFds();

    const watch = watchConnections();
    let run;
    try {
      run = await measure(() => probeTargets(targets, catalog, OPTIONS));
    } finally {
      watch.stop();
    }
    const report = run.value;
    printFigures(`hostile block (${targets.length} targets, ${servers.length} listening):`, [
      {
        name: 'block',
        ms: run.ms,
        peakRssGrowthMb: run.peakRssGrowthMb,
        rssGrowthMb: run.rssGrowthMb,
        note: `${report.sweep.open} open, ${report.httpRequests} req, ${report.unidentified} unidentified, ${report.nonHttp} non-http, worst ${Math.max(...report.requestsPerOpenPort)} req/port`,
      },
    ]);

    expect(report.observations.map((o) => [o.ip, o.port, o.service, o.auth, o.version])).toEqual([
      [`${BLOCK}.200`, 11434, 'ollama', 'none', '0.5.7'],
      [`${BLOCK}.201`, 8000, 'vllm', 'none', '0.11.0'],
    ]);
    expect(report.sweep).toMatchObject({ attempted: targets.length, open: servers.length });
    expect(report.unidentified + report.nonHttp).toBe(servers.length - 2);
    expect(run.ms).toBeLessThan(BLOCK_BUDGET_MS);
    expect(run.peakRssGrowthMb).toBeLessThan(BLOCK_RSS_BUDGET_MB);

    // No connection anywhere it was not asked to go: not the canary, not a redirect target.
    expect(canary.connections()).toBe(0);
    expect([...watch.seen].filter((destination) => !allowed.has(destination))).toEqual([]);
    // (The watch works: it saw every listening target, the only ones a connection can reach.)
    expect([...watch.seen].sort()).toEqual(servers.map((s) => `${s.host}:${s.port}`).sort());

    // And every connection it made is closed again (the wait ends as soon as they are; 30 s only
    // bounds a failure on a loaded machine).
    await Promise.all(servers.flatMap((s) => [...s.open].map((socket) => closedWithin(socket, 30_000))));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
  }, 2 * BLOCK_BUDGET_MS);
});
