import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Langflow (default port 7860). `GET /api/v1/version` is public and answers `get_version_info()`:
 * `{"version", "main_version", "package": "Langflow" | "Langflow Base" | "Langflow Nightly" | ...}`.
 * The frontend is mounted on `/` with a 404 handler that returns index.html (200) for every
 * unknown path outside `/api` (JSON 404 there), so only that JSON identifies it.
 * Auth: `GET /api/v1/auto_login` hands out a long-lived superuser access token
 * (`{"access_token", "refresh_token": null, "token_type": "bearer"}`) while `AUTO_LOGIN` is on, the
 * default; with it off it answers 400 `{"detail": {"message": "Auto login is disabled. Please
 * enable it in the settings", "auto_login": false}}`. Custom components and the code-validation
 * endpoints run Python on the server, hence `critical` when open.
 * Sources (langflow-ai/langflow):
 * - src/backend/base/langflow/api/v1/endpoints.py: `GET /version`, `GET /config`.
 * - src/backend/base/langflow/utils/version.py: `_get_version_info` (package display names).
 * - src/backend/base/langflow/api/v1/login.py: `auto_login` (200 tokens / 400 detail).
 * - src/backend/base/langflow/main.py: `setup_static_files` (`custom_404_handler`), port 7860.
 * - src/backend/base/langflow/services/settings/constants.py and auth.py: with AUTO_LOGIN off and no
 *   LANGFLOW_SUPERUSER / LANGFLOW_SUPERUSER_PASSWORD given, the superuser is `langflow` / `langflow`
 *   (AuthSettings field defaults DEFAULT_SUPERUSER, DEFAULT_SUPERUSER_PASSWORD).
 * - api/v1/login.py `POST /login`: an OAuth2 password form (form-encoded username, password); a right
 *   pair answers 200 `create_user_tokens` `{"access_token", "refresh_token", "token_type": "bearer"}`
 *   (refresh_token a string, unlike auto_login's null), a wrong one 401 "Incorrect username or password".
 */
export const langflow: CatalogEntry = {
  service: 'langflow',
  name: 'Langflow',
  category: 'agent-builder',
  ports: [7860],
  openSeverity: 'critical',
  sources: [
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/api/v1/endpoints.py',
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/utils/version.py',
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/api/v1/login.py',
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/main.py',
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/services/settings/constants.py',
    'https://github.com/langflow-ai/langflow/blob/main/src/backend/base/langflow/services/settings/auth.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@05b0e78 (file-level: utils/version.py), 20985e6 (api/v1/login.py), 0709eaf (services/settings/auth.py)' },
  exposes: 'flows with their stored API keys, and custom components that run Python on the server',
  identify: [
    {
      request: { path: '/api/v1/version' },
      match: { status: 200, json: [{ path: 'package', contains: 'Langflow' }, { path: 'main_version', type: 'string' }, { path: 'version', type: 'string' }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/auto_login' },
      match: { status: 200, json: [{ path: 'access_token', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/v1/auto_login -> {status} with a superuser access token (AUTO_LOGIN on, unclaimed default setup): every visitor is admin',
    },
    {
      request: { path: '/api/v1/auto_login' },
      // FastAPI's HTTPException handler wraps the dict in `detail`; matched by text to stay shape-agnostic.
      match: { status: 400, bodyContains: ['Auto login is disabled'] },
      auth: 'required',
      evidence: 'GET /api/v1/auto_login -> {status} "Auto login is disabled": login required',
    },
  ],
  version: [{ request: { path: '/api/v1/version' }, json: 'version' }],
  // Opt-in only (--check-default-credentials): one login through the product's own form.
  defaultCredentials: [
    {
      credential: 'langflow/langflow (Langflow superuser when auto-login is off and no LANGFLOW_SUPERUSER is set)',
      request: { method: 'POST', path: '/api/v1/login', bodyEncoding: 'form', body: 'username=langflow&password=langflow' },
      match: { status: 200, json: [{ path: 'access_token', type: 'string' }, { path: 'refresh_token', type: 'string' }, { path: 'token_type', equals: 'bearer' }] },
    },
  ],
  // docs.langflow.org/configuration-authentication: "Disable LANGFLOW_AUTO_LOGIN, use a secure LANGFLOW_SECRET_KEY";
  // LANGFLOW_SUPERUSER / LANGFLOW_SUPERUSER_PASSWORD create the admin when auto-login is off.
  remediation: {
    fix: 'Turn off auto-login (LANGFLOW_AUTO_LOGIN=False) and create a superuser with a strong password (LANGFLOW_SUPERUSER, LANGFLOW_SUPERUSER_PASSWORD), with a non-default LANGFLOW_SECRET_KEY.',
    settings: ['LANGFLOW_AUTO_LOGIN=False', 'LANGFLOW_SUPERUSER=<admin>', 'LANGFLOW_SUPERUSER_PASSWORD=<password>', 'LANGFLOW_SECRET_KEY=<random key>'],
    docs: 'https://docs.langflow.org/configuration-authentication',
    allows: ['run-code', 'read-data', 'spend-api-keys', 'admin'],
  },
};
