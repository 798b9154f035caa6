import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The sink timeout for a receiver that answers. Generous on purpose: on a loaded machine an
 * answered request can take far longer than usual, and a sink that gave up on it would retry, so
 * the receiver would get the event twice and a test counting deliveries would fail for no fault
 * of the code. It costs nothing when the receiver answers. Tests whose point is a receiver that
 * hangs use `timeoutOnFirstSend` instead.
 */
export const SINK_TIMEOUT_MS = 30_000;

/**
 * Sink options for a receiver that hangs on its first request only: the first send gets
 * `shortMs`, so the hang is cut short quickly; every later send gets SINK_TIMEOUT_MS, so an
 * answered retry is never given up on because the machine is slow (a spurious timeout would be
 * retried and arrive twice). The sinks read `timeoutMs` once per request they send; `rest` holds
 * the other options (user agent, URL), copied as they are.
 */
export function timeoutOnFirstSend<T extends object>(shortMs: number, rest: T): T & { readonly timeoutMs: number } {
  let sends = 0;
  return Object.defineProperty({ ...rest }, 'timeoutMs', { enumerable: true, get: () => (sends++ === 0 ? shortMs : SINK_TIMEOUT_MS) }) as T & {
    readonly timeoutMs: number;
  };
}

export interface ReceivedRequest {
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A real HTTP receiver on loopback that records every POST. `respond` decides each answer, so
 * tests can make it fail, rate-limit, hang (status 0: no answer at all) or recover.
 */
export async function startWebhookReceiver(
  respond: (n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 }),
  host = '127.0.0.1',
): Promise<{ url: string; received: ReceivedRequest[]; attempts: () => number; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  let attempts = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      attempts++;
      const answer = respond(attempts);
      if (answer.status === 0) return; // a receiver that hangs: never answers this request
      if (answer.status >= 200 && answer.status < 300) received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.status < 300 ? 'ok' : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/hooks/secret-token-path`,
    received,
    attempts: () => attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
