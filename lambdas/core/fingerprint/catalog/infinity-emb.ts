import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Infinity (michaelfeil/infinity), the embedding / rerank / classify server, port 7997. Open
 * unless started with `--api-key`; then every model route depends on `validate_token`, which
 * answers 401 `{"detail": "Unauthorized"}` with `WWW-Authenticate: Bearer`. `/health`
 * (`{"unix": <time>}`) and the OpenAPI document stay public.
 * - `GET /openapi.json` (`{url_prefix}/openapi.json`, prefix empty by default): `info.title`
 *   "♾️ Infinity - Embedding Inference Server" (fastapi_schemas/docs.py FASTAPI_TITLE) and
 *   `info.version` = the package version. It identifies in both states.
 * - `GET /models` (or `/v1/models` when started with `--url-prefix /v1`): `{"data": [{"id",
 *   "stats", "object": "model", "owned_by": "infinity", "backend", "capabilities"}], "object": "list"}`.
 * The auth verdict reads the model list (open) or its 401 with the Bearer challenge (locked),
 * a second marker next to the title.
 * Read from source at 0.0.77-9-gfcb951c (michaelfeil/infinity, 2025-10-06):
 * libs/infinity_emb/infinity_emb/infinity_server.py (`create_server`, `validate_token`, `/health`, `/models`),
 * libs/infinity_emb/infinity_emb/fastapi_schemas/docs.py, libs/infinity_emb/infinity_emb/fastapi_schemas/pymodels.py (ModelInfo).
 */
export const infinityEmb: CatalogEntry = {
  service: 'infinity-emb',
  name: 'Infinity embedding server',
  category: 'model-server',
  ports: [7997],
  sources: [
    'https://github.com/michaelfeil/infinity/blob/main/libs/infinity_emb/infinity_emb/infinity_server.py',
    'https://github.com/michaelfeil/infinity/blob/main/libs/infinity_emb/infinity_emb/fastapi_schemas/docs.py',
    'https://github.com/michaelfeil/infinity/blob/main/libs/infinity_emb/infinity_emb/fastapi_schemas/pymodels.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.0.77-9-gfcb951c' },
  exposes: 'embedding, rerank and classification models (free inference)',
  identify: [
    { request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', contains: 'Infinity - Embedding Inference Server' }] } },
    { request: { path: '/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'infinity' }, { path: 'data[].stats', type: 'object' }] } },
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'infinity' }, { path: 'data[].stats', type: 'object' }] } },
  ],
  auth: [
    {
      request: { path: '/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'infinity' }] },
      auth: 'none',
      evidence: 'GET /models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'infinity' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/models' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Unauthorized' }], headers: [{ name: 'www-authenticate', regex: '^Bearer' }] },
      auth: 'required',
      evidence: 'GET /models -> {status} Unauthorized, WWW-Authenticate: Bearer (--api-key)',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Unauthorized' }], headers: [{ name: 'www-authenticate', regex: '^Bearer' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} Unauthorized, WWW-Authenticate: Bearer (--api-key)',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', contains: 'Infinity' }] }, json: 'info.version' }],
  // README / docs "CLI": `infinity_emb v2 --api-key <key>` (INFINITY_API_KEY) protects every model route.
  remediation: {
    fix: 'Start Infinity with an API key (--api-key <key> or INFINITY_API_KEY=<key>) so every model route needs a Bearer token, and keep it on an internal address.',
    settings: ['--api-key <key>', 'INFINITY_API_KEY=<key>'],
    docs: 'https://michaelfeil.github.io/infinity/latest/cli_v2/',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/models' }, json: 'data[].id' }],
};
