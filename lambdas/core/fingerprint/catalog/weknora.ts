import type { CatalogEntry } from '../catalog-schema.js';

/**
 * WeKnora (Tencent), a document-understanding RAG and knowledge-base platform: nginx frontend on
 * 80 (`FRONTEND_PORT`) proxying `/api/` to the Go app on 8080 (`APP_PORT`). Every API route
 * but a short public list needs a login JWT or an `X-API-Key`; self-service registration
 * (`registration_mode` "self_serve", the default) gives each new account its own tenant, not
 * others' data, so it is not reported as open.
 * - `GET /api/v1/auth/config` (public): `{"success": true, "registration_mode": "self_serve"|"invite_only"}`.
 * - `GET /api/v1/auth/oidc/config` (public): `{"success": true, "enabled": <bool>, ...}`.
 * - `GET /api/v1/auth/me` without credentials: 401 `{"error": "Unauthorized: missing authentication"}`.
 * The SPA page (`<title>WeKnora</title>`) is nginx's catch-all, so it cannot identify.
 * Read from source at dsh-weknora-v0.1.0-5-g412dcc41c (Tencent/WeKnora, 2026-08-21): internal/middleware/auth.go
 * (`noAuthAPI`, `Auth` 401 bodies), internal/handler/auth.go (`GetAuthConfig`, `GetOIDCConfig`,
 * `resolveRegistrationMode`), internal/config/config.go (registration modes), internal/types/user.go
 * (`OIDCConfigResponse`), frontend/nginx.conf, frontend/index.html, docker-compose.yml (ports 80 and 8080).
 */
export const weknora: CatalogEntry = {
  service: 'weknora',
  name: 'WeKnora',
  category: 'agent-builder',
  ports: [80, 8080],
  sources: [
    'https://github.com/Tencent/WeKnora/blob/main/internal/middleware/auth.go',
    'https://github.com/Tencent/WeKnora/blob/main/internal/handler/auth.go',
    'https://github.com/Tencent/WeKnora/blob/main/docker-compose.yml',
  ],
  checkedAgainst: { evidence: 'source', release: 'dsh-weknora-v0.1.0-5-g412dcc41c (Tencent/WeKnora, 2026-08-21)' },
  exposes: 'knowledge bases, documents and model settings, behind its login',
  identify: [
    {
      request: { path: '/api/v1/auth/config' },
      match: { status: 200, json: [{ path: 'success', equals: true }, { path: 'registration_mode', type: 'string' }] },
      confirm: {
        request: { path: '/api/v1/auth/oidc/config' },
        match: { status: 200, json: [{ path: 'success', equals: true }, { path: 'enabled', type: 'boolean' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/auth/me' },
      match: { status: 401, json: [{ path: 'error', contains: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /api/v1/auth/me -> {status} "{json:error}" (login or X-API-Key required)',
    },
    {
      request: { path: '/api/v1/auth/me' },
      match: { status: 200, json: [{ path: 'success', equals: true }] },
      auth: 'none',
      evidence: 'GET /api/v1/auth/me -> {status} without credentials',
    },
  ],
  // README / docs: registration mode (auth.registration_mode / DISABLE_REGISTRATION) limits who can create accounts.
  remediation: {
    fix: 'Keep WeKnora behind its login, switch registration to invite-only (auth.registration_mode invite_only or DISABLE_REGISTRATION=true) unless public sign-up is intended, and do not publish the app port 8080 directly.',
    settings: ['auth.registration_mode: invite_only', 'DISABLE_REGISTRATION=true', 'APP_PORT bound to 127.0.0.1'],
    docs: 'https://github.com/Tencent/WeKnora#readme',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
