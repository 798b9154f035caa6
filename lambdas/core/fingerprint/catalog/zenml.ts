import type { CatalogEntry } from '../catalog-schema.js';

/**
 * ZenML server. `GET /api/v1/info` is unauthenticated and returns the `ServerModel`: `id`,
 * `version`, `active`, `deployment_type`, `database_type`, `secrets_store_type`, `auth_scheme`
 * (`NO_AUTH` | `HTTP_BASIC` | `OAUTH2_PASSWORD_BEARER` | `EXTERNAL`), `server_url`, ... .
 * `auth_scheme: NO_AUTH` means every API call runs as the default user. A server that is not yet
 * activated (`active: false`) is unclaimed: the first visitor sets up the admin account
 * (`PUT /api/v1/activate`, served without credentials), so it is reported as open too. Any other
 * scheme on an active server requires a login. Non-API paths serve the dashboard SPA (a catch-all);
 * the app is `FastAPI(title="ZenML")`, so `/openapi.json` identifies it.
 * Sources (zenml-io/zenml):
 * - src/zenml/zen_server/routers/server_endpoints.py: `GET /api/v1/info` (no `authorize`),
 *   `PUT /api/v1/activate` (no `authorize`), `GET /api/v1/version`.
 * - src/zenml/models/v2/misc/server_models.py: `ServerModel` fields, `active` flag.
 * - src/zenml/enums.py: `AuthScheme` values.
 * - src/zenml/zen_server/zen_server_api.py: `FastAPI(title="ZenML", version=...)`, dashboard catch-all, `/api/...` 404, `/health`.
 */
export const zenml: CatalogEntry = {
  service: 'zenml',
  name: 'ZenML server',
  category: 'ml-platform',
  ports: [8080, 8237],
  sources: [
    'https://github.com/zenml-io/zenml/blob/main/src/zenml/zen_server/routers/server_endpoints.py',
    'https://github.com/zenml-io/zenml/blob/main/src/zenml/models/v2/misc/server_models.py',
    'https://github.com/zenml-io/zenml/blob/main/src/zenml/enums.py',
    'https://github.com/zenml-io/zenml/blob/main/src/zenml/zen_server/zen_server_api.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main, file-level: zen_server/routers/server_endpoints.py f5a8ed7, zen_server/zen_server_api.py 53fad2a' },
  exposes: 'pipelines, runs, artifacts, stacks, service connectors and stored secrets',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'ZenML' }, { path: 'paths./api/v1/info', exists: true }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/info' },
      match: { status: 200, json: [{ path: 'auth_scheme', equals: 'NO_AUTH' }] },
      auth: 'none',
      evidence: 'GET /api/v1/info -> {status} auth_scheme NO_AUTH: every API call runs as the default user',
    },
    {
      request: { path: '/api/v1/info' },
      match: { status: 200, json: [{ path: 'active', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/v1/info -> {status} active false: unclaimed, the first visitor becomes admin (server activation)',
    },
    {
      request: { path: '/api/v1/info' },
      match: { status: 200, json: [{ path: 'auth_scheme', type: 'string' }] },
      auth: 'required',
      evidence: 'GET /api/v1/info -> {status} auth_scheme {json:auth_scheme} on an activated server (login required)',
    },
  ],
  version: [{ request: { path: '/api/v1/info' }, json: 'version' }],
  // src/zenml/enums.py + constants.py (zenml-io/zenml): ZENML_SERVER_AUTH_SCHEME (default OAUTH2_PASSWORD_BEARER, never
  // NO_AUTH); server_endpoints.py: an inactive server is claimed by whoever activates it (PUT /api/v1/activate).
  remediation: {
    fix: 'Activate the server now by creating the admin account in the dashboard, and keep the default login scheme (ZENML_SERVER_AUTH_SCHEME=OAUTH2_PASSWORD_BEARER, never NO_AUTH).',
    settings: ['ZENML_SERVER_AUTH_SCHEME=OAUTH2_PASSWORD_BEARER'],
    docs: 'https://github.com/zenml-io/zenml/blob/main/docs/book/getting-started/deploying-zenml/deploy-with-docker.md',
    allows: ['read-data', 'write-data', 'admin'],
  },
};
