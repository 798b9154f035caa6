import type http from 'node:http';
import type net from 'node:net';
import { everyWhileOpen, gzipBomb, type HostileServer, httpServer, pump, rawServer } from './servers.js';

/**
 * The hostile behaviours, each a server factory. The single-case tests start one per case on
 * 127.0.90.x; the block test starts one of each on 127.0.91.x next to two genuine services.
 */

export interface CaseContext {
  /** Where the "redirect to another host" case points: a server that must never be contacted. */
  readonly elsewhere: { host: string; port: number };
}

export interface HostileCase {
  readonly name: string;
  /** Port to listen on: 8080 is a deep-probe port (every catalog probe is tried), 8443 is tried TLS first. */
  readonly port: number;
  start(host: string, port: number, ctx: CaseContext): Promise<HostileServer>;
  /** Limits this case needs beyond HOSTILE_OPTIONS (applied in the single-case test). */
  readonly options?: { readonly maxBodyBytes?: number };
}

const MB = 1024 * 1024;

/** Answers every HTTP request on a raw socket with `answer(requestHead)`. */
function onEachRequest(socket: net.Socket, answer: (head: string) => void): void {
  let buffered = '';
  socket.on('data', (data: Buffer) => {
    buffered += data.toString('latin1');
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) break;
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      answer(head);
    }
    if (buffered.length > 64 * 1024) buffered = '';
  });
}

const json = (res: http.ServerResponse, status: number, body: string): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
};

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'slowloris headers',
    port: 8080,
    // A status line, then one header byte every 500 ms, forever.
    start: (host, port) =>
      rawServer('slowloris headers', host, port, (socket) => {
        socket.write('HTTP/1.1 200 OK\r\nX-Slow: ');
        everyWhileOpen(socket, 500, () => socket.write('a'));
      }),
  },
  {
    name: 'endless body (fast)',
    port: 8080,
    start: (host, port) =>
      httpServer('endless body (fast)', host, port, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        pump(res, Buffer.alloc(64 * 1024, '['));
      }),
  },
  {
    name: 'endless body (drip)',
    port: 8080,
    // One byte every 200 ms: the body timeout (silence) never fires, only the request cap can.
    start: (host, port) =>
      rawServer('endless body (drip)', host, port, (socket) => {
        onEachRequest(socket, () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n');
          everyWhileOpen(socket, 200, () => socket.write('1\r\nx\r\n'));
        });
      }),
  },
  {
    name: 'event stream that never ends an event (drip)',
    port: 8080,
    // An event stream is read only to its first event; this one never completes one (no blank
    // line), a byte every 200 ms: as for any drip, only the request cap and the endpoint budget end it.
    start: (host, port) =>
      rawServer('event stream that never ends an event (drip)', host, port, (socket) => {
        onEachRequest(socket, () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n6\r\ndata: \r\n');
          everyWhileOpen(socket, 200, () => socket.write('1\r\nx\r\n'));
        });
      }),
  },
  {
    name: 'endless event stream on every path (fast)',
    port: 8080,
    // Every path opens a stream of events as fast as it is read: the prober keeps each first event,
    // hangs up that connection and opens a new one for the next path.
    start: (host, port) =>
      httpServer('endless event stream on every path (fast)', host, port, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        pump(res, Buffer.from(`event: tick\ndata: ${'x'.repeat(1000)}\n\n`.repeat(64)));
      }),
  },
  {
    name: 'huge body (50 MB)',
    port: 8080,
    start: (host, port) =>
      httpServer('huge body (50 MB)', host, port, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * MB) });
        pump(res, Buffer.alloc(64 * 1024, 'Ollama is running '), 50 * MB);
      }),
  },
  {
    name: 'gzip bomb',
    port: 8080,
    start: async (host, port) => {
      const bomb = await gzipBomb();
      return httpServer('gzip bomb', host, port, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        res.end(bomb);
      });
    },
  },
  {
    name: 'deeply nested JSON (100k)',
    port: 8080,
    // 200 KB: under the body cap, so the prober really parses it.
    start: (host, port) => {
      const arrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const objects = `{"object":"list","data":${'{"object":'.repeat(20_000)}"model"${'}'.repeat(20_000)}}`;
      return httpServer('deeply nested JSON (100k)', host, port, (req, res) => json(res, 200, req.url === '/v1/models' ? objects : arrays));
    },
  },
  {
    name: 'huge JSON on /v1/models',
    port: 8080,
    // An OpenAI-shaped list that never ends (50 MB): cut at the cap, so never parsed or matched.
    start: (host, port) => {
      const item = Buffer.from('{"id":"m","object":"model","owned_by":"hostile"},'.repeat(1024));
      return httpServer('huge JSON on /v1/models', host, port, (req, res) => {
        if (req.url !== '/v1/models') return json(res, 200, '{"status":"ok"}');
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"object":"list","data":[');
        pump(res, item, 50 * MB);
      });
    },
  },
  {
    name: 'wide JSON array (400k entries)',
    port: 8080,
    // 800 KB, valid, under the production body cap (1 MiB), and far wider than a call's argument
    // limit: the matcher fans out over `data[]`. (This one found a crash, see match.ts `valuesAt`.)
    options: { maxBodyBytes: 1024 * 1024 },
    start: (host, port) => {
      const wide = `{"object":"list","data":[${'0,'.repeat(400_000 - 1)}0]}`;
      return httpServer('wide JSON array (400k entries)', host, port, (req, res) => json(res, 200, req.url === '/v1/models' || req.url === '/api/tags' ? wide : '{"ok":true}'));
    },
  },
  {
    name: 'header flood (5,000 headers)',
    port: 8080,
    start: (host, port) => {
      const head = `HTTP/1.1 200 OK\r\n${Array.from({ length: 5_000 }, (_, i) => `x-h${i}: ${i}\r\n`).join('')}content-length: 2\r\n\r\nok`;
      return rawServer('header flood (5,000 headers)', host, port, (socket) => onEachRequest(socket, () => socket.write(head)));
    },
  },
  {
    name: 'header flood (1 MB header)',
    port: 8080,
    start: (host, port) => {
      const head = `HTTP/1.1 200 OK\r\nx-big: ${'b'.repeat(MB)}\r\ncontent-length: 2\r\n\r\nok`;
      return rawServer('header flood (1 MB header)', host, port, (socket) => onEachRequest(socket, () => socket.write(head)));
    },
  },
  {
    name: 'malformed HTTP status line',
    port: 8080,
    start: (host, port) =>
      rawServer('malformed HTTP status line', host, port, (socket) =>
        onEachRequest(socket, () => socket.write('HTTX/9.9 OK OK OK\r\n\u0000\u0001\u00ff garbage\r\n\r\nOllama is running')),
      ),
  },
  {
    name: 'SSH banner',
    port: 8080,
    start: (host, port) => rawServer('SSH banner', host, port, (socket) => socket.write('SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n')),
  },
  {
    name: 'SMTP banner',
    port: 8080,
    start: (host, port) =>
      rawServer('SMTP banner', host, port, (socket) => {
        socket.write('220 mail.example.test ESMTP Postfix\r\n');
        socket.on('data', () => socket.write('500 5.5.2 Error: bad syntax\r\n'));
      }),
  },
  {
    name: 'reset mid-response',
    port: 8080,
    start: (host, port) =>
      rawServer('reset mid-response', host, port, (socket) =>
        onEachRequest(socket, () => {
          socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"object":"list","data":[{"id":"m","object":"mo');
          socket.resetAndDestroy();
        }),
      ),
  },
  {
    name: 'redirect loop to itself',
    port: 8080,
    start: (host, port) =>
      httpServer('redirect loop to itself', host, port, (req, res) => {
        res.writeHead(req.url === '/' ? 302 : 307, { location: req.url === '/' ? `http://${host}:${port}/` : (req.url ?? '/') });
        res.end();
      }),
  },
  {
    name: 'redirect to another host',
    port: 8080,
    start: (host, port, ctx) =>
      httpServer('redirect to another host', host, port, (req, res) => {
        res.writeHead(req.url === '/' ? 301 : 308, { location: `http://${ctx.elsewhere.host}:${ctx.elsewhere.port}${req.url ?? '/'}` });
        res.end();
      }),
  },
  {
    name: 'tarpit (accepts, never sends)',
    port: 8080,
    start: (host, port) => rawServer('tarpit (accepts, never sends)', host, port, () => undefined),
  },
  {
    name: 'stalled TLS handshake',
    port: 8443,
    // Tried TLS first (8443): the ClientHello is read and never answered.
    start: (host, port) => rawServer('stalled TLS handshake', host, port, (socket) => socket.resume()),
  },
  {
    name: 'broken TLS (garbage after ClientHello)',
    port: 8443,
    start: (host, port) =>
      rawServer('broken TLS (garbage after ClientHello)', host, port, (socket) => {
        socket.once('data', () => {
          // A TLS record header announcing a handshake, then noise.
          socket.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0x40, 0x00]), Buffer.alloc(4096, 0xa5)]));
        });
      }),
  },
  {
    name: 'informational (1xx) flood',
    port: 8080,
    // Each 1xx refreshes undici's header timer; only the request cap ends this.
    start: (host, port) =>
      rawServer('informational (1xx) flood', host, port, (socket) =>
        onEachRequest(socket, () => everyWhileOpen(socket, 200, () => socket.write('HTTP/1.1 103 Early Hints\r\nlink: </x>; rel=preload\r\n\r\n'))),
      ),
  },
  {
    name: 'path tarpit (fast /, stalls the rest)',
    port: 8080,
    // Answers `/` at once so the prober commits to this endpoint, then drips every other answer a
    // byte at a time (defeating header and body timeouts): each probe path costs a full request
    // timeout, and a deep-probe port has ~25 of them.
    start: (host, port) =>
      rawServer('path tarpit (fast /, stalls the rest)', host, port, (socket) =>
        onEachRequest(socket, (head) => {
          if (head.startsWith('GET / ')) socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 13\r\n\r\n<html></html>');
          else {
            socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
            everyWhileOpen(socket, 200, () => socket.write('1\r\n \r\n'));
          }
        }),
      ),
  },
];
