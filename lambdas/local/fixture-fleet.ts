import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Look-alike AI services on loopback, served from the recorded response fixtures in
 * `test/fixtures/http/`. The demo and the tests use them; they only ever bind 127.x addresses.
 */

// The CLI may run from a bundle elsewhere; its entry sets EXPOSURE_MONITOR_ROOT to the repository.
const REPOSITORY = process.env.EXPOSURE_MONITOR_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_ROOT = path.join(REPOSITORY, 'test/fixtures');

export interface FixtureResponse {
  readonly request?: string;
  /** Answer only when the request carries these headers (e.g. a default credential). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /**
   * An event stream (`text/event-stream`) that stays open after `body`, its first event, as a live
   * one does (MCP's `GET /sse`): ended only when the client hangs up or the fleet closes.
   */
  readonly holdOpen?: boolean;
}

export interface ResponseFixture {
  readonly service: string;
  readonly auth: string;
  readonly version: string | null;
  readonly source: string;
  readonly responses: readonly FixtureResponse[];
  readonly fallback?: FixtureResponse;
  /**
   * What an open instance lists without credentials, as the engine should read it (kind and
   * name, sorted by kind then name). Only in fixtures of products with inventory rules.
   */
  readonly inventory?: readonly { readonly kind: string; readonly name: string }[];
  /**
   * A JSON-RPC endpoint answering POSTs (MCP Streamable HTTP): `results` per method; a stateful
   * server hands out `session` on `initialize` and then requires it; `stream` answers as SSE.
   */
  readonly jsonRpc?: {
    readonly path: string;
    readonly results: Readonly<Record<string, unknown>>;
    readonly session?: string;
    readonly stream?: boolean;
  };
}

export function loadFixture(service: string, state: string): ResponseFixture {
  return JSON.parse(readFileSync(path.join(FIXTURE_ROOT, 'http', service, `${state}.json`), 'utf8')) as ResponseFixture;
}

/** Every fixture file: `{ service, state, fixture }`. */
export function listFixtures(): { service: string; state: string; fixture: ResponseFixture }[] {
  const root = path.join(FIXTURE_ROOT, 'http');
  const out: { service: string; state: string; fixture: ResponseFixture }[] = [];
  for (const service of readdirSync(root, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const file of readdirSync(path.join(root, service.name))) {
      if (!file.endsWith('.json')) continue;
      const state = file.slice(0, -'.json'.length);
      out.push({ service: service.name, state, fixture: loadFixture(service.name, state) });
    }
  }
  return out.sort((a, b) => `${a.service}/${a.state}`.localeCompare(`${b.service}/${b.state}`));
}

const DEFAULT_FALLBACK: FixtureResponse = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };

/**
 * Finds the recorded answer for `METHOD path` (exact path with query first, then without). An
 * answer with `requestHeaders` applies only when the request carries them, and wins when it does.
 */
export function fixtureAnswer(
  fixture: ResponseFixture,
  method: string,
  url: string,
  headers: Readonly<Record<string, string | string[] | undefined>> = {},
): FixtureResponse {
  const bare = url.split('?')[0] ?? url;
  const wanted = [`${method} ${url}`, `${method} ${bare}`];
  if (method === 'HEAD') wanted.push(`GET ${url}`, `GET ${bare}`);
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
  const headersMatch = (r: FixtureResponse): boolean =>
    Object.entries(r.requestHeaders ?? {}).every(([k, v]) => lower[k.toLowerCase()] === v);
  for (const key of wanted) {
    const candidates = fixture.responses.filter((r) => r.request === key && headersMatch(r));
    const hit = candidates.find((r) => r.requestHeaders) ?? candidates[0];
    if (hit) return hit;
  }
  return fixture.fallback ?? DEFAULT_FALLBACK;
}

export function serializeBody(answer: FixtureResponse): { body: string; contentType: string | undefined } {
  if (answer.body === undefined || answer.body === null) return { body: '', contentType: undefined };
  if (typeof answer.body === 'string') return { body: answer.body, contentType: undefined };
  return { body: JSON.stringify(answer.body), contentType: 'application/json' };
}

export interface FleetMember {
  readonly host: string;
  readonly port: number;
  readonly tls?: boolean;
  /** The TLS key and certificate (default: the loopback fixture certificate). */
  readonly tlsMaterial?: { readonly key: Buffer; readonly cert: Buffer };
  /** A fixture to serve, or a handler for servers that are not fixtures (decoys, hostile hosts). */
  readonly fixture?: ResponseFixture;
  readonly handler?: http.RequestListener;
}

export interface RunningMember {
  readonly member: FleetMember;
  readonly url: string;
  close(): Promise<void>;
}

/** A key and certificate from `test/fixtures/tls/` (`<name>-key.pem`, `<name>-cert.pem`). */
export function fixtureTls(name: string): { key: Buffer; cert: Buffer } {
  return { key: readFileSync(path.join(FIXTURE_ROOT, 'tls', `${name}-key.pem`)), cert: readFileSync(path.join(FIXTURE_ROOT, 'tls', `${name}-cert.pem`)) };
}

let tlsMaterial: { key: Buffer; cert: Buffer } | undefined;
function loopbackTls(): { key: Buffer; cert: Buffer } {
  tlsMaterial ??= {
    key: readFileSync(path.join(FIXTURE_ROOT, 'tls', 'loopback-key.pem')),
    cert: readFileSync(path.join(FIXTURE_ROOT, 'tls', 'loopback-cert.pem')),
  };
  return tlsMaterial;
}

/** Answers a JSON-RPC POST (or the session DELETE) the way an MCP Streamable HTTP server does. */
function answerJsonRpc(rpc: NonNullable<ResponseFixture['jsonRpc']>, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method === 'DELETE') {
    res.writeHead(rpc.session && req.headers['mcp-session-id'] === rpc.session ? 200 : 404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let message: { id?: unknown; method?: unknown };
    try {
      message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof message;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }));
      return;
    }
    const method = String(message.method);
    if (rpc.session && method !== 'initialize' && req.headers['mcp-session-id'] !== rpc.session) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Bad Request: No valid session ID provided' }, id: null }));
      return;
    }
    if (message.id === undefined) {
      res.writeHead(202).end(); // a notification
      return;
    }
    const reply = Object.hasOwn(rpc.results, method)
      ? { jsonrpc: '2.0', id: message.id, result: rpc.results[method] }
      : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
    const headers: Record<string, string> = method === 'initialize' && rpc.session ? { 'mcp-session-id': rpc.session } : {};
    if (rpc.stream) {
      res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' }).end(`event: message\ndata: ${JSON.stringify(reply)}\n\n`);
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(reply));
    }
  });
}

export function fixtureHandler(fixture: ResponseFixture): http.RequestListener {
  return (req, res) => {
    const rpc = fixture.jsonRpc;
    if (rpc && (req.method === 'POST' || req.method === 'DELETE') && (req.url ?? '').split('?')[0] === rpc.path) {
      answerJsonRpc(rpc, req, res);
      return;
    }
    const answer = fixtureAnswer(fixture, req.method ?? 'GET', req.url ?? '/', req.headers);
    const { body, contentType } = serializeBody(answer);
    const headers: Record<string, string> = { ...(contentType ? { 'content-type': contentType } : {}), ...answer.headers };
    res.writeHead(answer.status, headers);
    if (answer.holdOpen && req.method !== 'HEAD') res.write(body);
    else res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Starts one member. Refuses any address outside 127.0.0.0/8. */
export async function startMember(member: FleetMember): Promise<RunningMember> {
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(member.host)) throw new Error(`fixture fleet binds loopback only, not ${member.host}`);
  const handler = member.handler ?? (member.fixture ? fixtureHandler(member.fixture) : undefined);
  if (!handler) throw new Error(`fleet member ${member.host}:${member.port} has neither a fixture nor a handler`);
  const server = member.tls ? https.createServer(member.tlsMaterial ?? loopbackTls(), handler) : http.createServer(handler);
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(member.port, member.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    member: { ...member, port },
    url: `${member.tls ? 'https' : 'http'}://${member.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export class Fleet {
  private readonly running = new Map<string, RunningMember>();

  async start(member: FleetMember): Promise<RunningMember> {
    const started = await startMember(member);
    this.running.set(`${member.host}:${started.member.port}`, started);
    return started;
  }

  async stop(host: string, port: number): Promise<void> {
    const key = `${host}:${port}`;
    await this.running.get(key)?.close();
    this.running.delete(key);
  }

  /** Replaces what a member serves (e.g. the same service restarted without auth). */
  async replace(member: FleetMember): Promise<RunningMember> {
    await this.stop(member.host, member.port);
    return this.start(member);
  }

  get members(): RunningMember[] {
    return [...this.running.values()];
  }

  async close(): Promise<void> {
    await Promise.all([...this.running.values()].map((m) => m.close()));
    this.running.clear();
  }
}
