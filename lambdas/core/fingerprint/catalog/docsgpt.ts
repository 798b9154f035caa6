import type { CatalogEntry } from '../catalog-schema.js';

/**
 * DocsGPT (arc53) backend, a Flask RAG API on 7091. `AUTH_TYPE` is unset by default: every request
 * then runs as the single user "local" (sources, agents, conversations, API keys of the
 * deployment); `simple_jwt`, `session_jwt` or `oidc` turn a login on.
 * - `GET /api/config` (public): `{"auth_type": null|"simple_jwt"|..., "requires_auth": <bool>,
 *   "graphrag_available": <bool>, "hybrid_available": <bool>}`.
 * - `GET /` from a non-local address: the text "Welcome to DocsGPT Backend!"; from an address it takes
 *   for local (127.0.0.1, 172.18.0.1, ...): a redirect to the dev UI, http://localhost:5173.
 * Read from source at 0.19.0-30-g52279d27 (arc53/DocsGPT, 2026-08-22): application/app.py (`home`, `get_config`,
 * `authenticate_request`), application/core/settings.py (`AUTH_TYPE` default None), deployment/docker-compose.yaml (7091).
 */
export const docsgpt: CatalogEntry = {
  service: 'docsgpt',
  name: 'DocsGPT',
  category: 'chat-ui',
  ports: [7091],
  sources: ['https://github.com/arc53/DocsGPT/blob/main/application/app.py', 'https://github.com/arc53/DocsGPT/blob/main/application/core/settings.py'],
  checkedAgainst: { evidence: 'source', release: '0.19.0-30-g52279d27 (arc53/DocsGPT, 2026-08-22)' },
  exposes: 'uploaded sources, agents, conversations and chat on the configured LLM keys',
  identify: [
    {
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [{ path: 'auth_type', exists: true }, { path: 'requires_auth', type: 'boolean' }, { path: 'graphrag_available', type: 'boolean' }, { path: 'hybrid_available', type: 'boolean' }],
      },
      confirm: { request: { path: '/' }, match: { status: 200, bodyContains: ['Welcome to DocsGPT Backend!'] } },
    },
    {
      // `home` redirects callers it takes for local (127.0.0.1, 172.18.0.1: a Docker bridge gateway) to the dev UI.
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [{ path: 'auth_type', exists: true }, { path: 'requires_auth', type: 'boolean' }, { path: 'graphrag_available', type: 'boolean' }, { path: 'hybrid_available', type: 'boolean' }],
      },
      confirm: { request: { path: '/' }, match: { status: 302, headers: [{ name: 'location', contains: 'http://localhost:5173' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'requires_auth', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status} requires_auth false (AUTH_TYPE unset): every request acts as the single local user',
    },
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'requires_auth', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/config -> {status} requires_auth true (AUTH_TYPE {json:auth_type})',
    },
  ],
  // application/core/settings.py: AUTH_TYPE simple_jwt, session_jwt or oidc (docs "Authentication").
  remediation: {
    fix: 'Set AUTH_TYPE (simple_jwt, session_jwt or oidc) so the backend requires a token, and publish port 7091 only behind the frontend or a private network.',
    settings: ['AUTH_TYPE=session_jwt', 'JWT_SECRET_KEY=<random>'],
    docs: 'https://docs.docsgpt.cloud/',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
