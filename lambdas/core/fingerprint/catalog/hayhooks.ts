import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Hayhooks (deepset), serving Haystack pipelines as REST APIs, port 1416 on localhost by default.
 * It has no authentication of its own: anyone who reaches it can run the pipelines and deploy new
 * ones (`POST /deploy_files` takes Python pipeline wrappers, i.e. code), so a reachable instance is
 * `none` unless a proxy in front answers 401/403 (then it is not identified: the markers are gone).
 * - `GET /openapi.json`: `info.title` "Hayhooks" (settings APP_TITLE) and `info.description`
 *   "Hayhooks makes it easy to deploy and serve Haystack pipelines..." (APP_DESCRIPTION);
 *   `info.version` = the package version.
 * - `GET /status`: `{"status": "Up!", "pipelines": [<names>]}` (routers/status.py).
 * Read from source at v1.22.0 (deepset-ai/hayhooks, 051d5a8): src/hayhooks/settings.py (APP_TITLE, host localhost,
 * port 1416), src/hayhooks/server/app.py (`create_app`), src/hayhooks/server/routers/status.py, routers/deploy.py.
 */
export const hayhooks: CatalogEntry = {
  service: 'hayhooks',
  name: 'Hayhooks',
  category: 'agent-builder',
  ports: [1416],
  openSeverity: 'critical',
  sources: [
    'https://github.com/deepset-ai/hayhooks/blob/v1.22.0/src/hayhooks/settings.py',
    'https://github.com/deepset-ai/hayhooks/blob/v1.22.0/src/hayhooks/server/routers/status.py',
    'https://github.com/deepset-ai/hayhooks/blob/v1.22.0/src/hayhooks/server/routers/deploy.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.22.0 (051d5a8)' },
  exposes: 'Haystack pipelines to run, and pipeline deployment (Python code) for anyone',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Hayhooks' }, { path: 'info.description', contains: 'Haystack pipelines' }] },
    },
    { request: { path: '/status' }, match: { status: 200, json: [{ path: 'status', equals: 'Up!' }, { path: 'pipelines', type: 'array' }] } },
  ],
  auth: [
    {
      request: { path: '/status' },
      match: { status: 200, json: [{ path: 'status', equals: 'Up!' }, { path: 'pipelines', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /status -> {status} "Up!" with {count:pipelines[]} pipelines: Hayhooks has no auth, /deploy_files takes code',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', equals: 'Hayhooks' }] }, json: 'info.version' }],
  // docs "Configuration" (HAYHOOKS_HOST default localhost) and "Deployment guidelines": Hayhooks has no auth; put it
  // behind an authenticating reverse proxy.
  remediation: {
    fix: 'Hayhooks has no authentication: keep it on HAYHOOKS_HOST=localhost (the default) and put an authenticating reverse proxy in front of any remote access, since /deploy_files runs uploaded code.',
    settings: ['HAYHOOKS_HOST=localhost'],
    docs: 'https://deepset-ai.github.io/hayhooks/deployment/deployment_guidelines/',
    allows: ['run-code', 'run-inference', 'spend-api-keys'],
  },
  inventory: [{ kind: 'workflow', request: { path: '/status' }, json: 'pipelines[]' }],
};
