import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Letta (ex-MemGPT) server v1, port 8283: an agent server whose agents run tools (code) on the
 * host. Open by default; `--secure` / `LETTA_SERVER_SECURE=true` adds `CheckPasswordMiddleware`:
 * every path except the health/readiness probes answers 401 `{"detail": "Unauthorized"}` without
 * `X-BARE-PASSWORD: password <pw>` or `Authorization: Bearer <pw>`.
 * - Open: `GET /openapi.json` has `info.title` "Letta API" (generate_openapi_schema renames the app's
 *   "Letta") and the app's `info.summary` "Create LLM agents with long-term memory and custom
 *   tools 📚🦙"; `GET /v1/agents/` lists agents.
 * - Locked: `GET /v1/health/` stays public and answers exactly `{"version": "<letta>", "status":
 *   "ok"}` (schemas/health.py field order); alone that shape is too plain, so it identifies only
 *   when `GET /v1/agents/` also answers the middleware's 401 `{"detail": "Unauthorized"}`.
 * Version: `/v1/health/` in both states. The v1 server was archived on 2026-08-15 (development
 * moved on); deployed instances remain.
 * Read from source at 0.16.8-6-g56ba9c2 (letta-ai/letta, the commit before the archive): letta/server/rest_api/app.py
 * (FastAPI title/summary, `--secure`, generate_openapi_schema), letta/server/rest_api/middleware/check_password.py,
 * letta/server/rest_api/routers/v1/health.py, letta/schemas/health.py, letta/constants.py (API_PREFIX /v1).
 */
export const letta: CatalogEntry = {
  service: 'letta',
  name: 'Letta (MemGPT) server',
  category: 'agent-builder',
  ports: [8283],
  openSeverity: 'critical',
  sources: [
    'https://github.com/letta-ai/letta/blob/0.16.7/letta/server/rest_api/app.py',
    'https://github.com/letta-ai/letta/blob/0.16.7/letta/server/rest_api/middleware/check_password.py',
    'https://github.com/letta-ai/letta/blob/0.16.7/letta/server/rest_api/routers/v1/health.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.16.8-6-g56ba9c2' },
  exposes: 'agents, their memory and messages, and tools that run code on the host',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', contains: 'Letta' }, { path: 'info.summary', contains: 'Create LLM agents with long-term memory' }] },
    },
    {
      request: { path: '/v1/health/' },
      match: { status: 200, bodyRegex: '^\\{"version":"[0-9][^"]{0,40}","status":"ok"\\}$' },
      confirm: { request: { path: '/v1/agents/' }, match: { status: 401, bodyRegex: '^\\{"detail":"Unauthorized"\\}$' } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/agents/' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/agents/ -> {status} without a password: {count:[]} agents listed',
    },
    {
      request: { path: '/v1/agents/' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /v1/agents/ -> {status} Unauthorized (--secure / LETTA_SERVER_SECURE=true)',
    },
  ],
  version: [{ request: { path: '/v1/health/' }, json: 'version' }],
  // docs "Self-hosting > Password protection": LETTA_SERVER_PASSWORD + SECURE=true (the server's `--secure`).
  remediation: {
    fix: 'Run the Letta server in secure mode (LETTA_SERVER_SECURE=true or --secure) with a strong LETTA_SERVER_PASSWORD so every API call needs it, and keep it off public addresses.',
    settings: ['LETTA_SERVER_SECURE=true', 'LETTA_SERVER_PASSWORD=<random>'],
    docs: 'https://docs.letta.com/guides/selfhosting',
    allows: ['run-code', 'read-data', 'write-data', 'spend-api-keys'],
  },
};
