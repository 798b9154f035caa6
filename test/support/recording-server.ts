import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A loopback HTTP server that reads each request's whole body, records it as
 * `METHOD url content-type body` (content-type `-` when absent) and then lets `answer` reply:
 * what tests of request bodies on the wire assert against.
 */
export function recordingServer(answer: (req: IncomingMessage, body: string, res: ServerResponse) => void): { server: Server; received: string[] } {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push(`${req.method} ${req.url} ${req.headers['content-type'] ?? '-'} ${body}`);
      answer(req, body, res);
    });
  });
  return { server, received };
}
