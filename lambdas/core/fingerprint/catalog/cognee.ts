import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Cognee API server (knowledge-graph memory for AI agents: ingests documents, builds a graph and
 * vector index with an LLM, answers searches), FastAPI on port 8000 (`HTTP_API_PORT`; its compose
 * publishes 8000:8000; 8011 in agent mode).
 * - `GET /health` (public): `{"status": "ready", "health": "healthy", "version": "<cognee>"}`
 *   (503 `"not ready"` when a component is down); the version ends in `-local` when the server
 *   runs from a source tree (the Docker image).
 * - `GET /openapi.json` (public): custom schema titled "Cognee API", description "Cognee API with
 *   Bearer token and Cookie auth".
 * - `GET /`: exactly `{"message": "Hello, World, I am alive!"}`: the second marker of both.
 * Auth: data routes depend on `get_authenticated_user` (fastapi-users `current_user`, optional only
 * when REQUIRE_AUTHENTICATION is off). Required by default now (ENABLE_BACKEND_ACCESS_CONTROL
 * defaults to true and REQUIRE_AUTHENTICATION follows it): `GET /api/v1/datasets` -> 401
 * `{"detail": "Unauthorized"}`. Turned off (ENABLE_BACKEND_ACCESS_CONTROL=false, or older releases
 * whose .env template shipped REQUIRE_AUTHENTICATION=False) every request runs as the default user:
 * 200 with the dataset list. Even when required, a default user `default_user@example.com` /
 * `default_password` is created unless DEFAULT_USER_EMAIL/PASSWORD are set; proving it takes a
 * form login (POST), which this catalog does not send, so the evidence says so.
 * Read from source at v1.5.2-2-ga8f9760 (topoteretes/cognee, main 2026-08-22): cognee/api/client.py (routers, custom_openapi,
 * root, start_api_server port), cognee/api/v1/health/routers/get_health_router.py, cognee/api/v1/health/health.py,
 * cognee/version.py, cognee/modules/users/methods/get_authenticated_user.py (_resolve_auth_posture),
 * cognee/modules/users/methods/create_default_user.py, cognee/api/v1/datasets/routers/get_datasets_router.py,
 * .env.template, docker-compose.yml.
 */
const ROOT = { request: { path: '/' }, match: { status: 200, bodyRegex: '^\\{"message":"Hello, World, I am alive!"\\}$' } };

export const cognee: CatalogEntry = {
  service: 'cognee',
  name: 'Cognee API server',
  category: 'vector-database',
  ports: [8000],
  alternatePorts: [8011],
  sources: [
    'https://github.com/topoteretes/cognee/blob/a8f9760bb6da90a9956b3be77c0d0534134f533a/cognee/api/client.py',
    'https://github.com/topoteretes/cognee/blob/a8f9760bb6da90a9956b3be77c0d0534134f533a/cognee/api/v1/health/routers/get_health_router.py',
    'https://github.com/topoteretes/cognee/blob/a8f9760bb6da90a9956b3be77c0d0534134f533a/cognee/modules/users/methods/get_authenticated_user.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.5.2-2-ga8f9760' },
  exposes: 'ingested documents, the knowledge graph and search over them, and the LLM key the server spends on cognify and search',
  identify: [
    {
      request: { path: '/health' },
      match: { status: [200, 503], json: [{ path: 'status', type: 'string' }, { path: 'health', type: 'string' }, { path: 'version', type: 'string' }] },
      confirm: ROOT,
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Cognee API' }, { path: 'info.description', contains: 'Bearer token and Cookie auth' }] },
      confirm: ROOT,
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/datasets' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/datasets -> {status} without credentials: authentication off, every request runs as the default user ({count:[]} datasets listed)',
    },
    {
      request: { path: '/api/v1/datasets' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /api/v1/datasets -> {status} Unauthorized (authentication required); the default user default_user@example.com / default_password exists unless DEFAULT_USER_PASSWORD was set (not tried: its login is a form POST)',
    },
  ],
  version: [{ request: { path: '/health' }, json: 'version' }],
  // .env.template (auth posture: ENABLE_BACKEND_ACCESS_CONTROL, REQUIRE_AUTHENTICATION, DEFAULT_USER_EMAIL/PASSWORD), linked from its environment docs.
  remediation: {
    fix: 'Keep ENABLE_BACKEND_ACCESS_CONTROL=true (authentication required), set DEFAULT_USER_EMAIL and a strong DEFAULT_USER_PASSWORD before the first start, and keep the API server off public addresses.',
    settings: ['ENABLE_BACKEND_ACCESS_CONTROL=true', 'REQUIRE_AUTHENTICATION unset or true', 'DEFAULT_USER_PASSWORD=<random>'],
    docs: 'https://docs.cognee.ai/getting-started/installation#environment-configuration',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
