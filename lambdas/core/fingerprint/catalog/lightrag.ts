import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LightRAG server (HKUDS), a graph-RAG API and web UI on 9621 (`--port`, default 9621, bound to
 * 0.0.0.0). Login accounts (`AUTH_ACCOUNTS`) and an API key (`LIGHTRAG_API_KEY`) are both optional:
 * without accounts, `GET /auth-status` hands out a guest token to anyone.
 * - `GET /openapi.json`: FastAPI schema titled "LightRAG Server API".
 * - `GET /auth-status` (public in every mode): `{"auth_configured": <bool>, "auth_mode":
 *   "disabled"|"enabled", "core_version", "api_version", "webui_title", ...}`, plus a guest
 *   `access_token` when no accounts are configured.
 * - `GET /openapi.json` `info.description` carries " (API-Key Enabled)" when `LIGHTRAG_API_KEY` is set (`swagger_description`).
 * - `GET /health`: `{"status": "healthy", "configuration": {"llm_binding", "llm_binding_host",
 *   "llm_model", "embedding_*", ...}, "auth_mode", "core_version", ...}`; it is in the default
 *   `WHITELIST_PATHS` (/health,/docs,/openapi.json; older releases /health,/api/*), so it answers
 *   even with an API key: only the OpenAPI description tells the key apart.
 * Read from source at main (HKUDS/LightRAG, 2026; code-index file 54495535456): lightrag/api/lightrag_server.py
 * (`app_kwargs` title, `get_auth_status`, `get_status` on `/health`, `redirect_to_webui`), lightrag/api/utils_api.py
 * (`--port` default 9621, `--host` 0.0.0.0, `LIGHTRAG_API_KEY`), lightrag/api/config.py (`WHITELIST_PATHS` defaults, code-index ids 59139772735, 57388609510).
 */
export const lightrag: CatalogEntry = {
  service: 'lightrag',
  name: 'LightRAG server',
  category: 'agent-builder',
  ports: [9621],
  sources: [
    'https://github.com/HKUDS/LightRAG/blob/main/lightrag/api/lightrag_server.py',
    'https://github.com/HKUDS/LightRAG/blob/main/lightrag/api/utils_api.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main (HKUDS/LightRAG, 2026' },
  exposes: 'the knowledge graph and documents (query, upload, delete) and the configured LLM and embedding backends',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'LightRAG Server API' }, { path: 'paths', type: 'object' }] },
      confirm: {
        request: { path: '/auth-status' },
        match: { status: 200, json: [{ path: 'auth_configured', type: 'boolean' }, { path: 'auth_mode', type: 'string' }, { path: 'core_version', exists: true }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/auth-status' },
      match: { status: 200, json: [{ path: 'auth_configured', equals: true }, { path: 'auth_mode', equals: 'enabled' }] },
      auth: 'required',
      evidence: 'GET /auth-status -> {status} auth_mode "enabled": login accounts (AUTH_ACCOUNTS) are configured',
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.description', contains: '(API-Key Enabled)' }] },
      auth: 'required',
      evidence: 'GET /openapi.json -> {status}: "(API-Key Enabled)", the API needs LIGHTRAG_API_KEY',
    },
    {
      request: { path: '/health' },
      match: { status: 200, json: [{ path: 'status', equals: 'healthy' }, { path: 'auth_mode', equals: 'disabled' }] },
      auth: 'none',
      evidence: 'GET /health -> {status}: no login accounts and no API key, /auth-status hands out a guest token; LLM "{json:configuration.llm_model}" via {json:configuration.llm_binding}',
    },
  ],
  version: [{ request: { path: '/auth-status' }, json: 'core_version' }],
  // lightrag/api/README.md "Authentication": AUTH_ACCOUNTS + TOKEN_SECRET for the WebUI login, LIGHTRAG_API_KEY for the API.
  remediation: {
    fix: 'Configure login accounts (AUTH_ACCOUNTS with a TOKEN_SECRET) and an API key (LIGHTRAG_API_KEY), and bind the server to a private address (HOST) unless it must be public.',
    settings: ['AUTH_ACCOUNTS=<user>:<password>', 'TOKEN_SECRET=<random>', 'LIGHTRAG_API_KEY=<key>', 'HOST=127.0.0.1'],
    docs: 'https://github.com/HKUDS/LightRAG/blob/main/lightrag/api/README.md',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
