import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Coze Studio (coze-dev), the open-source Coze agent and workflow builder: nginx web container on
 * 8888 (`WEB_LISTEN_ADDR`, 127.0.0.1:8888 in .env.example; 0.0.0.0 for remote access) proxying
 * `/api`, `/v1`-`/v3` and `/admin` to the Go server. Every web API needs a session cookie; sign-up
 * is open unless `DISABLE_USER_REGISTRATION=true`, and each new account gets its own space, so
 * an instance is reported as requiring a login.
 * - `GET /admin/` (a static page: `isStaticFile`, no session check): the admin console,
 *   `<title>Coze Studio 管理后台</title>`, with its i18n keys such as `basic.label.enable_coze_saas`.
 * - `GET /api/admin/config/basic/get` without the cookie: `SessionAuthMW` answers 401
 *   `{"code": 401, "msg": "missing session_key in cookie"}`.
 * The SPA page (`/`) is a catch-all and does not identify. `GET /api/passport/web/logout/` and
 * `GET /api/passport/web/email/password/reset/` are never sent (never-request.ts).
 * Read from source at v0.5.1-5-g4f786d6a9 (coze-dev/coze-studio, 2026-03-25): backend/api/router/register.go
 * (`staticFileRegister`, `/admin` StaticFS), backend/api/middleware/request_inspector.go (`isStaticFile`),
 * backend/api/middleware/session.go (`SessionAuthMW`), backend/api/internal/httputil/error_resp.go (`Unauthorized`),
 * backend/api/router/coze/api.go (routes), backend/conf/admin/index.html, docker/docker-compose.yml,
 * docker/nginx/conf.d/default.conf, docker/.env.example (WEB_LISTEN_ADDR, DISABLE_USER_REGISTRATION).
 */
export const cozeStudio: CatalogEntry = {
  service: 'coze-studio',
  name: 'Coze Studio',
  category: 'agent-builder',
  ports: [8888],
  sources: [
    'https://github.com/coze-dev/coze-studio/blob/main/backend/api/router/register.go',
    'https://github.com/coze-dev/coze-studio/blob/main/backend/api/middleware/session.go',
    'https://github.com/coze-dev/coze-studio/blob/main/docker/.env.example',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.5.1-5-g4f786d6a9 (coze-dev/coze-studio, 2026-03-25)' },
  exposes: 'agents, workflows, knowledge bases, plugins and model settings, behind its login',
  identify: [
    {
      request: { path: '/admin/' },
      match: { status: 200, bodyContains: ['<title>Coze Studio 管理后台</title>', 'basic.label.enable_coze_saas'] },
      confirm: {
        request: { path: '/api/admin/config/basic/get' },
        match: { status: 401, json: [{ path: 'code', equals: 401 }, { path: 'msg', equals: 'missing session_key in cookie' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/admin/config/basic/get' },
      match: { status: 401, json: [{ path: 'msg', equals: 'missing session_key in cookie' }] },
      auth: 'required',
      evidence: 'GET /api/admin/config/basic/get -> {status} "missing session_key in cookie" (login required; sign-up stays open unless DISABLE_USER_REGISTRATION=true)',
    },
  ],
  // docker/.env.example: WEB_LISTEN_ADDR (127.0.0.1:8888 by default), DISABLE_USER_REGISTRATION / ALLOW_REGISTRATION_EMAIL.
  remediation: {
    fix: 'Keep WEB_LISTEN_ADDR on 127.0.0.1 unless remote access is needed, and then turn off open sign-up (DISABLE_USER_REGISTRATION=true with an ALLOW_REGISTRATION_EMAIL list).',
    settings: ['WEB_LISTEN_ADDR=127.0.0.1:8888', 'DISABLE_USER_REGISTRATION=true', 'ALLOW_REGISTRATION_EMAIL=<emails>'],
    docs: 'https://github.com/coze-dev/coze-studio/blob/main/docker/.env.example',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
