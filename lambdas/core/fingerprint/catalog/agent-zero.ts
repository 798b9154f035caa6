import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Agent Zero, an autonomous agent with a code-execution sandbox and terminal. Web UI on 5000 when
 * run locally (`WEB_UI_PORT`, default 5000), 80 in the Docker image (`docker run -p 80:80`), 50001
 * in older compose files. No login unless `AUTH_LOGIN` / `AUTH_PASSWORD` are set; then
 * `requires_auth` redirects every page to `/login`.
 * - `GET /api/health` (requires_auth false): `{"gitinfo": {...} | null, "error": ...}`.
 * - Open: `GET /` serves webui/index.html, `<title>Agent Zero</title>` with the injected
 *   `globalThis.gitinfo = { version: "<version>", ... }`.
 * - Locked: `GET /` -> 302 to `/login`, whose page is titled "Login - Agent Zero".
 * Two markers either way: the page (index or login) and the health document.
 * Version: the index's injected `gitinfo.version` (open), else `/api/health` `gitinfo.short_tag`.
 * Read from source at v1.7 (agent0ai/agent-zero, 2d95cd9, 2026-04-03): api/health.py, helpers/api.py (`requires_auth`),
 * helpers/ui_server.py (`/`, `/login`, `serve_index` placeholders), helpers/git.py (`get_git_info`), helpers/login.py
 * (AUTH_LOGIN), helpers/runtime.py (`get_web_ui_port`), webui/index.html, webui/login.html, README.md (-p 80:80).
 */
export const agentZero: CatalogEntry = {
  service: 'agent-zero',
  name: 'Agent Zero',
  category: 'agent-builder',
  ports: [5000, 50001],
  openSeverity: 'critical',
  sources: [
    'https://github.com/agent0ai/agent-zero/blob/main/api/health.py',
    'https://github.com/agent0ai/agent-zero/blob/main/helpers/ui_server.py',
    'https://github.com/agent0ai/agent-zero/blob/main/helpers/api.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.7 (2d95cd9)' },
  exposes: 'an autonomous agent with a terminal and code execution on its host or container',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>Agent Zero</title>', 'globalThis.gitinfo = { version:'] },
      confirm: { request: { path: '/api/health' }, match: { status: 200, json: [{ path: 'gitinfo', exists: true }, { path: 'error', exists: true }] } },
    },
    {
      request: { path: '/login' },
      match: { status: 200, bodyContains: ['<title>Login - Agent Zero</title>'] },
      confirm: { request: { path: '/api/health' }, match: { status: 200, json: [{ path: 'gitinfo', exists: true }, { path: 'error', exists: true }] } },
    },
  ],
  auth: [
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>Agent Zero</title>'] },
      auth: 'none',
      evidence: 'GET / -> {status}: the agent UI without a login (AUTH_LOGIN unset)',
    },
    {
      request: { path: '/' },
      match: { status: [302, 303], headers: [{ name: 'location', regex: '/login$' }] },
      auth: 'required',
      evidence: 'GET / -> {status} to /login (AUTH_LOGIN / AUTH_PASSWORD set)',
    },
  ],
  version: [
    { request: { path: '/' }, regex: 'globalThis\\.gitinfo = \\{ version: "([^"{}]+)"' },
    { request: { path: '/api/health' }, json: 'gitinfo.short_tag' },
  ],
  // README / docs "Installation" > authentication: set AUTH_LOGIN and AUTH_PASSWORD (Settings > Authentication).
  remediation: {
    fix: 'Set AUTH_LOGIN and AUTH_PASSWORD (Settings > Authentication) so the UI needs a login, and publish the container port on 127.0.0.1 only unless it must be remote.',
    settings: ['AUTH_LOGIN=<user>', 'AUTH_PASSWORD=<strong password>', '-p 127.0.0.1:50080:80'],
    docs: 'https://github.com/agent0ai/agent-zero/blob/main/docs/installation.md',
    allows: ['run-code', 'read-data', 'spend-api-keys'],
  },
};
