import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { DEFAULT_PROBE_OPTIONS, type ProbeOptions } from '../../../lambdas/core/probing/probe-targets.js';

/**
 * Hostile servers for the prober's hostile-target suite. Every server binds an address under
 * 127.0.90.0-127.0.99.255 (loopback, and apart from the nets other test files use); the helpers
 * refuse anything else, so a typo can never put a listener or a probe on a real interface.
 */

const HOSTILE_NET = /^127\.0\.9\d\.\d{1,3}$/;

export function assertHostileNet(host: string): void {
  if (!HOSTILE_NET.test(host)) throw new Error(`hostile servers bind 127.0.90.0-127.0.99.255 only, not ${host}`);
}

/** Small limits, so that every timeout path is exercised quickly; the body cap is a quarter of the production one. */
export const HOSTILE_OPTIONS: ProbeOptions = {
  ...DEFAULT_PROBE_OPTIONS,
  connectConcurrency: 64,
  httpConcurrency: 32,
  connectTimeoutMs: 500,
  headersTimeoutMs: 1_000,
  bodyTimeoutMs: 1_000,
  requestTimeoutMs: 2_000,
  endpointTimeoutMs: 4_000,
  maxBodyBytes: 256 * 1024,
};

/**
 * Limits for hosts that do answer (bad certificates, hostile text, a body to cap): generous, so an
 * answer is never missed, or cut short, because the machine is slow. Same body cap as above.
 */
export const ANSWERING_OPTIONS: ProbeOptions = {
  ...HOSTILE_OPTIONS,
  connectTimeoutMs: 15_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  requestTimeoutMs: 30_000,
  endpointTimeoutMs: 60_000,
};

/**
 * Wall-time bound of one hostile endpoint in the single-case tests: ten endpoint budgets (40 s),
 * an order of magnitude above the slowest case measured (path tarpit, 4.0 s, quiet and under a CPU
 * hog per core), so a slow or loaded machine never trips it. What it catches: without the
 * per-endpoint budget, the path tarpit costs a full request timeout per probe path, 25 or more
 * x 2 s = 50 s or more here (minutes at the production limits); a missing timeout never ends.
 */
export const CASE_BUDGET_MS = 10 * (HOSTILE_OPTIONS.endpointTimeoutMs ?? 0);
/**
 * Peak RSS growth allowed while one hostile endpoint is probed. Measured at most ~54 MB (endless
 * body, wide JSON: garbage the collector has not taken back yet), quiet and under a CPU hog per
 * core. It stays below the bugs it was written for: before the bounded JSON parse, 100k nested
 * `[` on every probe path grew the prober by ~200 MB; inflating the gzip bomb is 256 MiB; reading
 * an endless body without the cap grows without end.
 */
export const CASE_RSS_BUDGET_MB = 150;

export interface HostileServer {
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  /** Server-side sockets still open. */
  readonly open: ReadonlySet<net.Socket>;
  close(): Promise<void>;
}

/** Counts and keeps every accepted socket, so `close()` can end even servers that never hang up. */
function tracked(name: string, host: string, port: number, server: net.Server): Promise<HostileServer> {
  assertHostileNet(host);
  let accepted = 0;
  const open = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    accepted++;
    open.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => open.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  server.on('clientError', (_err: Error, socket: net.Socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        name,
        host,
        port: (server.address() as net.AddressInfo).port,
        connections: () => accepted,
        open,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A raw TCP server: `onSocket` decides everything the "service" does. */
export function rawServer(name: string, host: string, port: number, onSocket: (socket: net.Socket) => void): Promise<HostileServer> {
  return tracked(name, host, port, net.createServer(onSocket));
}

/** An HTTP (or, with `tlsMaterial`, HTTPS) server with a request handler. */
export function httpServer(
  name: string,
  host: string,
  port: number,
  handler: http.RequestListener,
  tlsMaterial?: { key: Buffer | string; cert: Buffer | string },
): Promise<HostileServer> {
  const server = tlsMaterial ? https.createServer(tlsMaterial, handler) : http.createServer(handler);
  // The hostile servers themselves must not time the prober out first.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.keepAliveTimeout = 60_000;
  return tracked(name, host, port, server);
}

/** Repeats `setInterval` work on a socket until it closes. */
export function everyWhileOpen(socket: net.Socket, ms: number, tick: () => void): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) clearInterval(timer);
    else tick();
  }, ms);
  socket.once('close', () => clearInterval(timer));
}

/**
 * Writes `chunk` as fast as the peer reads (respecting backpressure, so the server side never
 * buffers more than a socket's worth) until `total` bytes, or forever, or until the peer goes.
 */
export function pump(res: http.ServerResponse, chunk: Buffer, total = Number.POSITIVE_INFINITY): void {
  let sent = 0;
  const go = (): void => {
    while (sent < total) {
      if (res.destroyed || res.writableEnded) return;
      const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', go);
        return;
      }
    }
    res.end();
  };
  go();
}

let gzipBombCache: Buffer | undefined;
/** gzip of 256 MiB of zeros: about 250 KiB on the wire, 256 MiB if anyone inflated it. */
export async function gzipBomb(): Promise<Buffer> {
  if (gzipBombCache) return gzipBombCache;
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (b: Buffer) => parts.push(b));
  const finished = new Promise<void>((resolve, reject) => {
    gzip.once('end', resolve);
    gzip.once('error', reject);
  });
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 256; i++) {
    if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
  }
  gzip.end();
  await finished;
  gzipBombCache = Buffer.concat(parts);
  return gzipBombCache;
}
export const GZIP_BOMB_INFLATED_BYTES = 256 * 1024 * 1024;

export interface Measured<T> {
  readonly value: T;
  readonly ms: number;
  readonly rssGrowthMb: number;
  /** Highest RSS seen during the call (sampled every 10 ms) minus RSS before it. */
  readonly peakRssGrowthMb: number;
}

/** Runs `fn`, timing it and sampling RSS while it runs. */
export async function measure<T>(fn: () => Promise<T>): Promise<Measured<T>> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 10);
  const started = performance.now();
  let value: T;
  try {
    value = await fn();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  const after = process.memoryUsage.rss();
  peak = Math.max(peak, after);
  const mb = (n: number): number => Math.round((n / (1024 * 1024)) * 10) / 10;
  return { value, ms: Math.round(ms), rssGrowthMb: mb(after - before), peakRssGrowthMb: mb(peak - before) };
}

/** Open file descriptors of this process (Linux). */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

/**
 * Resolves once the prober has hung up `socket` (its FIN or RST arrived) and the server side has
 * let go of it too, so its descriptor is free; rejects after `ms` (an upper bound, not a sleep).
 */
export function closedWithin(socket: net.Socket, ms: number): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server-side socket still open ${ms} ms after the probe ended`)), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // The hostile servers never hang up themselves: an 'end' means the prober sent FIN.
    socket.once('end', () => socket.destroy());
    // 'end' comes only once unread data is consumed; a tarpit that never reads must drain now.
    socket.resume();
  });
}

export interface GeneratedCerts {
  readonly dir: string;
  /** Self-signed, CN and SAN `wrong-name.invalid`: matches no address the prober connects to. */
  readonly wrongName: { key: string; cert: string };
  /** Self-signed, valid 2020-01-01 to 2021-01-01. */
  readonly expired: { key: string; cert: string };
  /** Self-signed, CN full of terminal escapes and Slack control sequences. */
  readonly hostileName: { key: string; cert: string };
  cleanup(): void;
}

export const HOSTILE_CN = '\u001b[31m<!channel> <https://evil.example|click> \u202e\u0007';

/** Generates the test certificates with the openssl binary into a temp dir. */
export function generateCerts(): GeneratedCerts {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-tls-'));
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  run(['req', '-x509', ...ec, '-keyout', 'wrong-key.pem', '-out', 'wrong-cert.pem', '-days', '30', '-subj', '/CN=wrong-name.invalid', '-addext', 'subjectAltName=DNS:wrong-name.invalid']);
  // `openssl req -x509` refuses negative -days; `openssl ca -selfsign` takes explicit dates.
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    ['[ ca ]', 'default_ca = d', '[ d ]', 'dir = .', 'database = ./index.txt', 'new_certs_dir = .', 'serial = ./serial', 'default_md = sha256', 'policy = p', 'unique_subject = no', '[ p ]', 'commonName = supplied', ''].join('\n'),
  );
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '01\n');
  run(['req', '-new', ...ec, '-keyout', 'expired-key.pem', '-out', 'expired.csr', '-subj', '/CN=expired.invalid']);
  run(['ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'expired-key.pem', '-in', 'expired.csr', '-out', 'expired-cert.pem', '-startdate', '20200101000000Z', '-enddate', '20210101000000Z', '-notext']);
  // '/' inside a -subj value must be escaped.
  run(['req', '-x509', ...ec, '-keyout', 'hostile-key.pem', '-out', 'hostile-cert.pem', '-days', '30', '-utf8', '-subj', `/CN=${HOSTILE_CN.replace(/\//g, '\\/')}`]);
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  return {
    dir,
    wrongName: { key: read('wrong-key.pem'), cert: read('wrong-cert.pem') },
    expired: { key: read('expired-key.pem'), cert: read('expired-cert.pem') },
    hostileName: { key: read('hostile-key.pem'), cert: read('hostile-cert.pem') },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Figure {
  readonly name: string;
  readonly ms: number;
  readonly peakRssGrowthMb: number;
  readonly rssGrowthMb: number;
  readonly note?: string;
}

/** Prints the per-case figures at the end of a file (kept in the test output for the report). */
export function printFigures(title: string, figures: readonly Figure[]): void {
  if (figures.length === 0) return;
  const lines = figures.map((f) => `  ${f.name.padEnd(34)} ${String(f.ms).padStart(6)} ms  peak +${String(f.peakRssGrowthMb).padStart(6)} MB  end +${String(f.rssGrowthMb).padStart(6)} MB${f.note ? `  ${f.note}` : ''}`);
  console.log(`${title}\n${lines.join('\n')}`);
}
