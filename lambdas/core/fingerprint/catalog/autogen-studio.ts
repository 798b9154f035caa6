import type { CatalogEntry } from '../catalog-schema.js';

/**
 * AutoGen Studio (microsoft/autogen's low-code multi-agent builder), port 8081
 * (`AUTOGENSTUDIO_PORT`, host 127.0.0.1 unless `--host` is given). Teams it runs execute code
 * and call tools and LLMs with the stored keys.
 * - `GET /api/version` (excluded from auth): `{"status": true, "message": "Version retrieved
 *   successfully", "data": {"version": "<release>"}}`;
 * - `GET /api/health` (excluded from auth, confirms): `{"status": true, "message": "Service is healthy"}`.
 * Auth: `AuthConfig.type` defaults to "none" (every request runs as the default user
 * "guestuser@gmail.com"); with github/msal/firebase the `AuthMiddleware` answers 401
 * `{"status": false, "detail": ...}` to every path outside `exclude_paths` without a Bearer JWT.
 * `GET /api/auth/me` shows which: 200 with the default user, or that 401.
 * Version: `/api/version` `data.version`.
 * Read from source at b08b197 (microsoft/autogen, read through the code index): python/packages/autogen-studio/
 * autogenstudio/web/app.py (`/api` sub-app, `get_version`, `health_check`, port 8081), web/auth/models.py
 * (`AuthConfig` type "none", `exclude_paths`), web/auth/middleware.py (401 body), web/auth/manager.py
 * (default user), web/auth/authroutes.py (`/me`); autogenstudio/cli.py at 097ab90 (`ui`: host 127.0.0.1, port 8081, `--auth-config`).
 */
export const autogenStudio: CatalogEntry = {
  service: 'autogen-studio',
  name: 'AutoGen Studio',
  category: 'agent-builder',
  ports: [8081],
  openSeverity: 'critical',
  sources: [
    'https://github.com/microsoft/autogen/blob/main/python/packages/autogen-studio/autogenstudio/web/app.py',
    'https://github.com/microsoft/autogen/blob/main/python/packages/autogen-studio/autogenstudio/web/auth/middleware.py',
    'https://github.com/microsoft/autogen/blob/main/python/packages/autogen-studio/autogenstudio/web/auth/models.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@b08b197 (file-level, autogen-studio package; cli.py at 097ab90)' },
  exposes: 'multi-agent teams that run code and tools, their sessions, runs and the stored model keys',
  identify: [
    {
      request: { path: '/api/version' },
      match: { status: 200, json: [{ path: 'status', equals: true }, { path: 'message', equals: 'Version retrieved successfully' }, { path: 'data.version', type: 'string' }] },
      confirm: { request: { path: '/api/health' }, match: { status: 200, json: [{ path: 'status', equals: true }, { path: 'message', equals: 'Service is healthy' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/auth/me' },
      match: { status: 200, json: [{ path: 'provider', equals: 'none' }, { path: 'id', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/auth/me -> {status} without a token: signed in as "{json:id}" (auth type none)',
    },
    {
      request: { path: '/api/auth/me' },
      match: { status: 401, json: [{ path: 'status', equals: false }, { path: 'detail', exists: true }] },
      auth: 'required',
      evidence: 'GET /api/auth/me -> {status} (AutoGen Studio auth enabled: github, msal or firebase)',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'data.version' }],
  // AutoGen Studio docs "Usage": `autogenstudio ui --host ... --port 8081`; auth via --auth-config (type github/msal/firebase + jwt_secret).
  remediation: {
    fix: 'AutoGen Studio is a local prototyping tool with no auth by default: keep it on 127.0.0.1 (the default --host), or start it with an --auth-config that sets a provider (github, msal or firebase) and a jwt_secret.',
    settings: ['autogenstudio ui --host 127.0.0.1', '--auth-config auth.yaml (type: github, jwt_secret: <random>)'],
    docs: 'https://microsoft.github.io/autogen/stable/user-guide/autogenstudio-user-guide/usage.html',
    allows: ['run-code', 'spend-api-keys', 'read-data', 'write-data'],
  },
};
