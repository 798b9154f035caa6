import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Xorbits Inference (Xinference). `GET /v1/cluster/auth` is always public and answers exactly
 * `{"auth": <bool>}`. From 3.0 the database-backed "advanced" auth is on by default
 * (`XINFERENCE_AUTH_ADVANCED`); until the first admin is created through `POST /v1/admin/setup`,
 * `GET /v1/admin/setup/status` reports `"needs_setup": true` and whoever reaches setup first becomes
 * admin (unclaimed). Protected routes answer 401 "Could not validate credentials".
 * Sources (xorbitsai/inference):
 * - xinference/api/routers/admin.py: `is_cluster_authenticated` -> `{"auth": api.is_authenticated()}`;
 *   `get_cluster_version` -> `{"version", "full-revisionid"}` (admin scope when auth is on).
 * - xinference/api/restful_api.py `list_models`: items `"owned_by": "xinference"`; `is_authenticated`.
 * - xinference/api/oauth2/advanced/routes.py `setup_status`: `needs_setup`, `initialized`,
 *   `password_min_length`; auth_service.py: 401 `Could not validate credentials`.
 * - xinference/constants.py: `XINFERENCE_DEFAULT_ENDPOINT_PORT = 9997`.
 */
export const xinference: CatalogEntry = {
  service: 'xinference',
  name: 'Xinference',
  category: 'llm-server',
  ports: [9997],
  sources: [
    'https://github.com/xorbitsai/inference/blob/main/xinference/api/routers/admin.py',
    'https://github.com/xorbitsai/inference/blob/main/xinference/api/restful_api.py',
    'https://github.com/xorbitsai/inference/blob/main/xinference/api/oauth2/advanced/routes.py',
    'https://github.com/xorbitsai/inference/blob/main/xinference/constants.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v3.2.0-61-g7ecec16b6 (2026-08-23)' },
  exposes: 'running models, model launch/terminate and inference across the cluster',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'xinference' }] } },
    { request: { path: '/v1/cluster/auth' }, match: { status: 200, bodyRegex: '^\\s*\\{\\s*"auth"\\s*:\\s*(true|false)\\s*\\}\\s*$' } },
  ],
  auth: [
    {
      request: { path: '/v1/admin/setup/status' },
      match: { status: 200, json: [{ path: 'needs_setup', equals: true }] },
      auth: 'none',
      evidence: 'GET /v1/admin/setup/status -> {status} needs_setup:true: unclaimed, the first visitor to POST /v1/admin/setup becomes admin',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without credentials, {count:data[]} running models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/cluster/auth' },
      match: { status: 200, json: [{ path: 'auth', equals: false }] },
      auth: 'none',
      evidence: 'GET /v1/cluster/auth -> {status} {"auth": false}: authentication disabled',
    },
    {
      request: { path: '/v1/cluster/auth' },
      match: { status: 200, json: [{ path: 'auth', equals: true }] },
      auth: 'required',
      evidence: 'GET /v1/cluster/auth -> {status} {"auth": true}: Xinference authentication on',
    },
  ],
  version: [{ request: { path: '/v1/cluster/version' }, json: 'version' }],
  // inference.readthedocs.io user_guide/auth_system (3.0+): database-backed auth on by default unless
  // XINFERENCE_AUTH_ADVANCED=false; the first admin is created through /v1/admin/setup.
  remediation: {
    fix: 'Keep authentication on (do not set XINFERENCE_AUTH_ADVANCED=false) and claim the instance now by creating the admin account through the first-run setup; bind to 127.0.0.1 (-H) if remote clients do not need it.',
    settings: ['XINFERENCE_AUTH_ADVANCED=true', 'xinference-local -H 127.0.0.1'],
    docs: 'https://inference.readthedocs.io/en/latest/user_guide/auth_system.html',
    allows: ['admin', 'run-inference', 'pull-models'],
  },
};
