import { checkServerIdentity, createSecureContext, type PeerCertificate, type SecureContext, type TLSSocket } from 'node:tls';
import { buildConnector, Client, errors } from 'undici';
import type { ProbeRequest } from '../fingerprint/catalog-schema.js';
import type { HttpFetch, HttpResult } from '../fingerprint/http-result.js';
import { neverRequestRule } from '../fingerprint/never-request.js';
import { cleanText } from '../alerts/sanitize.js';
import { type Deadline, type DeadlineSignal, startDeadline } from './deadline.js';

export interface HttpLimits {
  readonly connectTimeoutMs: number;
  /** Time allowed for the status line and headers. */
  readonly headersTimeoutMs: number;
  /** Longest silence allowed while the body streams. */
  readonly bodyTimeoutMs: number;
  /** Hard cap on one request, start to end: defeats tarpits that trickle a byte at a time. */
  readonly requestTimeoutMs: number;
  /**
   * Hard cap on all requests to one endpoint together, both protocol attempts (default: four
   * request timeouts). Why (found by test/hostile): a host that answers `/` at once and then drips
   * every other answer a byte at a time costs a full request timeout per probe path, and a
   * deep-probe port has ~40 of them: minutes per endpoint, enough to run a block past its Lambda
   * timeout. Once spent, further requests fail at once (the endpoint is reported on what it said).
   */
  readonly endpointTimeoutMs?: number;
  /** Bytes of body kept; the rest is dropped and the connection closed. */
  readonly maxBodyBytes: number;
  /**
   * Bytes of body kept across all answers of one endpoint (default: four `maxBodyBytes`); once
   * spent, each further answer keeps at most `MIN_BODY_BYTES`. Why (found by test/hostile): every
   * answer of an endpoint stays cached until it is done, and a deep-probe port gets ~40 requests,
   * so 32 endpoints answering every path with an endless body held 32 x 42 x 1 MiB: the prober
   * grew by 1.4 GB at the default limits, past the prober Lambda's 1 GB.
   */
  readonly maxEndpointBodyBytes?: number;
  readonly userAgent: string;
  /**
   * Behind a proxy: a path the products are mounted under (`/ollama`), put before every probe
   * path, and headers the owner's proxy requires (values are secrets: never logged or shown).
   */
  readonly pathPrefix?: string;
  readonly requestHeaders?: Readonly<Record<string, string>>;
}

/**
 * What one endpoint may still spend, shared by its sessions (the HTTP and the HTTPS attempt): see
 * `endpointTimeoutMs` and `maxEndpointBodyBytes`.
 */
export interface EndpointBudget {
  readonly deadline: DeadlineSignal;
  bodyBytesLeft: number;
  /** The endpoint is done: its deadline's timer and listeners go (see deadline.ts). */
  release(): void;
}

export function endpointBudget(limits: HttpLimits, outer?: AbortSignal): EndpointBudget {
  // `outer`: the whole block's deadline, when there is one.
  const own: Deadline = startDeadline(limits.endpointTimeoutMs ?? 4 * limits.requestTimeoutMs, outer);
  return {
    deadline: own.signal,
    bodyBytesLeft: limits.maxEndpointBodyBytes ?? 4 * limits.maxBodyBytes,
    release: () => own.release(),
  };
}

/** Body bytes every answer may keep even once its endpoint's budget is spent: small JSON answers stay readable. */
export const MIN_BODY_BYTES = 16 * 1024;

/** What the TLS handshake showed; recorded, never a reason to refuse (self-signed is common). */
export interface TlsCertificateInfo {
  readonly authorized: boolean;
  readonly authorizationError?: string;
  readonly selfSigned: boolean;
  readonly subject?: string;
  readonly issuer?: string;
  readonly validTo?: string;
  /**
   * Reached by name: why the certificate does not cover that name (absent: it does). Evidence,
   * never a reason to stop (a product behind a proxy often has a certificate for another name).
   */
  readonly nameMismatch?: string;
  /** The DNS names the certificate is for (subject alternative names, else the CN), cleaned, capped. */
  readonly names?: readonly string[];
}

export interface HttpSession {
  readonly tls: boolean;
  readonly fetch: HttpFetch;
  /**
   * A protocol request with a body, for listings that are not a GET (MCP's `tools/list`). Only
   * protocol readers call it, never catalog probes: the catalog's requests stay GET/HEAD.
   */
  post(path: string, body: string, headers: Readonly<Record<string, string>>): Promise<HttpResult>;
  /** Ends what a protocol reader opened (an MCP session), so the scan leaves nothing behind. */
  delete(path: string, headers: Readonly<Record<string, string>>): Promise<HttpResult>;
  certificate(): TlsCertificateInfo | undefined;
  close(): Promise<void>;
}

const MAX_HEADER_BYTES = 16 * 1024;

/**
 * How long before a server's advertised keep-alive timeout (`Keep-Alive: timeout=N`) the session
 * stops reusing the connection. undici's default, 2 s, made any server advertising 2 s or less
 * (the fixture fleet; gunicorn-style short keep-alives) close the connection after every answer:
 * one TCP (and TLS) connect per request, most of the CPU per open port (npm run bench:
 * fingerprint-cpu.ts counted 4,361 connects for 4,362 requests on the TLS fleet). A session sends
 * its next request as soon as the previous answer is read, milliseconds later, so 1 s of margin
 * still never sends on a connection the server is about to close; at 1 s or less it reconnects.
 * undici lib/dispatcher/client-h1.js (v7.30.2), onHeadersComplete: timeout = hint - threshold.
 */
const KEEP_ALIVE_THRESHOLD_MS = 1_000;

/**
 * What a closed session's client is destroyed with: the error undici would make itself, made once.
 * Why: `destroy()` without one builds a ClientDestroyedError per session, and capturing its stack
 * showed in `node --cpu-prof` of the fingerprint bench. It only reaches a request still in flight.
 */
const SESSION_CLOSED = new errors.ClientDestroyedError();

let secureContext: SecureContext | undefined;
/**
 * Every TLS connect of the prober uses one context. Why: without one, tls.connect builds a fresh
 * SecureContext per connection (default root store, ciphers): about 0.35 ms of CPU each, the
 * largest single cost of a TLS probe in `node --cpu-prof`. Nothing in it differs per endpoint
 * (no client certificate, no CA override; rejectUnauthorized and SNI are per connection).
 */
function sharedSecureContext(): SecureContext {
  secureContext ??= createSecureContext();
  return secureContext;
}

/**
 * One kept-alive connection to one endpoint (undici `Client`, pipelining 1): fingerprinting sends
 * several small requests, and reusing the connection costs far less than reconnecting each time.
 * Redirects are never followed (the answer is recorded as is), bodies are never decompressed. An
 * event stream answering a GET is read to its first event (at most FIRST_EVENT_MAX_BYTES) and
 * that connection closed. Why (found by `npm run conformance`): MCP's HTTP+SSE `GET /sse` never
 * ends, so its `endpoint` event was read until the body timeout and the answer dropped.
 */
export function openHttpSession(host: string, port: number, tls: boolean, limits: HttpLimits, budget?: EndpointBudget, name?: string): HttpSession {
  let certificate: TlsCertificateInfo | undefined;
  // Reached by address: no SNI (an IP literal is not a valid SNI name). Reached by name: the name
  // as SNI and as Host, as a browser would send them, so a name-routed proxy routes to the product.
  const servername = name;
  const baseConnector = buildConnector({
    rejectUnauthorized: false,
    timeout: limits.connectTimeoutMs,
    servername,
    // One context for every TLS connect (see sharedSecureContext).
    ...(tls ? { secureContext: sharedSecureContext() } : {}),
  } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    baseConnector({ ...options, servername } as buildConnector.Options, (...args) => {
      const [err, socket] = args;
      if (!err && tls && socket) certificate ??= readCertificate(socket as TLSSocket, name);
      callback(...args);
    });
  };
  const hostHeader = name === undefined ? undefined : (tls && port === 443) || (!tls && port === 80) ? name : `${name}:${port}`;
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const client = new Client(origin, {
    connect,
    pipelining: 1,
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 4_000,
    keepAliveTimeoutThreshold: KEEP_ALIVE_THRESHOLD_MS,
  });

  const fetch = (request: ProbeRequest): Promise<HttpResult> =>
    request.method === 'POST'
      ? request.body === undefined
        ? Promise.resolve({ ok: false, error: `refused: POST ${request.path} without its fixed read-only body` })
        : send('POST', request.path, { 'content-type': request.bodyEncoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json', ...request.headers }, request.body)
      : send(request.method ?? 'GET', request.path, request.headers, undefined);
  const send = async (method: 'GET' | 'HEAD' | 'POST' | 'DELETE', path: string, extraHeaders: Readonly<Record<string, string>> | undefined, body: string | undefined): Promise<HttpResult> => {
    // Paths whose GET changes state on some product are never sent, whatever asked for them.
    const forbidden = neverRequestRule(path);
    if (forbidden) return { ok: false, error: `refused: ${method} ${path} is on the never-request list (${forbidden.product}: ${forbidden.effect})` };
    const sentPath = limits.pathPrefix ? `${limits.pathPrefix}${path}` : path;
    // The endpoint's budget (see `endpointTimeoutMs`, `maxEndpointBodyBytes`) bounds every request too.
    if (budget?.deadline.aborted) return { ok: false, error: 'TimeoutError: endpoint time budget spent' };
    const deadline = startDeadline(limits.requestTimeoutMs, budget?.deadline);
    const signal = deadline.signal;
    const maxBody = budget ? Math.min(limits.maxBodyBytes, Math.max(budget.bodyBytesLeft, MIN_BODY_BYTES)) : limits.maxBodyBytes;
    try {
      const response = await client.request({
        method,
        path: sentPath,
        // The owner's proxy headers go first: a probe's own headers (content-type, MCP's) win.
        headers: { 'user-agent': limits.userAgent, accept: '*/*', ...(hostHeader ? { host: hostHeader } : {}), ...limits.requestHeaders, ...extraHeaders },
        ...(body !== undefined ? { body } : {}),
        signal,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      // An event stream opened by a GET never ends by itself (MCP's HTTP+SSE `GET /sse`): its first
      // event is the answer. POST answers (protocol readers) are streams that end after the JSON-RPC
      // response and may open with another event, so they are read to the end as before.
      const eventStream = method === 'GET' && isEventStream(headers['content-type']);
      const cap = eventStream ? Math.min(maxBody, FIRST_EVENT_MAX_BYTES) : maxBody;
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      let firstEvent = false;
      // The last bytes read before this chunk: an event's end ("\r\n\r\n") may straddle chunks, and
      // searching only the new bytes keeps a stream dripped a byte at a time linear, not quadratic.
      let carry = Buffer.alloc(0);
      for await (const chunk of response.body) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).length;
        let end: number | undefined;
        if (eventStream) {
          const window = Buffer.concat([carry, chunk as Buffer]);
          const at = endOfFirstEvent(window);
          if (at !== undefined) end = size - window.length + at;
          carry = window.subarray(Math.max(0, window.length - 3));
        }
        if (end !== undefined && end <= cap) {
          size = end;
          firstEvent = true;
          break;
        }
        if (size >= cap) {
          size = cap;
          truncated = true;
          break;
        }
      }
      // Leaving the loop early (cap, first event) destroys the body: undici closes that connection
      // and the session's next request opens a fresh one (pipelining 1: nothing else was on it).
      if (truncated || firstEvent) response.body.destroy();
      if (budget) budget.bodyBytesLeft -= size;
      return {
        ok: true,
        status: response.statusCode,
        headers,
        body: Buffer.concat(chunks, size).toString('utf8'),
        truncated,
      };
    } catch (err) {
      return { ok: false, error: describeError(err) };
    } finally {
      deadline.release();
    }
  };

  return {
    tls,
    fetch,
    post: (path, body, headers) => send('POST', path, headers, body),
    delete: (path, headers) => send('DELETE', path, headers, undefined),
    certificate: () => certificate,
    close: async () => {
      await client.destroy(SESSION_CLOSED).catch(() => undefined);
    },
  };
}

/**
 * Most bytes read of an event stream's first event (see `endOfFirstEvent`): an MCP `endpoint`
 * event is ~80 bytes. A stream whose first event is longer is cut here and marked truncated.
 */
export const FIRST_EVENT_MAX_BYTES = 16 * 1024;

function isEventStream(contentType: string | undefined): boolean {
  return /^\s*text\/event-stream\s*(;|$)/i.test(contentType ?? '');
}

/**
 * Where the first event of an SSE body ends: just past its blank line (`\n\n` or `\r\n\r\n`;
 * mixed line ends too). Undefined while no event is complete. WHATWG HTML, server-sent events:
 * "dispatch the event" on an empty line.
 */
function endOfFirstEvent(body: Buffer): number | undefined {
  const match = /\r?\n\r?\n/.exec(body.toString('latin1'));
  return match ? match.index + match[0].length : undefined;
}

function readCertificate(socket: TLSSocket, name: string | undefined): TlsCertificateInfo | undefined {
  try {
    const cert = socket.getPeerCertificate();
    if (!cert || Object.keys(cert).length === 0) return { authorized: socket.authorized, selfSigned: false };
    // Why (found by test/hostile): names come from the host, verbatim: a CN of terminal escapes,
    // bidi overrides and `<!channel>` went as is into the CLI's JSON lines (JSON escapes C0 controls
    // only). Cleaned and capped here like any text from a scanned host (see alerts/sanitize.ts).
    const subject = certName(cert.subject?.CN);
    const issuer = certName(cert.issuer?.CN);
    const error = socket.authorizationError ? String(socket.authorizationError) : undefined;
    return {
      authorized: socket.authorized,
      ...(error ? { authorizationError: error } : {}),
      selfSigned: error === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error === 'SELF_SIGNED_CERT_IN_CHAIN' || (subject !== undefined && subject === issuer),
      ...(subject ? { subject } : {}),
      ...(issuer ? { issuer } : {}),
      ...(cert.valid_to ? { validTo: cert.valid_to } : {}),
      ...(name !== undefined ? nameCheck(name, cert) : {}),
      ...certificateNames(cert),
    };
  } catch {
    return undefined;
  }
}

/** Most names kept from one certificate: a CDN certificate lists hundreds. */
const MAX_CERT_NAMES = 20;

function certificateNames(cert: PeerCertificate): { names?: string[] } {
  const san = (cert.subjectaltname ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('DNS:'))
    .map((s) => s.slice(4));
  const cn = certName(cert.subject?.CN);
  const names = [...new Set((san.length > 0 ? san : cn ? [cn] : []).map((n) => cleanText(n, MAX_CERT_NAME).toLowerCase()))].slice(0, MAX_CERT_NAMES);
  return names.length > 0 ? { names } : {};
}

/** Whether the certificate covers the name (Node's own check, as a TLS client would apply it). */
function nameCheck(name: string, cert: PeerCertificate): { nameMismatch?: string } {
  const error = checkServerIdentity(name, cert);
  return error ? { nameMismatch: cleanText(error.message, MAX_CERT_NAME) } : {};
}

function certName(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return cleanText(Array.isArray(value) ? value.join(', ') : value, MAX_CERT_NAME) || undefined;
}

const MAX_CERT_NAME = 200;

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return `${code ?? err.name}: ${err.message}`.slice(0, 200);
  }
  return String(err).slice(0, 200);
}
