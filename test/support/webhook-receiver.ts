import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
