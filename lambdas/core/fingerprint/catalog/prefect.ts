import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Prefect server (workflow orchestration for ML/data pipelines), port 4200. Open by default;
 * `PREFECT_SERVER_API_AUTH_STRING` (3.1.8+) adds basic auth to the API: every path but the health
 * and ready probes answers 401 `{"exception_message": "Unauthorized"}` without it.
 * - `GET /ui-settings` (the UI app, never gated): `{"api_url", "csrf_enabled", "auth": "BASIC" |
 *   null, "flags": [], ...}`: Prefect's own statement of its auth mode.
 * - `GET /api/health` (always public): `true`.
 * Markers: the UI settings document, confirmed by the health answer. Version: `GET
 * /api/admin/version` (a JSON string, readable when open).
 * Read from source at 3.8.4.dev6 (PrefectHQ/prefect, ce79dd3, 2026-08-21): src/prefect/server/api/server.py (`create_api_app`
 * `token_validation` middleware, `create_ui_app` `ui_settings`), src/prefect/server/api/root.py (`/health`),
 * src/prefect/server/api/admin.py (`/admin/version`).
 */
export const prefect: CatalogEntry = {
  service: 'prefect',
  name: 'Prefect server',
  category: 'ml-platform',
  ports: [4200],
  openSeverity: 'critical',
  sources: [
    'https://github.com/PrefectHQ/prefect/blob/main/src/prefect/server/api/server.py',
    'https://github.com/PrefectHQ/prefect/blob/main/src/prefect/server/api/admin.py',
  ],
  checkedAgainst: { evidence: 'source', release: '3.8.4.dev6 (ce79dd3)' },
  exposes: 'flows, deployments and blocks (stored credentials); runs can be triggered on the workers (code execution)',
  identify: [
    {
      request: { path: '/ui-settings' },
      match: { status: 200, json: [{ path: 'api_url', type: 'string' }, { path: 'csrf_enabled', type: 'boolean' }, { path: 'flags', type: 'array' }, { path: 'auth', exists: true }] },
      confirm: { request: { path: '/api/health' }, match: { status: 200, bodyRegex: '^true$' } },
    },
  ],
  auth: [
    {
      request: { path: '/ui-settings' },
      match: { status: 200, json: [{ path: 'auth', equals: null }] },
      auth: 'none',
      evidence: 'GET /ui-settings -> {status} "auth": null: the API has no authentication (PREFECT_SERVER_API_AUTH_STRING unset)',
    },
    {
      request: { path: '/ui-settings' },
      match: { status: 200, json: [{ path: 'auth', equals: 'BASIC' }] },
      auth: 'required',
      evidence: 'GET /ui-settings -> {status} "auth": "BASIC" (PREFECT_SERVER_API_AUTH_STRING set)',
    },
  ],
  version: [{ request: { path: '/api/admin/version' }, match: { status: 200, bodyRegex: '^"[0-9]' }, regex: '^"([^"]+)"$' }],
  // docs "Security settings" (v3/develop/settings-ref, server.api.auth_string): basic auth for the self-hosted server.
  remediation: {
    fix: 'Set PREFECT_SERVER_API_AUTH_STRING (user:password) on the server and PREFECT_API_AUTH_STRING on clients, and keep the server off public addresses.',
    settings: ['PREFECT_SERVER_API_AUTH_STRING=<user:password>', 'PREFECT_API_AUTH_STRING=<user:password>'],
    docs: 'https://docs.prefect.io/v3/advanced/security-settings',
    allows: ['run-code', 'read-data', 'write-data'],
  },
};
