import type { CatalogEntry } from '../catalog-schema.js';

/**
 * n8n-MCP (czlonkowski/n8n-mcp) in HTTP mode (`MCP_MODE=http`), port 3000 (`PORT`, host
 * 0.0.0.0): an MCP server with n8n node documentation and, when `N8N_API_URL`/`N8N_API_KEY` are
 * set, tools that create, change and run workflows on that n8n instance.
 * - `GET /` (public): `{"name": "n8n Documentation MCP Server", "version", "description",
 *   "endpoints", "authentication": {"type": "Bearer Token", ...}, "documentation":
 *   "https://github.com/czlonkowski/n8n-mcp"}`;
 * - `GET /health` (public, confirms): `{"status": "ok", "version", "uptime", "timestamp"}`.
 * Auth: HTTP mode refuses to start without `AUTH_TOKEN` (`validateEnvironment`), and every MCP
 * route, `GET /mcp` included, answers 401 with the JSON-RPC error `{"code": -32001, "message":
 * "Unauthorized"}` without `Authorization: Bearer <AUTH_TOKEN>`. `order: 80` keeps the generic
 * MCP entry from taking that 401. A leaked or default token is not checked (none is documented).
 * Version: `GET /` `version` (package version).
 * Read from source at f64f75e (czlonkowski/n8n-mcp, read through the code index): src/http-server-single-session.ts
 * (`start`: `/`, `/health`, `GET /mcp`, `authenticateRequest`, 404 handler, PORT/HOST defaults); and at 149b59a
 * (2025-06-15, v2.3.2): src/http-server.ts, src/http-server-single-session.ts (`validateEnvironment`: AUTH_TOKEN required); package.json at 0175e6c (2.70.3).
 */
export const n8nMcp: CatalogEntry = {
  service: 'n8n-mcp',
  name: 'n8n-MCP server',
  category: 'agent-builder',
  ports: [3000],
  order: 80,
  sources: [
    'https://github.com/czlonkowski/n8n-mcp/blob/main/src/http-server-single-session.ts',
    'https://github.com/czlonkowski/n8n-mcp/blob/main/src/http-server.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@f64f75e (file-level; package.json 2.70.3 at 0175e6c)' },
  exposes: 'MCP tools for n8n: node documentation and, with an n8n API key configured, workflow create/update/run on that n8n',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'name', equals: 'n8n Documentation MCP Server' }, { path: 'documentation', contains: 'czlonkowski/n8n-mcp' }] },
      confirm: { request: { path: '/health' }, match: { status: 200, json: [{ path: 'status', equals: 'ok' }, { path: 'uptime', type: 'number' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/mcp' },
      match: { status: 401, json: [{ path: 'jsonrpc', equals: '2.0' }, { path: 'error.code', equals: -32001 }, { path: 'error.message', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /mcp -> {status} Unauthorized (AUTH_TOKEN bearer, mandatory in HTTP mode)',
    },
  ],
  version: [{ request: { path: '/' }, json: 'version' }],
  // docs/HTTP_DEPLOYMENT.md: AUTH_TOKEN (32+ chars, `openssl rand -base64 32`) is required in HTTP mode; keep it behind TLS.
  remediation: {
    fix: 'Keep AUTH_TOKEN long and random (openssl rand -base64 32) and secret, serve n8n-MCP only over TLS behind a reverse proxy, and do not publish it where only local MCP clients need it.',
    settings: ['AUTH_TOKEN=<openssl rand -base64 32>', 'HOST=127.0.0.1'],
    docs: 'https://github.com/czlonkowski/n8n-mcp/blob/main/docs/HTTP_DEPLOYMENT.md',
    allows: ['read-data', 'write-data', 'run-code'],
  },
};
