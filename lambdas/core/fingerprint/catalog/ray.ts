import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Ray dashboard / Jobs REST API. Historically no authentication at all (job submission runs
 * arbitrary code by design). Ray 2.52+ has optional token auth (`RAY_AUTH_MODE=token`, off by
 * default): a missing token gets 401 text "Unauthorized: Missing authentication token", a wrong one
 * 403; `/`, `/api/authentication_mode`, `/api/healthz` and `/static/` stay public.
 * Sources (ray-project/ray):
 * - python/ray/dashboard/modules/job/job_head.py: `GET /api/version` -> `{"version","ray_version",
 *   "ray_commit","session_name"}`; `GET /api/jobs/` -> JSON array of job details.
 * - python/ray/dashboard/modules/job/tests/test_http_job_server.py `test_version_endpoint`.
 * - python/ray/dashboard/http_server_head.py: public paths, `GET /api/authentication_mode` ->
 *   `{"authentication_mode": "token"|"disabled"}`, middleware order.
 * - python/ray/_private/authentication/http_token_authentication.py: 401 / 403 texts.
 * - python/ray/dashboard/client/public/index.html: `<title>Ray Dashboard</title>`.
 */
export const ray: CatalogEntry = {
  service: 'ray',
  name: 'Ray dashboard / Jobs API',
  category: 'ml-platform',
  ports: [8265],
  openSeverity: 'critical',
  sources: [
    'https://github.com/ray-project/ray/blob/master/python/ray/dashboard/modules/job/job_head.py',
    'https://github.com/ray-project/ray/blob/master/python/ray/dashboard/http_server_head.py',
    'https://github.com/ray-project/ray/blob/master/python/ray/_private/authentication/http_token_authentication.py',
    'https://github.com/ray-project/ray/blob/master/python/ray/dashboard/client/public/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'master@39f042f (file-level: _private/authentication/http_token_authentication.py; dashboard/http_server_head.py and modules/job/job_head.py at their newest stored versions)' },
  exposes: 'job submission (arbitrary code execution on the cluster), logs and cluster state',
  identify: [
    {
      request: { path: '/api/version' },
      match: { status: 200, json: [{ path: 'ray_version', type: 'string' }, { path: 'ray_commit', type: 'string' }] },
    },
    { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>Ray Dashboard</title>'] } },
    {
      request: { path: '/api/authentication_mode' },
      match: { status: 200, bodyRegex: '"authentication_mode":\\s*"(token|disabled)"' },
    },
  ],
  auth: [
    {
      request: { path: '/api/jobs/' },
      match: { status: 200, bodyRegex: '^\\s*\\[', headers: [{ name: 'content-type', contains: 'application/json' }] },
      auth: 'none',
      evidence: 'GET /api/jobs/ -> {status}: job list readable and job submission open without a token',
    },
    {
      request: { path: '/api/jobs/' },
      match: { status: [401, 403], bodyContains: ['authentication token'] },
      auth: 'required',
      evidence: 'GET /api/jobs/ -> {status} (Ray token authentication)',
    },
    {
      request: { path: '/api/authentication_mode' },
      match: { status: 200, json: [{ path: 'authentication_mode', equals: 'token' }] },
      auth: 'required',
      evidence: 'GET /api/authentication_mode -> "{json:authentication_mode}" (Ray token authentication)',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'ray_version' }],
  // docs.ray.io ray-security/token-auth.html: RAY_AUTH_MODE=token (Ray 2.52+, on every node), token from
  // RAY_AUTH_TOKEN or `ray get-auth-token --generate`; the dashboard binds localhost unless --dashboard-host says otherwise.
  remediation: {
    fix: 'Turn on Ray token authentication (Ray 2.52+: RAY_AUTH_MODE=token on every node, token from ray get-auth-token --generate); on older releases keep the dashboard on localhost (--dashboard-host=127.0.0.1) behind an authenticating reverse proxy.',
    settings: ['RAY_AUTH_MODE=token', 'RAY_AUTH_TOKEN=<token>', '--dashboard-host=127.0.0.1'],
    docs: 'https://docs.ray.io/en/latest/ray-security/token-auth.html',
    allows: ['run-code', 'read-data'],
  },
  // The same `GET /api/jobs/` the auth rule reads (cached): job_head.py lists job details; submission ids name the
  // submitted jobs (driver-only jobs have none and are skipped).
  inventory: [{ kind: 'workflow', request: { path: '/api/jobs/' }, json: '[].submission_id' }],
};
