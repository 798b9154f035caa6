import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Crawl4AI Docker server (LLM-ready web crawler with an MCP bridge), port 11235. Open instances
 * crawl any URL for anyone (SSRF into the internal network), run hooks and call the configured LLM.
 * - `GET /health` (always public): `{"status": "ok", "timestamp": <float>, "version": "<crawl4ai>"}`;
 *   alone that shape is plain, so it identifies only with
 * - `GET /playground/` (the static playground, public under the auth gate too): `<title>Crawl4AI
 *   Playground</title>`.
 * Auth, from `GET /openapi.json` (FastAPI, title from config.yml `app.title` "Crawl4AI API"):
 * - 0.9.0 and later: `AuthGateMiddleware` covers every route but `/health`, `/token` and the UI
 *   prefixes and answers 401 `{"detail": "Authentication required"}` without a credential
 *   (`CRAWL4AI_API_TOKEN` or a JWT); the server refuses to bind a non-loopback address without one.
 * - Before 0.9.0: no gate; with `security.jwt_enabled` the routes depend on `verify_token`
 *   (FastAPI `HTTPBearer`), so the document lists an `HTTPBearer` scheme; without it (the default)
 *   the API is open and the document has no security scheme.
 * Version: `/health` `version`.
 * Read from source at v0.9.2 (unclecode/crawl4ai, 2026-07-15): deploy/docker/server.py (`health`, `root`
 * redirect to /playground, mounts, `_resolve_auth`, public paths), deploy/docker/auth_gate.py (`_reject`),
 * deploy/docker/config.yml (`app.title`, port 11235), deploy/docker/static/playground/index.html; and at v0.7.0:
 * deploy/docker/server.py, deploy/docker/auth.py (`get_token_dependency`, HTTPBearer).
 */
export const crawl4ai: CatalogEntry = {
  service: 'crawl4ai',
  name: 'Crawl4AI server',
  category: 'agent-builder',
  ports: [11235],
  sources: [
    'https://github.com/unclecode/crawl4ai/blob/main/deploy/docker/server.py',
    'https://github.com/unclecode/crawl4ai/blob/main/deploy/docker/auth_gate.py',
    'https://github.com/unclecode/crawl4ai/blob/main/deploy/docker/config.yml',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.9.2 (2026-07-15)' },
  exposes: 'a headless-browser crawler that fetches any URL on request (internal network included), its MCP tools and the configured LLM',
  identify: [
    {
      request: { path: '/health' },
      match: { status: 200, json: [{ path: 'status', equals: 'ok' }, { path: 'timestamp', type: 'number' }, { path: 'version', type: 'string' }] },
      confirm: { request: { path: '/playground/' }, match: { status: 200, bodyContains: ['<title>Crawl4AI Playground</title>'] } },
    },
  ],
  auth: [
    {
      request: { path: '/openapi.json' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Authentication required' }] },
      auth: 'required',
      evidence: 'GET /openapi.json -> {status} "Authentication required" (auth gate: CRAWL4AI_API_TOKEN or JWT)',
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Crawl4AI API' }], bodyContains: ['"HTTPBearer"'] },
      auth: 'required',
      evidence: 'GET /openapi.json -> {status}: the crawl routes require an HTTPBearer JWT (security.jwt_enabled)',
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Crawl4AI API' }], bodyExcludes: ['"HTTPBearer"'] },
      auth: 'none',
      evidence: 'GET /openapi.json -> {status}: the crawl API is served without a token (jwt_enabled false, no auth gate)',
    },
  ],
  version: [{ request: { path: '/health' }, json: 'version' }],
  // deploy/docker/README.md and config.yml: set CRAWL4AI_API_TOKEN (0.9+) or security.jwt_enabled with SECRET_KEY; bind loopback.
  remediation: {
    fix: 'Upgrade to Crawl4AI 0.9 or later and set CRAWL4AI_API_TOKEN (or enable JWT with a SECRET_KEY) so every route needs a credential; keep the server bound to 127.0.0.1 unless it must be shared.',
    settings: ['CRAWL4AI_API_TOKEN=<random>', 'security.jwt_enabled: true', 'SECRET_KEY=<random>', 'app.host: "127.0.0.1"'],
    docs: 'https://github.com/unclecode/crawl4ai/blob/main/deploy/docker/README.md',
    allows: ['read-data', 'spend-api-keys'],
  },
};
