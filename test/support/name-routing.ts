import type http from 'node:http';
import type { TLSSocket } from 'node:tls';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** What an ingress answers a request whose name it does not route: its default backend's 404. */
export const defaultBackend: Handler = (_req, res) => {
  res.writeHead(404, { 'content-type': 'text/plain' }).end('default backend - 404');
};

/** A reverse proxy that routes by HTTP Host (`name:port`, as a client sends it on a non-default port). */
export function routeByHost(routes: Readonly<Record<string, Handler>>): Handler {
  return (req, res) => (routes[String(req.headers.host)] ?? defaultBackend)(req, res);
}

/** A TLS ingress that routes by the SNI name the client sent. */
export function routeBySni(routes: Readonly<Record<string, Handler>>): Handler {
  return (req, res) => (routes[String((req.socket as TLSSocket).servername)] ?? defaultBackend)(req, res);
}
