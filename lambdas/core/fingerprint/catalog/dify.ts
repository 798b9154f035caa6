import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Dify (docker-compose nginx on 80/443 routes `/console/api`, `/api`, `/v1`, `/files` to the Flask
 * API, everything else to the Next.js web app; API alone on 5001). `GET /console/api/setup` is
 * public: self-hosted edition answers `{"step": "not_started"}` until the first admin is created,
 * then `{"step": "finished", "setup_at": "<iso>"}`; cloud edition `{"step": "finished"}`. Every API
 * response carries `X-Version` (and `X-Env`) from `ext_app_metrics`.
 * `not_started` means anyone can POST the setup form and become the owner, unless `INIT_PASSWORD`
 * is set: then `GET /console/api/init` answers `{"status": "not_started"}` (validation pending)
 * instead of `finished`, and the setup POST requires that password first.
 * Sources (langgenius/dify):
 * - api/controllers/console/setup.py: `SetupApi.get`.
 * - api/controllers/console/init_validate.py: `GET /init`, `get_init_validate_status`.
 * - api/extensions/ext_app_metrics.py: `X-Version` / `X-Env` headers, `/health`.
 * - docker/nginx/conf.d/default.conf.template: path routing.
 */
export const dify: CatalogEntry = {
  service: 'dify',
  name: 'Dify',
  category: 'agent-builder',
  ports: [80, 443, 5001],
  sources: [
    'https://github.com/langgenius/dify/blob/main/api/controllers/console/setup.py',
    'https://github.com/langgenius/dify/blob/main/api/controllers/console/init_validate.py',
    'https://github.com/langgenius/dify/blob/main/api/extensions/ext_app_metrics.py',
    'https://github.com/langgenius/dify/blob/main/docker/nginx/conf.d/default.conf.template',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@00f367a (file-level: controllers/console/init_validate.py), cd0780d (setup.py), 1bc66c2 (extensions/ext_app_metrics.py)' },
  exposes: 'apps, knowledge bases, workflows and the model-provider keys of the workspace',
  identify: [
    {
      request: { path: '/console/api/setup' },
      // Newer trees serialise through a response schema, so key order and a null `setup_at` may vary.
      match: { status: 200, json: [{ path: 'step', type: 'string' }], bodyRegex: '"step"\\s*:\\s*"(not_started|finished)"' },
    },
  ],
  auth: [
    {
      request: { path: '/console/api/setup' },
      match: { status: 200, json: [{ path: 'step', equals: 'finished' }] },
      auth: 'required',
      evidence: 'GET /console/api/setup -> {status} step=finished (admin created {json:setup_at}): console login required',
    },
    {
      request: { path: '/console/api/init' },
      match: { status: 200, json: [{ path: 'status', equals: 'not_started' }] },
      auth: 'required',
      evidence: 'GET /console/api/init -> {status} not_started: not set up yet, but INIT_PASSWORD gates admin creation',
    },
    {
      request: { path: '/console/api/setup' },
      match: { status: 200, json: [{ path: 'step', equals: 'not_started' }] },
      auth: 'none',
      evidence: 'GET /console/api/setup -> {status} step=not_started: unclaimed, the first visitor becomes admin (no INIT_PASSWORD)',
    },
  ],
  version: [{ request: { path: '/console/api/setup' }, header: 'x-version' }],
  // api/controllers/console/init_validate.py (langgenius/dify): with INIT_PASSWORD set, admin setup first requires that password;
  // docs.dify.ai environment-variables page lists INIT_PASSWORD for self-hosted deployments.
  remediation: {
    fix: 'Claim the instance now by completing setup at /install (create the owner account), and set INIT_PASSWORD so nobody else can run the setup before you do.',
    settings: ['INIT_PASSWORD=<password>'],
    docs: 'https://docs.dify.ai/en/self-host/deploy/configuration/environments',
    allows: ['admin'],
  },
};
