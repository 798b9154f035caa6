import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TensorZero gateway (LLM gateway with observability and optimization), port 3000, binds 0.0.0.0
 * by default. Auth is off unless `[gateway] auth.enabled = true`; then every route except
 * `/status`, `/health` and `/internal/autopilot/status` answers 401 without `Authorization: Bearer`.
 * - `GET /health` (never gated): `{"gateway": "ok", "clickhouse": "ok"|"error", "postgres": ...,
 *   "valkey": ..., "valkey_cache": ...}`, 200 or 503 when a store is down.
 * - every response carries `x-tensorzero-gateway-version: <version>` (a layer outside auth).
 * - auth on: `GET /metrics` -> 401 `{"error": "TensorZero authentication error: Authorization header is required"}`.
 * Markers: the `/health` document (gateway + clickhouse + valkey_cache keys) and the version header.
 * Read from source at 2026.4.1-6-g7a6159a434 (tensorzero/tensorzero, 2026-04-24): crates/gateway/src/router.rs
 * (UNAUTHENTICATED_ROUTES, auth layer, add_version_header), crates/gateway/src/routes/external.rs (/metrics, /status,
 * /health), crates/tensorzero-core/src/endpoints/status.rs (health_check_inner), crates/tensorzero-auth/src/middleware.rs
 * (401 body), docs/deployment/tensorzero-gateway.mdx ("binds to 0.0.0.0:3000"), docs/gateway/configuration-reference.mdx (auth.enabled).
 */
export const tensorzero: CatalogEntry = {
  service: 'tensorzero',
  name: 'TensorZero Gateway',
  category: 'ai-gateway',
  ports: [3000],
  sources: [
    'https://github.com/tensorzero/tensorzero/blob/main/crates/gateway/src/router.rs',
    'https://github.com/tensorzero/tensorzero/blob/main/crates/tensorzero-core/src/endpoints/status.rs',
    'https://github.com/tensorzero/tensorzero/blob/main/crates/tensorzero-auth/src/middleware.rs',
  ],
  checkedAgainst: { evidence: 'source', release: '2026.4.1-6-g7a6159a434 (tensorzero/tensorzero, 2026-04-24)' },
  exposes: 'an LLM gateway holding upstream provider keys (inference, stored inferences, datasets, feedback)',
  identify: [
    {
      request: { path: '/health' },
      match: {
        status: [200, 503],
        json: [{ path: 'gateway', type: 'string' }, { path: 'clickhouse', type: 'string' }, { path: 'valkey_cache', type: 'string' }],
        headers: [{ name: 'x-tensorzero-gateway-version', regex: '^\\d' }],
      },
    },
  ],
  auth: [
    {
      request: { path: '/metrics' },
      match: { status: 401, bodyContains: ['TensorZero authentication error'] },
      auth: 'required',
      evidence: 'GET /metrics -> {status} "TensorZero authentication error" (gateway auth.enabled)',
    },
    {
      request: { path: '/metrics' },
      match: { status: 200, headers: [{ name: 'x-tensorzero-gateway-version', regex: '^\\d' }] },
      auth: 'none',
      evidence: 'GET /metrics -> {status} without a key: gateway auth is off, inference and data routes are open',
    },
  ],
  version: [{ request: { path: '/health' }, match: { status: [200, 503] }, header: 'x-tensorzero-gateway-version' }],
  // docs "Set up auth for TensorZero": [gateway] auth.enabled = true, then API keys (Postgres) on every request.
  remediation: {
    fix: 'Turn on gateway auth (`[gateway] auth.enabled = true` in tensorzero.toml) and issue API keys, or keep the gateway on a private network.',
    settings: ['[gateway] auth.enabled = true'],
    docs: 'https://www.tensorzero.com/docs/operations/set-up-auth-for-tensorzero',
    allows: ['spend-api-keys', 'read-data', 'write-data'],
  },
};
