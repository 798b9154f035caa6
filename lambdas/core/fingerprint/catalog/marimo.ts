import type { CatalogEntry } from '../catalog-schema.js';

/**
 * marimo notebooks server, port 2718. `marimo edit` requires an access token by default (printed
 * in the URL; `--token-password` sets one); `--no-token` removes it, and then anyone who reaches
 * the server can edit and run cells (code execution).
 * - Open: `GET /api/status` (`@requires("edit")`) answers `{"status": "healthy", "filenames",
 *   "mode", "sessions", "version", "python_version", "requirements", "node_version", "lsp_running"}`.
 * - Locked: the same route answers 401 `{"detail": "Authorization header required"}` with
 *   `WWW-Authenticate: Basic`, and `GET /auth/login` serves marimo's login page (`<title>marimo</title>`,
 *   an "Access Token / Password" field posting to `auth/login`): the page identifies, the 401
 *   confirms.
 * `/health` and `/healthz` (`{"status": "healthy"}`) are public but too plain to use.
 * Version: `version` of `/api/status` (open only).
 * Read from source at 0.24.0-31-g3955fdf (marimo-team/marimo, 2026-08-21): marimo/_server/api/endpoints/health.py
 * (`/health`, `/api/status`, `/api/version`), marimo/_server/api/auth.py (401 text, Basic challenge),
 * marimo/_server/api/endpoints/login.py (LOGIN_PAGE, `/auth/login`), marimo/_cli/cli.py (port 2718, --no-token).
 */
export const marimo: CatalogEntry = {
  service: 'marimo',
  name: 'marimo',
  category: 'notebook',
  ports: [2718],
  openSeverity: 'critical',
  sources: [
    'https://github.com/marimo-team/marimo/blob/main/marimo/_server/api/endpoints/health.py',
    'https://github.com/marimo-team/marimo/blob/main/marimo/_server/api/auth.py',
    'https://github.com/marimo-team/marimo/blob/main/marimo/_server/api/endpoints/login.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.24.0-31-g3955fdf' },
  exposes: 'notebooks to edit and run (arbitrary code execution)',
  identify: [
    {
      request: { path: '/api/status' },
      match: {
        status: 200,
        json: [
          { path: 'status', equals: 'healthy' },
          { path: 'filenames', type: 'array' },
          { path: 'mode', type: 'string' },
          { path: 'lsp_running', type: 'boolean' },
        ],
      },
    },
    {
      request: { path: '/auth/login' },
      match: { status: 200, bodyContains: ['<title>marimo</title>', 'Access Token / Password', 'auth/login'] },
      confirm: { request: { path: '/api/status' }, match: { status: 401, json: [{ path: 'detail', equals: 'Authorization header required' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'status', equals: 'healthy' }, { path: 'mode', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/status -> {status} without a token: mode {json:mode}, {count:filenames[]} notebooks open (--no-token)',
    },
    {
      request: { path: '/api/status' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Authorization header required' }] },
      auth: 'required',
      evidence: 'GET /api/status -> {status} "Authorization header required" (access token on, the default)',
    },
  ],
  version: [{ request: { path: '/api/status' }, match: { status: 200, json: [{ path: 'version', type: 'string' }] }, json: 'version' }],
  // docs "Authentication" (guides/deploying/authentication): token auth is on by default for `marimo edit`;
  // `--token-password` sets a fixed one; never `--no-token` on a reachable host.
  remediation: {
    fix: 'Keep marimo token authentication on (the default; --token-password <secret> for a fixed one), never start a reachable server with --no-token, and bind it to localhost (--host 127.0.0.1).',
    settings: ['--token-password <secret>', 'no --no-token', '--host 127.0.0.1'],
    docs: 'https://docs.marimo.io/guides/deploying/authentication/',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'notebook', request: { path: '/api/status' }, match: { status: 200, json: [{ path: 'filenames', type: 'array' }] }, json: 'filenames[]' }],
};
