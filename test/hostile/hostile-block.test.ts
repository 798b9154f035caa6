import diagnosticsChannel from 'node:diagnostics_channel';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import type { SweepTarget } from '../../lambdas/core/probing/tcp-sweep.js';
import { fixtureHandler, loadFixture } from '../../lambdas/local/fixture-fleet.js';
import { HOSTILE_CASES } from './support/cases.js';
import { closedWithin, gzipBomb, HOSTILE_OPTIONS, type HostileServer, httpServer, measure, openFds, printFigures } from './support/servers.js';

// This file's servers: the block on 127.0.91.0/24 (hostile responders on .1-.99, the two genuine
// services on .200 and .201), the canary on 127.0.92.1, which is not in the target list.
const BLOCK = '127.0.91';
const PORTS = [8080, 8443, 11434, 8000];
/** The whole block: about 3 endpoint budgets (4 s each) for ~25 slow endpoints behind 32 HTTP slots, plus slack. */
const BLOCK_BUDGET_MS = 15_000;
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
      run = await measure(() => probeTargets(targets, catalog, HOSTILE_OPTIONS));
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

    // And every connection it made is closed again.
    await Promise.all(servers.flatMap((s) => [...s.open].map((socket) => closedWithin(socket, 3_000))));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
  });
});
