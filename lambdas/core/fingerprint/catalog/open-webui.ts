import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Open WebUI. `GET /api/config` is public (the login page needs it) and answers
 * `{"status": true, "name": WEBUI_NAME, "version", "default_locale", "oauth": {"providers"},
 * "features": {"auth", "auth_trusted_header", "enable_signup", "enable_login_form", ...}}`, plus
 * `"onboarding": true` while the user table is empty. `WEBUI_NAME` defaults to "Open WebUI" and a
 * custom name gets " (Open WebUI)" appended (env.py), so the name names the product unless a
 * rebranded build strips the suffix; the second probe covers that with the config's own key set.
 * - `features.auth: false` (`WEBUI_AUTH=False`): no login at all, every visitor is the admin.
 * - `onboarding: true`: unclaimed, the first account created becomes admin.
 * - otherwise login is required; self-signup (`enable_signup`) creates `pending` accounts by
 *   default (`DEFAULT_USER_ROLE=pending`), which an admin must approve, so it is not counted open.
 * Admins can install Functions/Tools (Python run on the server), hence `critical` when open.
 * Every unknown path answers the SPA's index.html with 200 (`SPAStaticFiles`), so only JSON
 * markers identify it.
 * Sources (open-webui/open-webui):
 * - backend/open_webui/main.py: `get_app_config` (`GET /api/config`), `get_app_version`
 *   (`GET /api/version` -> `{"version","deployment_id"}`), `SPAStaticFiles`, `/manifest.json`.
 * - backend/open_webui/env.py: `WEBUI_NAME` default and " (Open WebUI)" suffix.
 * - backend/open_webui/config.py: `DEFAULT_USER_ROLE` default "pending".
 */
export const openWebui: CatalogEntry = {
  service: 'open-webui',
  name: 'Open WebUI',
  category: 'chat-ui',
  ports: [8080, 3000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/open-webui/open-webui/blob/main/backend/open_webui/main.py',
    'https://github.com/open-webui/open-webui/blob/main/backend/open_webui/env.py',
    'https://github.com/open-webui/open-webui/blob/main/backend/open_webui/config.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@cf17bb9 (file-level: backend/open_webui/main.py get_app_config; env.py WEBUI_NAME suffix)' },
  exposes: 'chats, documents and connected model API keys; admin Functions/Tools run Python on the server',
  identify: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'name', contains: 'Open WebUI' }, { path: 'features', type: 'object' }] },
    },
    // Rebranded builds that drop the " (Open WebUI)" suffix: the public config's own key set.
    {
      request: { path: '/api/config' },
      match: {
        status: 200,
        json: [
          { path: 'features.auth', type: 'boolean' },
          { path: 'features.auth_trusted_header', type: 'boolean' },
          { path: 'features.enable_login_form', type: 'boolean' },
          { path: 'oauth.providers', type: 'object' },
          { path: 'default_locale', type: 'string' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'features.auth', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status} with features.auth=false (WEBUI_AUTH=False): no login, every visitor is admin',
    },
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'onboarding', equals: true }] },
      auth: 'none',
      evidence: 'GET /api/config -> {status} with onboarding=true: unclaimed, no user yet, the first visitor to sign up becomes admin',
    },
    {
      request: { path: '/api/config' },
      match: { status: 200, json: [{ path: 'features.auth', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/config -> {status} with features.auth=true: login required (enable_signup={json:features.enable_signup}; new accounts are pending by default)',
    },
  ],
  version: [
    { request: { path: '/api/config' }, json: 'version' },
    { request: { path: '/api/version' }, match: { status: 200, json: [{ path: 'deployment_id', exists: true }] }, json: 'version' },
  ],
  // docs.openwebui.com getting-started/env-configuration: WEBUI_AUTH (default True), ENABLE_SIGNUP,
  // DEFAULT_USER_ROLE (default pending); the first account created becomes admin.
  remediation: {
    fix: 'Keep authentication on (WEBUI_AUTH=True, the default) and create the admin account now so nobody else can claim it; then turn off open signup (ENABLE_SIGNUP=False) or keep new accounts pending (DEFAULT_USER_ROLE=pending).',
    settings: ['WEBUI_AUTH=True', 'ENABLE_SIGNUP=False', 'DEFAULT_USER_ROLE=pending'],
    docs: 'https://docs.openwebui.com/getting-started/env-configuration',
    allows: ['run-code', 'spend-api-keys', 'read-data', 'write-data', 'admin'],
  },
};
