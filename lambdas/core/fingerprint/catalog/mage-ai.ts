import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Mage (data / ML pipeline tool with a notebook-style editor and a web terminal), port 6789.
 * `REQUIRE_USER_AUTHENTICATION` decides: off, anyone who reaches it edits and runs pipeline
 * blocks (Python, SQL, shell) and opens the terminal; on (the default in current releases) it
 * needs a login, whose first owner account is the documented `admin@admin.com` / `admin`
 * (sign-in is a POST, so the scanner does not try it).
 * - `GET /api/status` (`bypass_oauth_check`, the health route): `{"statuses": [{"is_instance_manager",
 *   "repo_path", "scheduler_status", "max_print_output_lines", "require_user_authentication",
 *   "require_user_permissions", "project_type", "project_uuid", ...}], "metadata": {}}`: Mage's own
 *   statement of its auth mode.
 * - `GET /`: the UI (`<title>Mage</title>`): the second marker.
 * Read from source at 0.9.79-43-g5640c79 (mage-ai/mage-ai, 2026-08-13): mage_ai/server/server.py (`make_app` routes,
 * `/api/status(?:es)?` with `bypass_oauth_check`), mage_ai/api/resources/StatusResource.py, mage_ai/api/presenters/
 * StatusPresenter.py, mage_ai/api/operations/base.py (`{resource: [...], metadata}`), mage_ai/settings/server.py
 * (`REQUIRE_USER_AUTHENTICATION` default True), mage_ai/server/constants.py (port 6789), mage_ai/server/frontend_dist/index.html.
 */
export const mageAi: CatalogEntry = {
  service: 'mage-ai',
  name: 'Mage',
  category: 'ml-platform',
  ports: [6789],
  openSeverity: 'critical',
  sources: [
    'https://github.com/mage-ai/mage-ai/blob/master/mage_ai/server/server.py',
    'https://github.com/mage-ai/mage-ai/blob/master/mage_ai/api/resources/StatusResource.py',
    'https://github.com/mage-ai/mage-ai/blob/master/mage_ai/settings/server.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.9.79-43-g5640c79 (mage-ai/mage-ai, 2026-08-13)' },
  exposes: 'pipelines and their code blocks, data source connections and secrets, pipeline runs and the web terminal (code execution)',
  identify: [
    {
      request: { path: '/api/status' },
      match: {
        status: 200,
        json: [
          { path: 'statuses[].require_user_authentication', type: 'boolean' },
          { path: 'statuses[].scheduler_status', exists: true },
          { path: 'statuses[].max_print_output_lines', exists: true },
          { path: 'statuses[].repo_path', type: 'string' },
        ],
      },
      confirm: { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>Mage</title>'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'statuses[].require_user_authentication', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/status -> {status} "require_user_authentication": false: anyone can edit and run pipelines',
    },
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'statuses[].require_user_authentication', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/status -> {status} "require_user_authentication": true (change the default owner admin@admin.com / admin if still set)',
    },
  ],
  // docs "Authentication" (production/authentication/overview): REQUIRE_USER_AUTHENTICATION=1; the default owner
  // is admin@admin.com / admin and must be changed on first login.
  remediation: {
    fix: 'Set REQUIRE_USER_AUTHENTICATION=1 (and REQUIRE_USER_PERMISSIONS=1), change the default owner admin@admin.com / admin, and keep port 6789 off public addresses.',
    settings: ['REQUIRE_USER_AUTHENTICATION=1', 'REQUIRE_USER_PERMISSIONS=1', 'DEFAULT_OWNER_EMAIL / DEFAULT_OWNER_PASSWORD'],
    docs: 'https://docs.mage.ai/production/authentication/overview',
    allows: ['run-code', 'read-data', 'write-data', 'admin'],
  },
};
