import type { TLSSocket } from 'node:tls';
import { buildConnector, Client } from 'undici';
import type { ProbeRequest } from '../fingerprint/catalog-schema.js';
import type { HttpFetch, HttpResult } from '../fingerprint/http-result.js';

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
  readonly userAgent: string;
}

/** What the TLS handshake showed; recorded, never a reason to refuse (self-signed is common). */
export interface TlsCertificateInfo {
  readonly authorized: boolean;
  readonly authorizationError?: string;
  readonly selfSigned: boolean;
  readonly subject?: string;
  readonly issuer?: string;
  readonly validTo?: string;
}

export interface HttpSession {
  readonly tls: boolean;
  readonly fetch: HttpFetch;
  certificate(): TlsCertificateInfo | undefined;
  close(): Promise<void>;
}

const MAX_HEADER_BYTES = 16 * 1024;

/**
 * One kept-alive connection to one endpoint (undici `Client`, pipelining 1): fingerprinting sends
 * several small requests, and reusing the connection costs far less than reconnecting each time.
 * Redirects are never followed (the answer is recorded as is), bodies are never decompressed.
 */
export function openHttpSession(host: string, port: number, tls: boolean, limits: HttpLimits, deadline?: AbortSignal): HttpSession {
  let certificate: TlsCertificateInfo | undefined;
  const baseConnector = buildConnector({
    rejectUnauthorized: false,
    timeout: limits.connectTimeoutMs,
    // An IP literal is not a valid SNI name; send none.
    servername: undefined,
  } as buildConnector.BuildOptions);
  const connect: buildConnector.connector = (options, callback) => {
    baseConnector({ ...options, servername: undefined } as buildConnector.Options, (...args) => {
      const [err, socket] = args;
      if (!err && tls && socket) certificate ??= readCertificate(socket as TLSSocket);
      callback(...args);
    });
  };
  const origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const client = new Client(origin, {
    connect,
    pipelining: 1,
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.bodyTimeoutMs,
    maxHeaderSize: MAX_HEADER_BYTES,
    keepAliveTimeout: 4_000,
  });

  const fetch = async (request: ProbeRequest): Promise<HttpResult> => {
    // `deadline`: the endpoint's whole budget (see `endpointTimeoutMs`), shared by its sessions.
    if (deadline?.aborted) return { ok: false, error: 'TimeoutError: endpoint time budget spent' };
    const perRequest = AbortSignal.timeout(limits.requestTimeoutMs);
    const signal = deadline ? AbortSignal.any([perRequest, deadline]) : perRequest;
    try {
      const response = await client.request({
        method: request.method ?? 'GET',
        path: request.path,
        headers: { 'user-agent': limits.userAgent, accept: '*/*', ...request.headers },
        signal,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of response.body) {
        const buf = chunk as Buffer;
        const room = limits.maxBodyBytes - size;
        if (buf.length >= room) {
          chunks.push(buf.subarray(0, room));
          size += room;
          truncated = true;
          break;
        }
        chunks.push(buf);
        size += buf.length;
      }
      if (truncated) response.body.destroy();
      return {
        ok: true,
        status: response.statusCode,
        headers,
        body: Buffer.concat(chunks, size).toString('utf8'),
        truncated,
      };
    } catch (err) {
      return { ok: false, error: describeError(err) };
    }
  };

  return {
    tls,
    fetch,
    certificate: () => certificate,
    close: async () => {
      await client.destroy().catch(() => undefined);
    },
  };
}

function readCertificate(socket: TLSSocket): TlsCertificateInfo | undefined {
  try {
    const cert = socket.getPeerCertificate();
    if (!cert || Object.keys(cert).length === 0) return { authorized: socket.authorized, selfSigned: false };
    const subject = cert.subject?.CN ?? undefined;
    const issuer = cert.issuer?.CN ?? undefined;
    const error = socket.authorizationError ? String(socket.authorizationError) : undefined;
    return {
      authorized: socket.authorized,
      ...(error ? { authorizationError: error } : {}),
      selfSigned: error === 'DEPTH_ZERO_SELF_SIGNED_CERT' || error === 'SELF_SIGNED_CERT_IN_CHAIN' || (subject !== undefined && subject === issuer),
      ...(subject ? { subject: String(subject) } : {}),
      ...(issuer ? { issuer: String(issuer) } : {}),
      ...(cert.valid_to ? { validTo: cert.valid_to } : {}),
    };
  } catch {
    return undefined;
  }
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return `${code ?? err.name}: ${err.message}`.slice(0, 200);
  }
  return String(err).slice(0, 200);
}
