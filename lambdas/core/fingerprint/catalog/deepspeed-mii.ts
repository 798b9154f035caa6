import type { CatalogEntry } from '../catalog-schema.js';

/**
 * DeepSpeed-MII OpenAI-compatible server (`python -m mii.entrypoints.openai_api_server`), port
 * 8000, binds 0.0.0.0 by default. `--api-keys` adds a bearer check to `/v1/*` only; `/health` and
 * FastAPI's `/openapi.json` stay public.
 * - `GET /v1/models`: `{"object": "list", "data": [{"id", "object": "model", "created", "owned_by": "deepspeed-mii",
 *   "root", "parent", "permission": [...]}]}`.
 * - keys set, none sent: 401 `{"detail": {"error": {"message": "", "type": "invalid_request_error", "param": null,
 *   "code": "invalid_api_key"}}}` (the OpenAI error nested under FastAPI's `detail`, with an empty message).
 * - `GET /openapi.json`: FastAPI defaults (title "FastAPI") with `/v1/models`, `/v1/chat/completions`, `/v1/completions`, `/health`.
 * Markers: `owned_by: "deepspeed-mii"` or the nested empty-message 401, each confirmed by the OpenAPI route set.
 * The server is a trimmed copy of FastChat's: the 401 is byte-for-byte FastChat's, so the locked state is told
 * apart by the route set (FastChat also serves `/v1/embeddings` and `/api/v1/token_check`), and `order: 90` runs
 * this entry before the `fastchat` one, whose 401 rule would otherwise claim it.
 * Read from source at v0.3.3-2-g8abdd98 (deepspeedai/DeepSpeed-MII, 2025-06-30): mii/entrypoints/openai_api_server.py
 * (check_api_key, /v1/models, /health, argparse --host 0.0.0.0 --port 8000 --api-keys), mii/entrypoints/data_models.py (ModelCard).
 */
const OPENAPI_ROUTES = {
  request: { path: '/openapi.json' },
  match: {
    status: 200,
    json: [
      { path: 'paths./v1/models', exists: true },
      { path: 'paths./v1/chat/completions', exists: true },
      { path: 'paths./v1/completions', exists: true },
      { path: 'paths./health', exists: true },
    ],
    bodyExcludes: ['/v1/embeddings', '/api/v1/token_check'],
  },
} as const;

export const deepspeedMii: CatalogEntry = {
  service: 'deepspeed-mii',
  name: 'DeepSpeed-MII',
  category: 'llm-server',
  ports: [8000],
  order: 90,
  sources: [
    'https://github.com/deepspeedai/DeepSpeed-MII/blob/main/mii/entrypoints/openai_api_server.py',
    'https://github.com/deepspeedai/DeepSpeed-MII/blob/main/mii/entrypoints/data_models.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.3.3-2-g8abdd98 (deepspeedai/DeepSpeed-MII, 2025-06-30)' },
  exposes: 'model list and unauthenticated inference (GPU time)',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'deepspeed-mii' }] },
      confirm: OPENAPI_ROUTES,
    },
    {
      request: { path: '/v1/models' },
      match: {
        status: 401,
        json: [
          { path: 'detail.error.code', equals: 'invalid_api_key' },
          { path: 'detail.error.type', equals: 'invalid_request_error' },
          { path: 'detail.error.message', equals: '' },
        ],
      },
      confirm: OPENAPI_ROUTES,
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'deepspeed-mii' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail.error.code', equals: 'invalid_api_key' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} invalid_api_key (openai_api_server --api-keys)',
    },
  ],
  // No doc page for this server; its argparse help (openai_api_server.py) is the reference: --api-keys <key> ... makes /v1/* require `Authorization: Bearer <key>`; --host defaults to 0.0.0.0.
  remediation: {
    fix: 'Start the OpenAI server with API keys (`--api-keys <key>`) and bind it to a private address (`--host 127.0.0.1`): the default listens on every interface.',
    settings: ['--api-keys <key>', '--host 127.0.0.1'],
    docs: 'https://github.com/deepspeedai/DeepSpeed-MII/blob/main/mii/entrypoints/openai_api_server.py',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
