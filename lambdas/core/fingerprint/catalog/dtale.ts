import type { CatalogEntry } from '../catalog-schema.js';

/**
 * D-Tale (pandas data viewer), Flask on 40000 (`DTALE_MIN_PORT`, counting up). No login unless its
 * auth settings are active; then `requires_auth` (a `before_request` hook) redirects every path but
 * `/login`, `/logout` and static files to `/login`. Many of its GET routes change data or stop the
 * server (`/shutdown`, `/dtale/delete-col/...`, `/dtale/update-...`): they are on the
 * never-request list, so no probe can reach them.
 * - Open: `GET /dtale/processes` lists the loaded datasets `{"data": [{"data_id", "rows",
 *   "columns", "names", "start", "ts", "name", "mem_usage"}], "success": true}`, confirmed by
 *   `GET /version-info` (the package version as plain text).
 * - Locked: `GET /login` is D-Tale's login page (`<title>D-Tale Login</title>`, the "D-TALE"
 *   banner, `id="code-title">Login`), confirmed by `/dtale/processes` redirecting to `/login`.
 * Read from source at v3.22.0 (man-group/dtale, d34f0a5): dtale/app.py (`/`, `/version-info`, `/health`, `/shutdown`,
 * `before_request`, DTALE_MIN_PORT), dtale/auth.py (`requires_auth`, `/login`), dtale/views.py (`/processes`),
 * dtale/templates/dtale/login.html.
 */
export const dtale: CatalogEntry = {
  service: 'dtale',
  name: 'D-Tale',
  category: 'ml-platform',
  ports: [40000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/man-group/dtale/blob/master/dtale/app.py',
    'https://github.com/man-group/dtale/blob/master/dtale/auth.py',
    'https://github.com/man-group/dtale/blob/master/dtale/views.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v3.22.0 (d34f0a5)' },
  exposes: 'the loaded dataframes (read, edit, export) and custom-filter expressions evaluated on the host',
  identify: [
    {
      request: { path: '/dtale/processes' },
      match: { status: 200, json: [{ path: 'success', equals: true }, { path: 'data', type: 'array' }] },
      confirm: { request: { path: '/version-info' }, match: { status: 200, bodyRegex: '^\\d+\\.\\d+\\.\\d+\\S*\\s*$' } },
    },
    {
      request: { path: '/login' },
      match: { status: 200, bodyContains: ['<title>D-Tale Login</title>', 'id="code-title">Login</span>'] },
      confirm: { request: { path: '/dtale/processes' }, match: { status: 302, headers: [{ name: 'location', regex: '/login$' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/dtale/processes' },
      match: { status: 200, json: [{ path: 'success', equals: true }] },
      auth: 'none',
      evidence: 'GET /dtale/processes -> {status}: {count:data[]} datasets readable without a login',
    },
    {
      request: { path: '/dtale/processes' },
      match: { status: 302, headers: [{ name: 'location', regex: '/login$' }] },
      auth: 'required',
      evidence: 'GET /dtale/processes -> {status} to /login (D-Tale auth active)',
    },
  ],
  version: [{ request: { path: '/version-info' }, match: { status: 200, bodyRegex: '^\\d+\\.\\d+' }, regex: '^(\\S+)' }],
  // docs/CONFIGURATION.md / README "Authentication": dtale.show(..., auth settings) or [auth] active=True with username
  // and password in dtale.ini; D-Tale binds to the host it is given.
  remediation: {
    fix: 'Turn on D-Tale authentication ([auth] active = True with a username and password in dtale.ini, or the auth settings of dtale.show) and do not expose it beyond localhost.',
    settings: ['[auth] active = True', '[auth] username / password', 'host=127.0.0.1'],
    docs: 'https://github.com/man-group/dtale#authentication',
    allows: ['read-data', 'write-data', 'run-code'],
  },
};
