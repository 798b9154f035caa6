import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../lambdas/core/fingerprint/catalog/index.js';
import { FIRST_EVENT_MAX_BYTES, openHttpSession } from '../../lambdas/core/probing/http-session.js';
import { probeTargets } from '../../lambdas/core/probing/probe-targets.js';
import { HOSTILE_CASES } from './support/cases.js';
import {
  ANSWERING_OPTIONS,
  CASE_BUDGET_MS,
  CASE_RSS_BUDGET_MB,
  closedWithin,
  type Figure,
  GZIP_BOMB_INFLATED_BYTES,
  gzipBomb,
  HOSTILE_OPTIONS,
  type HostileServer,
  httpServer,
  measure,
  openFds,
  printFigures,
  pump,
} from './support/servers.js';

// This file's servers live on 127.0.90.x (hostile cases on .1-.99, the redirect target on .250).
const figures: Figure[] = [];
let elsewhere: HostileServer;

beforeAll(async () => {
  // The target of the "redirect to another host" case: it must never see a connection.
  elsewhere = await httpServer('elsewhere', '127.0.90.250', 8080, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('Ollama is running');
  });
  await gzipBomb();
});

afterAll(async () => {
  await elsewhere?.close();
  printFigures('hostile endpoints (one at a time):', figures);
});

describe('one hostile endpoint at a time', () => {
  for (const [i, hostile] of HOSTILE_CASES.entries()) {
    it(`${hostile.name}: finishes within budget, bounded memory, not reported, no leaked sockets`, async () => {
      const server = await hostile.start(`127.0.90.${i + 1}`, hostile.port, { elsewhere: { host: elsewhere.host, port: elsewhere.port } });
      try {
        const fdsBefore = openFds();
        const options = { ...HOSTILE_OPTIONS, ...hostile.options };
        const run = await measure(() => probeTargets([{ host: server.host, port: server.port }], catalog, options));
        const report = run.value;
        figures.push({
          name: hostile.name,
          ms: run.ms,
          peakRssGrowthMb: run.peakRssGrowthMb,
          rssGrowthMb: run.rssGrowthMb,
          note: `${report.httpRequests} req, ${report.nonHttp ? 'non-http' : report.unidentified ? 'unidentified' : 'identified'}, ${server.connections()} conn`,
        });

        expect(report.sweep).toMatchObject({ attempted: 1, open: 1 });
        expect(report.observations).toEqual([]);
        expect(report.unidentified + report.nonHttp).toBe(1);
        expect(run.ms).toBeLessThan(CASE_BUDGET_MS);
        expect(run.peakRssGrowthMb).toBeLessThan(CASE_RSS_BUDGET_MB);
        // Redirects are never followed, to another host or anywhere.
        expect(elsewhere.connections()).toBe(0);

        // The prober hung up every connection it opened, although this server never does. (The
        // wait ends as soon as they are closed; 30 s only bounds a failure on a loaded machine.)
        await Promise.all([...server.open].map((socket) => closedWithin(socket, 30_000)));
        await new Promise<void>((resolve) => setImmediate(resolve));
        expect(openFds()).toBeLessThanOrEqual(fdsBefore + 2);
      } finally {
        await server.close();
      }
    });
  }
});

// These servers answer (what they answer is the problem), so the limits are generous: only the body cap matters.
describe('what the prober keeps of a hostile answer', () => {
  it('keeps a gzip bomb compressed: at most the body cap, starting with the gzip magic', async () => {
    const bomb = await gzipBomb();
    const server = await HOSTILE_CASES.find((c) => c.name === 'gzip bomb')?.start('127.0.90.200', 8080, { elsewhere });
    if (!server) throw new Error('gzip bomb case missing');
    const session = openHttpSession(server.host, server.port, false, ANSWERING_OPTIONS);
    try {
      const answer = await session.fetch({ path: '/v1/models', headers: { 'accept-encoding': 'gzip' } });
      if (!answer.ok) throw new Error(answer.error);
      expect(answer.headers['content-encoding']).toBe('gzip');
      expect(answer.body.charCodeAt(0)).toBe(0x1f);
      // utf8 decoding can only widen replacement characters, never inflate to the 256 MiB inside.
      expect(Buffer.byteLength(answer.body)).toBeLessThan(3 * Math.min(bomb.length, ANSWERING_OPTIONS.maxBodyBytes));
      expect(answer.body.length).toBeLessThan(GZIP_BOMB_INFLATED_BYTES / 100);
    } finally {
      await session.close();
      await server.close();
    }
  });

  it('records a redirect as an answer and never follows it', async () => {
    const server = await HOSTILE_CASES.find((c) => c.name === 'redirect to another host')?.start('127.0.90.201', 8080, { elsewhere });
    if (!server) throw new Error('redirect case missing');
    const session = openHttpSession(server.host, server.port, false, ANSWERING_OPTIONS);
    try {
      const answer = await session.fetch({ path: '/' });
      expect(answer).toMatchObject({ ok: true, status: 301, headers: { location: `http://${elsewhere.host}:${elsewhere.port}/` } });
      expect(elsewhere.connections()).toBe(0);
    } finally {
      await session.close();
      await server.close();
    }
  });

  it('keeps the first event of an event stream that never ends, hangs up that connection, and the session goes on', async () => {
    const first = 'event: endpoint\r\ndata: /message?sessionId=3b0c\r\n\r\n';
    let streams = 0;
    const server = await httpServer('held-open event stream', '127.0.90.203', 8080, (req, res) => {
      if (req.url === '/sse') {
        streams++;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
        res.write(first);
        res.write('event: message\ndata: {"second":true}\n\n');
        return; // never ended: only the prober can close it
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok ${req.url}`);
    });
    const session = openHttpSession(server.host, server.port, false, ANSWERING_OPTIONS);
    try {
      const started = performance.now();
      const answer = await session.fetch({ path: '/sse' });
      // Well inside the body timeout (30 s here): the read ended on the blank line, not on silence.
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(answer).toEqual({ ok: true, status: 200, headers: expect.objectContaining({ 'content-type': 'text/event-stream; charset=utf-8' }), body: first, truncated: false });
      // The stream's connection is closed by the prober; the next requests open a fresh one.
      await Promise.all([...server.open].map((socket) => closedWithin(socket, 30_000)));
      expect(await session.fetch({ path: '/after' })).toMatchObject({ ok: true, status: 200, body: 'ok /after' });
      expect(await session.fetch({ path: '/sse' })).toMatchObject({ ok: true, body: first });
      expect(await session.fetch({ path: '/after-again' })).toMatchObject({ ok: true, status: 200, body: 'ok /after-again' });
      expect(streams).toBe(2);
    } finally {
      await session.close();
      await server.close();
    }
  });

  it('cuts an event stream whose first event never ends at a small cap, marked truncated; a POST answered as a stream is read to its end', async () => {
    const server = await httpServer('endless first event', '127.0.90.204', 8080, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (req.method === 'POST') {
        // Streamable HTTP: the answer to a POST is a stream that ends after the JSON-RPC response.
        res.end('event: message\ndata: {"priming":true}\n\nevent: message\ndata: {"jsonrpc":"2.0","id":1,"result":{}}\n\n');
        return;
      }
      res.write('data: ');
      pump(res, Buffer.alloc(64 * 1024, 'x'));
    });
    const session = openHttpSession(server.host, server.port, false, ANSWERING_OPTIONS);
    try {
      const answer = await session.fetch({ path: '/events' });
      expect(answer).toMatchObject({ ok: true, status: 200, truncated: true });
      if (answer.ok) expect(answer.body.length).toBe(FIRST_EVENT_MAX_BYTES);
      const posted = await session.post('/mcp', '{}', { 'content-type': 'application/json' });
      expect(posted).toMatchObject({ ok: true, status: 200, truncated: false });
      if (posted.ok) expect(posted.body).toContain('"result":{}');
    } finally {
      await session.close();
      await server.close();
    }
  });

  it('caps the body at maxBodyBytes and marks it truncated', async () => {
    const server = await HOSTILE_CASES.find((c) => c.name === 'huge body (50 MB)')?.start('127.0.90.202', 8080, { elsewhere });
    if (!server) throw new Error('huge body case missing');
    const session = openHttpSession(server.host, server.port, false, ANSWERING_OPTIONS);
    try {
      const answer = await session.fetch({ path: '/' });
      expect(answer).toMatchObject({ ok: true, status: 200, truncated: true });
      if (answer.ok) expect(answer.body.length).toBe(ANSWERING_OPTIONS.maxBodyBytes);
    } finally {
      await session.close();
      await server.close();
    }
  });
});
