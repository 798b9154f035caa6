import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Aim experiment tracker UI (`aim up`, 43800). No authentication exists in the product, so
 * identification is proof of open access. Every non-API path serves the UI template titled "Aim"
 * with `window.API_BASE_PATH` (the router wrapper registers `/{path:path}` with and without the
 * slash, so `GET /` is the page too); the API is mounted under `/api`, where
 * `GET /api/projects/activity` counts experiments and runs. The root app is `FastAPI(title=__name__)`
 * in `aim/web/api/__init__.py`, so its `/openapi.json` is titled "aim.web.api".
 * Sources (aimhubio/aim):
 * - aim/web/api/__init__.py: `/api` mount, static app mounted at `/`.
 * - aim/web/api/views.py: `serve_index_html` catch-all rendering `index-template.html`.
 * - aim/web/api/utils.py: `APIRouter.api_route` adds both `path` and `path/`.
 * - aim/web/ui/public/index.html: `<title>Aim</title>`, `window.API_BASE_PATH = '{{ base_path }}'`.
 * - aim/web/api/projects/views.py: `GET /projects/` and `GET /projects/activity/` ->
 *   `{"num_experiments","num_runs","num_archived_runs","num_active_runs","activity_map"}`.
 * - aim/web/configs.py: `AIM_UI_DEFAULT_PORT = 43800`.
 */
export const aim: CatalogEntry = {
  service: 'aim',
  name: 'Aim',
  category: 'ml-platform',
  ports: [43800],
  sources: [
    'https://github.com/aimhubio/aim/blob/main/aim/web/api/__init__.py',
    'https://github.com/aimhubio/aim/blob/main/aim/web/api/views.py',
    'https://github.com/aimhubio/aim/blob/main/aim/web/api/utils.py',
    'https://github.com/aimhubio/aim/blob/main/aim/web/ui/public/index.html',
    'https://github.com/aimhubio/aim/blob/main/aim/web/api/projects/views.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v3.29.1 (753f4b184, 2025-05-08)' },
  exposes: 'experiments, runs, metrics, hyperparameters and logged artifacts (read and delete)',
  // The UI page answers every non-API path alike (a catch-all), so it cannot identify; the root
  // app's FastAPI schema, titled after its module, does.
  identify: [{ request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', equals: 'aim.web.api' }] } }],
  auth: [
    {
      request: { path: '/api/projects/activity' },
      match: { status: 200, json: [{ path: 'num_runs', type: 'number' }] },
      auth: 'none',
      evidence:
        'GET /api/projects/activity -> {status} without credentials (no auth in Aim): {json:num_experiments} experiments, {json:num_runs} runs',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>Aim</title>', 'window.API_BASE_PATH'] },
      auth: 'none',
      evidence: 'GET / -> {status} Aim UI without credentials (no auth in Aim)',
    },
  ],
  // docs/source/refs/cli.md (`aim up -h/--host`) and aim/web/configs.py (`AIM_UI_DEFAULT_HOST = '127.0.0.1'`):
  // Aim has no authentication of its own.
  remediation: {
    fix: 'Aim has no authentication of its own: run `aim up` on localhost (--host 127.0.0.1, the default) and put an authenticating reverse proxy in front if others need the UI.',
    settings: ['aim up --host 127.0.0.1'],
    docs: 'https://github.com/aimhubio/aim/blob/main/docs/source/refs/cli.md',
    allows: ['read-data', 'write-data'],
  },
  // aim/web/api/experiments/views.py `get_experiments_list_api`: `GET /api/experiments` -> `[{"id","name","run_count","archived","created_at"}]`.
  inventory: [{ kind: 'experiment', request: { path: '/api/experiments' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].name' }],
};
