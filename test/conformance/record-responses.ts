import http from 'node:http';
import type { CatalogEntry, ProbeRequest } from '../../lambdas/core/fingerprint/catalog-schema.js';
import type { HttpResponse } from '../../lambdas/core/fingerprint/http-result.js';
import { CANARY_PATH } from '../../lambdas/core/fingerprint/identify.js';
import { rpcResult } from '../../lambdas/core/probing/mcp-tools.js';
import { DEFAULT_PROBE_OPTIONS } from '../../lambdas/core/probing/probe-targets.js';
import type { FixtureResponse, ResponseFixture } from '../../lambdas/local/fixture-fleet.js';

/**
 * Records what a running product answers to every read the catalog can send it, in the fixture
 * format the fixture fleet serves: the replay then answers the engine as the product did, whatever
 * entry's probe asks. Runs only inside the conformance network namespace, against 127.0.0.1.
 */

type Recorded = Pick<ResponseFixture, 'responses' | 'fallback' | 'jsonRpc'>;

const MAX_BODY = 256 * 1024;
const TIMEOUT_MS = 10_000;
// The first event of an event stream is all a reader gets without holding the stream open.
const STREAM_WAIT_MS = 2_000;
// How long a stream may take to end after its first event before it counts as held open.
const END_WAIT_MS = 300;
// Per-connection and per-moment headers: they change on every answer and no matcher reads them.
const VOLATILE = /^(date|etag|last-modified|connection|keep-alive|content-length|transfer-encoding|x-ratelimit-.*)$/;

/** One key per method, path and request headers. */
const requestKey = (r: ProbeRequest): string => `${r.method ?? 'GET'} ${r.path} ${JSON.stringify(r.headers ?? {})} ${r.body ?? ''}`;

/**
 * Every distinct GET/HEAD any entry's identify, auth, version or inventory rules send, with the
 * headers a rule sends (a product's own UI header, never a credential: default credentials are
 * opt-in probes kept out of these lists and never recorded).
 */
export function catalogRequests(catalog: readonly CatalogEntry[]): ProbeRequest[] {
  const all: ProbeRequest[] = [{ path: '/' }];
  for (const e of catalog) {
    for (const r of [...e.identify, ...e.identify.flatMap((p) => (p.confirm ? [p.confirm] : [])), ...e.auth, ...(e.version ?? []), ...(e.inventory ?? [])]) all.push(r.request);
  }
  const seen = new Map<string, ProbeRequest>();
  for (const r of all) seen.set(requestKey(r), { ...(r.method ? { method: r.method } : {}), path: r.path, ...(r.headers ? { headers: r.headers } : {}), ...(r.body !== undefined ? { body: r.body } : {}) });
  return [...seen.values()];
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** An event stream still open when its first event was read (replayed with `holdOpen`). */
  readonly open?: boolean;
}

function send(host: string, port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path, headers: { 'user-agent': DEFAULT_PROBE_OPTIONS.userAgent, accept: '*/*', ...headers }, timeout: TIMEOUT_MS }, (res) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      const stream = (out['content-type'] ?? '').includes('text/event-stream');
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      let settled = false;
      const done = (): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        res.destroy();
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8'), ...(stream && !ended ? { open: true } : {}) });
      };
      let timer = stream ? setTimeout(done, STREAM_WAIT_MS) : undefined;
      let firstEvent = false;
      res.on('data', (c: Buffer) => {
        if (firstEvent) return; // past the first event: only whether the stream ends is of interest
        chunks.push(c);
        size += c.length;
        if (size >= MAX_BODY) done();
        else if (stream && /\r?\n\r?\n/.test(Buffer.concat(chunks).toString('utf8'))) {
          // The first event is in: a stream that ends now is recorded as ended, one still open as held open.
          firstEvent = true;
          clearTimeout(timer);
          timer = setTimeout(done, END_WAIT_MS);
        }
      });
      res.on('end', () => {
        ended = true;
        done();
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Stores JSON as JSON when it re-serializes byte for byte (readable), else the exact text. */
function asFixture(request: string | undefined, a: Answer, requestHeaders?: Readonly<Record<string, string>>): FixtureResponse {
  const headers = Object.fromEntries(Object.entries(a.headers).filter(([k]) => !VOLATILE.test(k)));
  let body: unknown = a.body;
  if ((a.headers['content-type'] ?? '').includes('json')) {
    try {
      const parsed: unknown = JSON.parse(a.body);
      if (JSON.stringify(parsed) === a.body) body = parsed;
    } catch {
      // Not JSON after all: kept as text.
    }
  }
  return { ...(request ? { request } : {}), ...(requestHeaders ? { requestHeaders } : {}), status: a.status, headers, ...(a.body === '' ? {} : { body }), ...(a.open ? { holdOpen: true } : {}) };
}

// Per-answer values in an otherwise fixed page (n8n's index.html carries a fresh CSP nonce on every answer).
const PER_ANSWER = /nonce="[^"]*"/g;
const settle = (text: string): string => text.replace(PER_ANSWER, 'nonce=""');

/**
 * Answers the product gives to any path it does not serve (its 404 page naming the path, its app page) are left to the fallback.
 * A redirect elsewhere than the fallback's (JupyterHub sends `/` to `/hub/`, each path to `/hub/<path>`) is kept.
 */
function likeFallback(path: string, a: Answer, fallback: Answer): boolean {
  const bare = path.split('?')[0] ?? path;
  const body = settle(a.body);
  // The replay serves the fallback as recorded, its Location naming the canary path: a redirect is kept unless identical.
  const sameLocation = a.headers.location === fallback.headers.location;
  return a.status === fallback.status && sameLocation && (body === settle(fallback.body.replaceAll(CANARY_PATH, bare)) || body === settle(fallback.body.replaceAll(CANARY_PATH, path)));
}

/**
 * The MCP listing handshake exactly as the engine sends it (`readMcpTools`): initialize,
 * initialized, tools/list, then DELETE of the session. Absent when initialize gets no result.
 */
async function recordJsonRpc(host: string, port: number, path: string): Promise<ResponseFixture['jsonRpc'] | undefined> {
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
  const result = (a: Answer, id: number): unknown => rpcResult({ ok: true, ...a, truncated: false } satisfies HttpResponse, id);
  const init = await send(host, port, 'POST', path, base, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'ai-exposure-monitor', version: '0.1' } } }));
  const initialize = result(init, 1);
  if (initialize === undefined) return undefined;
  const session = init.headers['mcp-session-id'];
  const headers = { ...base, ...(session ? { 'mcp-session-id': session } : {}) };
  await send(host, port, 'POST', path, headers, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
  const tools = result(await send(host, port, 'POST', path, headers, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} })), 2);
  if (session) await send(host, port, 'DELETE', path, { 'mcp-session-id': session });
  return {
    path,
    stream: (init.headers['content-type'] ?? '').includes('text/event-stream'),
    ...(session ? { session } : {}),
    results: { initialize, ...(tools === undefined ? {} : { 'tools/list': tools }) },
  };
}

export async function recordResponses(host: string, port: number, catalog: readonly CatalogEntry[], alsoRecord: readonly (string | ProbeRequest)[] = []): Promise<Recorded> {
  const fallback = await send(host, port, 'GET', CANARY_PATH);
  const responses: FixtureResponse[] = [];
  const seen = new Set<string>();
  for (const r of [...catalogRequests(catalog), ...alsoRecord.map((a): ProbeRequest => (typeof a === 'string' ? { path: a } : a))]) {
    const method = r.method ?? 'GET';
    // A request the product's case asks for that a catalog entry sends too is recorded once.
    if (seen.has(requestKey(r))) continue;
    seen.add(requestKey(r));
    // A read-only POST goes as the engine sends it: its fixed JSON body (the replay answers by method and path).
    const answer = r.method === 'POST' ? await send(host, port, method, r.path, { 'content-type': 'application/json', ...r.headers }, r.body) : await send(host, port, method, r.path, r.headers);
    // With request headers, kept even when it looks like the fallback: the replay must answer it as recorded.
    if (r.headers || !likeFallback(r.path, answer, fallback)) responses.push(asFixture(`${method} ${r.path}`, answer, r.headers));
  }
  const jsonRpc = await recordJsonRpc(host, port, '/mcp');
  return { responses, fallback: asFixture(undefined, fallback), ...(jsonRpc ? { jsonRpc } : {}) };
}
