import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROBE_OPTIONS } from '../../lambdas/core/probing/probe-targets.js';
import { openHttpSession } from '../../lambdas/core/probing/http-session.js';
import { fixtureTls } from '../../lambdas/local/fixture-fleet.js';

// A session sends an endpoint's probes one after another on one kept-alive connection. A server
// advertising a short keep-alive (`Keep-Alive: timeout=2`, as Node does with keepAliveTimeout
// 2000, and the fixture fleet) used to get one TCP and TLS connect per request (undici's default
// 2 s threshold): most of the prober's CPU per open port.

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function listen(tls: boolean): Promise<{ port: number; connections: () => number }> {
  let connections = 0;
  const handler: http.RequestListener = (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  const server = tls ? https.createServer(fixtureTls('loopback'), handler) : http.createServer(handler);
  server.keepAliveTimeout = 2_000;
  server.on(tls ? 'secureConnection' : 'connection', () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, connections: () => connections };
}

describe('HTTP session connection reuse', () => {
  for (const tls of [false, true]) {
    it(`sends several probes on one ${tls ? 'TLS' : 'TCP'} connection to a server advertising a 2 s keep-alive`, async () => {
      const server = await listen(tls);
      const session = openHttpSession('127.0.0.1', server.port, tls, DEFAULT_PROBE_OPTIONS);
      try {
        const paths = ['/', '/v1/models', '/api/tags', '/info', '/health', '/version'];
        for (const path of paths) {
          const r = await session.fetch({ path });
          expect(r.ok && r.status).toBe(200);
        }
        // One connection, or two if a loaded machine stalled over a second between two probes (the
        // reuse window is the server's 2 s less the 1 s margin); before, one per probe (six).
        expect(server.connections()).toBeLessThanOrEqual(2);
        if (tls) expect(session.certificate()?.subject).toBeDefined();
      } finally {
        await session.close();
      }
    });
  }
});
