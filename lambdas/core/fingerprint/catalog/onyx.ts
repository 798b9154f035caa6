import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Onyx (formerly Danswer). The docker-compose nginx (80/443) and the Next.js web server (3000) both
 * pass `/api/*` to the API server with the prefix stripped. Public endpoints:
 * - `GET /api/version` -> `{"backend_version": "<ONYX_VERSION or Development>"}`.
 * - `GET /api/auth/type`: up to v4.x `AuthTypeResponse` `{"auth_type": "disabled" | "basic" |
 *   "google_oauth" | "oidc" | "saml" | ..., "requires_verification", "anonymous_user_enabled",
 *   "has_users" (from v3)}`; current `AuthConfigResponse` drops `auth_type` and adds
 *   `multi_tenant`, `password_*` policy fields, `has_users`, `oauth_enabled`, `sso_providers`.
 * Auth: `AUTH_TYPE` defaulted to `disabled` (no login) through v2.x; `anonymous_user_enabled` lets
 * anyone in without an account; `has_users: false` means nobody has signed up yet and the first
 * account becomes admin. Otherwise a login is required (self-signup may still be allowed by
 * domain/invite settings that no GET reveals).
 * Sources (onyx-dot-app/onyx):
 * - backend/onyx/server/manage/get_state.py: `/auth/type`, `/version`.
 * - backend/onyx/server/manage/models.py: `AuthConfigResponse`, `VersionResponse`
 *   (tags v1.10.0, v2.0.0, v3.0.0, v4.0.0: `AuthTypeResponse`).
 * - backend/onyx/configs/app_configs.py (v1.10.0, v2.5.0): `AUTH_TYPE` default `disabled`.
 * - backend/onyx/main.py: FastAPI `title="Onyx Backend"`; deployment/data/nginx/app.conf.template.
 */
export const onyx: CatalogEntry = {
  service: 'onyx',
  name: 'Onyx (formerly Danswer)',
  category: 'chat-ui',
  ports: [80, 443, 3000],
  sources: [
    'https://github.com/onyx-dot-app/onyx/blob/main/backend/onyx/server/manage/get_state.py',
    'https://github.com/onyx-dot-app/onyx/blob/main/backend/onyx/server/manage/models.py',
    'https://github.com/onyx-dot-app/onyx/blob/v2.5.0/backend/onyx/configs/app_configs.py',
    'https://github.com/onyx-dot-app/onyx/blob/main/deployment/data/nginx/app.conf.template',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.7.0-cloud.1-9-ga7d66a8b77 (2026-08-22)' },
  exposes: 'enterprise search over the connected sources (documents, tickets, chats) and the configured LLM keys',
  identify: [
    { request: { path: '/api/version' }, match: { status: 200, bodyRegex: '^\\s*\\{\\s*"backend_version"\\s*:\\s*"[^"]*"\\s*\\}\\s*$' } },
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'requires_verification', type: 'boolean' }, { path: 'anonymous_user_enabled', exists: true }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'auth_type', equals: 'disabled' }] },
      auth: 'none',
      evidence: 'GET /api/auth/type -> {status} auth_type=disabled: no login at all',
    },
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'anonymous_user_enabled', equals: true }] },
      auth: 'none',
      evidence: 'GET /api/auth/type -> {status} anonymous_user_enabled=true: anyone can search and chat without an account',
    },
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'has_users', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/auth/type -> {status} has_users=false: unclaimed, the first account to sign up becomes admin',
    },
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'auth_type', type: 'string' }] },
      auth: 'required',
      evidence: 'GET /api/auth/type -> {status} auth_type={json:auth_type}: login required',
    },
    {
      request: { path: '/api/auth/type' },
      match: { status: 200, json: [{ path: 'requires_verification', type: 'boolean' }] },
      auth: 'required',
      evidence:
        'GET /api/auth/type -> {status}: login required (password login {json:password_auth_enabled}, OAuth {json:oauth_enabled}, {count:sso_providers[]} SSO providers)',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'backend_version', regex: '^v?(\\d[\\w.+-]*)$' }],
  // docs.onyx.app/deployment/authentication/basic: `AUTH_TYPE=basic` (or google_oauth / oidc / saml) turns on login;
  // the default AUTH_TYPE is disabled. Anonymous access is an admin setting (anonymous_user_enabled).
  remediation: {
    fix: 'Turn on Onyx login (AUTH_TYPE=basic, or google_oauth/oidc/saml), create the admin account right away, and disable anonymous users in the admin settings.',
    settings: ['AUTH_TYPE=basic', 'REQUIRE_EMAIL_VERIFICATION=true'],
    docs: 'https://docs.onyx.app/deployment/authentication/basic',
    allows: ['read-data', 'spend-api-keys', 'admin'],
  },
};
