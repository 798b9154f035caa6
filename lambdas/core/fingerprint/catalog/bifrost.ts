import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Bifrost AI gateway (maximhq/bifrost: OpenAI-compatible gateway to 20+ providers, with a web
 * UI), port 8080. A zero-config start has no dashboard auth: the UI and its management API
 * (providers and their keys, virtual keys, logs, config) answer anyone. Setting an admin username and
 * password (`auth_config.is_enabled`) puts every route except the session routes and `/health`
 * behind a login; inference (`/v1/*`) has its own switch (`enforce_auth_on_inference`).
 * - `GET /api/session/is-auth-enabled` (always public): `{"is_auth_enabled": <bool>, "has_valid_token": <bool>,
 *   "auth_type": "none"|"password", ...}`.
 * - `GET /api/config` open: `{"client_config", "framework_config", "auth_config", "is_db_connected", "is_cache_connected",
 *   "is_logs_connected", ...}`; locked: 401 `{"is_bifrost_error": false, "status_code": 401, "error": {"message": "Unauthorized"}}`.
 * - `GET /api/version`: the version as a JSON string.
 * Markers: the `/api/config` document (or Bifrost's `is_bifrost_error` 401), confirmed by the is-auth-enabled document.
 * Read from the stored maximhq/bifrost versions (2026): transports/bifrost-http/handlers/session.go @11a41d1 (isAuthEnabled),
 * handlers/config.go @01acba3 (getConfig, /api/version), handlers/utils.go @256f7ee (SendError -> BifrostError), handlers/middlewares.go
 * AuthMiddleware (whitelist: /api/session/is-auth-enabled, /api/session/login, /api/session/logout, /health), README.md @00657f1 (port 8080).
 */
const AUTH_STATUS = {
  request: { path: '/api/session/is-auth-enabled' },
  match: { status: 200, json: [{ path: 'is_auth_enabled', type: 'boolean' }, { path: 'has_valid_token', type: 'boolean' }, { path: 'auth_type', type: 'string' }] },
} as const;

export const bifrost: CatalogEntry = {
  service: 'bifrost',
  name: 'Bifrost AI Gateway',
  category: 'ai-gateway',
  ports: [8080],
  sources: [
    'https://github.com/maximhq/bifrost/blob/main/transports/bifrost-http/handlers/session.go',
    'https://github.com/maximhq/bifrost/blob/main/transports/bifrost-http/handlers/config.go',
    'https://github.com/maximhq/bifrost/blob/main/transports/bifrost-http/handlers/middlewares.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'file-level: session.go@11a41d1, config.go@01acba3, utils.go@256f7ee (2026)' },
  exposes: 'an AI gateway holding provider API keys, its management API (providers, virtual keys, config) and request logs',
  identify: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'is_db_connected', type: 'boolean' }, { path: 'is_logs_connected', type: 'boolean' }, { path: 'client_config', type: 'object' }] },
      confirm: AUTH_STATUS,
    },
    {
      request: { path: '/api/config' },
      match: { status: 401, json: [{ path: 'is_bifrost_error', type: 'boolean' }, { path: 'error.message', type: 'string' }] },
      confirm: AUTH_STATUS,
    },
  ],
  auth: [
    {
      request: { path: '/api/session/is-auth-enabled' },
      match: { status: 200, json: [{ path: 'is_auth_enabled', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/session/is-auth-enabled -> {status} "is_auth_enabled": false: the dashboard and management API (provider keys, config, logs) are open',
    },
    {
      request: { path: '/api/config' },
      match: { status: 401, json: [{ path: 'is_bifrost_error', type: 'boolean' }] },
      auth: 'required',
      evidence: 'GET /api/config -> {status} Unauthorized: dashboard auth is on (inference auth is a separate switch)',
    },
  ],
  version: [{ request: { path: '/api/version' }, regex: '^\\s*"v?([0-9][^"]*)"' }],
  // docs: set the admin username/password (auth_config) in the UI or config.json, and enforce auth on inference too.
  remediation: {
    fix: 'Turn on dashboard authentication (admin username and password in auth_config) and enforce auth on inference, or keep Bifrost on a private network behind an authenticating proxy.',
    settings: ['auth_config.is_enabled: true', 'auth_config.admin_username / admin_password', 'client_config.enforce_auth_on_inference: true'],
    docs: 'https://docs.getbifrost.ai/quickstart/gateway/setting-up',
    allows: ['admin', 'spend-api-keys', 'read-data'],
  },
};
