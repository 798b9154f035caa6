import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Jupyter Server (JupyterLab, Notebook 7; classic Notebook behaves alike). Token auth is on by
 * default. `GET /api` is deliberately unauthenticated and only says `{"version": ...}`, so it is
 * made specific by Jupyter's own Content-Security-Policy, whose report-uri is
 * `<base_url>api/security/csp-report`. `GET /api/status` is `@web.authenticated`: API handlers raise
 * 403 `{"message": "Forbidden", "reason": null}` instead of redirecting to the login page.
 * Sources (jupyter-server/jupyter_server):
 * - jupyter_server/base/handlers.py: `APIVersionHandler` (`@allow_unauthenticated`),
 *   `APIHandler.get_login_url` (403), `APIHandler.write_error` (JSON message/reason),
 *   `content_security_policy`, `set_default_headers`.
 * - jupyter_server/services/api/handlers.py: `APIStatusHandler` -> `{"connections","kernels","last_activity","started"}`.
 * - jupyter_server/services/security/__init__.py: `csp_report_uri = "/api/security/csp-report"`.
 * - jupyter_server/__init__.py: `DEFAULT_JUPYTER_SERVER_PORT = 8888`.
 * Evidence: the identify and auth rules are read from source at jupyter_server main (2026-12);
 * the classic Notebook is recorded from a running Jupyter Notebook 6.4.12 (Debian 12 package
 * jupyter-notebook 6.4.12-2.2) on 2026-12-02, token on and token off
 * (test/fixtures/real/jupyter/, `npm run conformance -- jupyter`): the same `/api` document with
 * the same CSP report-uri and `TornadoServer/` header, `/api/status` 403 `{"message":
 * "Forbidden","reason":null}` with a token and 200 `{"connections","kernels","last_activity",
 * "started"}` without; `/api/kernels` and `/api/sessions` answer alike.
 */
export const jupyter: CatalogEntry = {
  service: 'jupyter',
  name: 'Jupyter Server / JupyterLab / Notebook',
  category: 'notebook',
  ports: [8888],
  // Read from source, not recorded (release not pinned: the main branch as of 2026-12):
  // jupyter_server/serverapp.py `port_retries` (default 50): the next ports when 8888 is taken.
  alternatePorts: [8889, 8890],
  openSeverity: 'critical',
  sources: [
    'https://github.com/jupyter-server/jupyter_server/blob/main/jupyter_server/base/handlers.py',
    'https://github.com/jupyter-server/jupyter_server/blob/main/jupyter_server/services/api/handlers.py',
    'https://github.com/jupyter-server/jupyter_server/blob/main/jupyter_server/services/security/__init__.py',
  ],
  checkedAgainst: { evidence: 'recorded', release: 'Notebook 6.4.12-2.2 (Debian)' },
  exposes: 'kernels and terminals: arbitrary code execution on the host',
  identify: [
    {
      request: { path: '/api' },
      match: {
        status: 200,
        json: [{ path: 'version', type: 'string' }],
        headers: [{ name: 'content-security-policy', contains: 'api/security/csp-report' }],
      },
    },
    // Same document when a proxy rewrites the CSP: Tornado's default Server header.
    {
      request: { path: '/api' },
      match: { status: 200, json: [{ path: 'version', type: 'string' }], headers: [{ name: 'server', regex: '^TornadoServer/' }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'kernels', type: 'number' }, { path: 'started', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/status -> {status} without a token ({json:kernels} kernels running)',
    },
    {
      request: { path: '/api/status' },
      match: { status: 403, json: [{ path: 'message', equals: 'Forbidden' }] },
      auth: 'required',
      evidence: 'GET /api/status -> {status} Forbidden (token/password auth on)',
    },
  ],
  version: [{ request: { path: '/api' }, json: 'version' }],
  // jupyter_server docs/source/operators/security.rst: token auth is on by default; an empty token turns it off.
  remediation: {
    fix: 'Restart the server with token or password authentication: do not pass an empty token, set --IdentityProvider.token=<token> (or JUPYTER_TOKEN) or a password, and bind to localhost (--ServerApp.ip=127.0.0.1) unless remote access is needed.',
    settings: ['--IdentityProvider.token=<token>', 'JUPYTER_TOKEN=<token>', '--ServerApp.ip=127.0.0.1'],
    docs: 'https://jupyter-server.readthedocs.io/en/latest/operators/security.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  // jupyter_server services/sessions/handlers.py (`GET /api/sessions` -> `[{"id","path","name","type","kernel":{...}}]`)
  // and services/kernels/handlers.py (`GET /api/kernels` -> `[{"id","name","last_activity","execution_state","connections"}]`).
  inventory: [
    { kind: 'notebook', request: { path: '/api/sessions' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].path' },
    { kind: 'kernel', request: { path: '/api/kernels' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].name' },
  ],
};
