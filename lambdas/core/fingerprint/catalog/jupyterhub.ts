import type { CatalogEntry } from '../catalog-schema.js';

/**
 * JupyterHub (behind its configurable-http-proxy on 8000). `GET /hub/api` is deliberately
 * unauthenticated and answers `{"version": ...}`; every Hub handler also sets its own
 * `X-JupyterHub-Version` header, which makes the otherwise generic version document specific, and
 * `GET /` is that handler's redirect to `/hub/` (with the header), which identifies the Hub for free.
 * (Jupyter Server's `/api` is answered with a redirect to `/hub/api` by the Hub's
 * `PrefixRedirectHandler`, so the `jupyter` entry does not claim a Hub; a single-user server only
 * serves its `/user/<name>/` prefix and never redirects `/` to `/hub/`, so this entry does not claim a
 * Jupyter server.) Login is always required:
 * API handlers decorated with `needs_scope` answer an unauthenticated request with 403
 * `{"status":403,"message":"Missing or invalid credentials."}` (read from source at main, 5.x);
 * 3.0.0 answers the same 403 with `"Action is not authorized with current scopes; requires any of
 * [read:hub]"` (recorded from a running JupyterHub 3.0.0 (Debian) on 2026-12-02, with the default
 * PAM, the Dummy and the Null authenticator: test/fixtures/real/jupyterhub/). Whether the
 * authenticator accepts anyone (DummyAuthenticator without a password, open NativeAuthenticator
 * signup) cannot be seen without a POST: the recorded 3.0.0 Hub with DummyAuthenticator answers every
 * GET as with PAM (same login form, same 403s), so no open state is claimed and no default credential
 * exists (none is built in). The recorded 3.0.0 Hub also confirms the identify and version reads
 * (`GET /` 302 to `/hub/` with `X-JupyterHub-Version: 3.0.0`, `GET /hub/api` `{"version": "3.0.0"}`).
 * Sources (jupyterhub/jupyterhub):
 * - jupyterhub/apihandlers/hub.py: `RootAPIHandler` ("It is not an authenticated endpoint"),
 *   `InfoAPIHandler` (`@needs_scope('read:hub')`).
 * - jupyterhub/handlers/base.py: `set_default_headers` (`X-JupyterHub-Version`, CSP with
 *   `report-uri`), `PrefixRedirectHandler`.
 * - jupyterhub/scopes.py: `needs_scope` -> 403 "Missing or invalid credentials.".
 * - jupyterhub/apihandlers/base.py: `write_error` JSON `{"status","message"}`.
 * - jupyterhub/app.py: public URL `http://:8000`, `(?!hub_prefix).*` -> `PrefixRedirectHandler`.
 */
export const jupyterhub: CatalogEntry = {
  service: 'jupyterhub',
  name: 'JupyterHub',
  category: 'notebook',
  ports: [8000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/jupyterhub/jupyterhub/blob/main/jupyterhub/apihandlers/hub.py',
    'https://github.com/jupyterhub/jupyterhub/blob/main/jupyterhub/handlers/base.py',
    'https://github.com/jupyterhub/jupyterhub/blob/main/jupyterhub/scopes.py',
    'https://github.com/jupyterhub/jupyterhub/blob/main/jupyterhub/apihandlers/base.py',
    'https://github.com/jupyterhub/jupyterhub/blob/main/jupyterhub/app.py',
    'https://github.com/jupyterhub/jupyterhub/blob/3.0.0/jupyterhub/scopes.py',
    'https://github.com/jupyterhub/jupyterhub/blob/3.0.0/jupyterhub/auth.py',
  ],
  checkedAgainst: { evidence: 'recorded', release: '3.0.0+ds1-1 (Debian)' },
  exposes: 'user notebook servers (code execution) once logged in',
  identify: [
    // The Hub redirects `/` to `/hub/` with its version header (a single-user server never sends `/hub/`).
    {
      request: { path: '/' },
      match: { status: [301, 302], headers: [{ name: 'x-jupyterhub-version' }, { name: 'location', regex: '/hub/' }] },
    },
  ],
  auth: [
    {
      request: { path: '/hub/api/info' },
      match: { status: 403, json: [{ path: 'message', equals: 'Missing or invalid credentials.' }] },
      auth: 'required',
      evidence: 'GET /hub/api/info -> {status} "{json:message}" (JupyterHub login required)',
    },
    // 3.x (jupyterhub/scopes.py at 3.0.0, and the recorded Debian 3.0.0): the scope check's own message for a request with no scopes.
    {
      request: { path: '/hub/api/info' },
      match: { status: 403, json: [{ path: 'message', equals: 'Action is not authorized with current scopes; requires any of [read:hub]' }] },
      auth: 'required',
      evidence: 'GET /hub/api/info -> {status} "{json:message}" (JupyterHub login required)',
    },
  ],
  version: [
    { request: { path: '/' }, match: { headers: [{ name: 'x-jupyterhub-version' }] }, header: 'x-jupyterhub-version' },
    { request: { path: '/hub/api' }, json: 'version' },
  ],
  // docs/source/reference/authenticators.md (jupyterhub/jupyterhub): PAM is the default Authenticator, OAuthenticator for
  // OAuth providers; DummyAuthenticator "allows for any username and password to login, and is wildly insecure".
  remediation: {
    fix: 'Use a real Authenticator (c.JupyterHub.authenticator_class: the default PAM, or an OAuthenticator) and restrict who may log in (c.Authenticator.allowed_users); never run DummyAuthenticator or allow_all on an address others can reach.',
    settings: ['c.JupyterHub.authenticator_class = "pam"', 'c.Authenticator.allowed_users = {...}', 'c.Authenticator.allow_all = False'],
    docs: 'https://jupyterhub.readthedocs.io/en/latest/reference/authenticators.html',
    allows: ['run-code', 'read-data'],
  },
};
