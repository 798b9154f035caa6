import type { CatalogEntry } from '../catalog-schema.js';

/**
 * OpenLLM (`openllm serve`, bentoml/OpenLLM 0.6+). It runs a BentoML service from
 * bentoml/openllm-models that mounts vLLM's OpenAI router under `/v1` (so `/v1/models` says
 * `"owned_by":"vllm"`) and a chat UI app under `/chat` with a catch-all `/{full_path:path}` route.
 * BentoML merges mounted FastAPI paths into its `/docs.json` OpenAPI document, whose contact is
 * "BentoML Team <contact@bentoml.com>". `order: 90` keeps this entry ahead of the vLLM one. No
 * authentication exists in the service (the README's client uses `api_key='na'`).
 * Sources:
 * - bentoml/OpenLLM README.md (serve on http://localhost:3000, OpenAI-compatible `/v1`, chat UI at `/chat`).
 * - bentoml/openllm-models bentoml/bentos/<model>/<variant>/src/service.py: `@bentoml.asgi_app(openai_api_app, path="/v1")`,
 *   `@bentoml.asgi_app(ui_app, path="/chat")`, `ui_app` route `/{full_path:path}`, vLLM
 *   `show_available_models` on `/models`; bento.yaml labels `generator: openllm`.
 * - bentoml/BentoML src/_bentoml_sdk/service/openapi.py (`generate_spec`: `contact@bentoml.com`,
 *   `mounted_app_paths` joined with the mount path).
 * Unverified: whether the `/v1/*` routes added in `on_startup` appear in `/docs.json` (not relied on).
 */
export const openllm: CatalogEntry = {
  service: 'openllm',
  name: 'OpenLLM (BentoML)',
  category: 'llm-server',
  ports: [3000],
  refines: 'vllm',
  order: 90,
  sources: [
    'https://github.com/bentoml/OpenLLM/blob/main/README.md',
    'https://github.com/bentoml/openllm-models/blob/main/bentoml/bentos/gemma3/4b-instruct-17bf/src/service.py',
    'https://github.com/bentoml/BentoML/blob/main/src/_bentoml_sdk/service/openapi.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'OpenLLM v0.6.30-19-gec2355ce (ec2355ce, 2026-05-29), openllm-models f0027d6b (2025-04-30), BentoML v1.4.38-5-g32230a527' },
  exposes: 'model list, chat UI and unauthenticated inference (GPU time)',
  identify: [
    { request: { path: '/docs.json' }, match: { status: 200, bodyContains: ['contact@bentoml.com', '"/chat/{full_path}"'] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} (no auth in OpenLLM), {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/docs.json' },
      match: { status: 200, bodyContains: ['contact@bentoml.com'] },
      auth: 'none',
      evidence: 'GET /docs.json -> {status}: BentoML service "{json:info.title}" answers without credentials (no auth in OpenLLM)',
    },
  ],
  // bentoml/OpenLLM README.md and src/openllm/local.py: `openllm serve` runs `bentoml serve` on port 3000 with no
  // authentication and no host option (BentoML binds all interfaces).
  remediation: {
    fix: 'OpenLLM has no authentication: keep port 3000 off untrusted networks (firewall it, or run the bento with `bentoml serve --host 127.0.0.1`) and put an authenticating reverse proxy in front.',
    settings: ['bentoml serve --host 127.0.0.1', 'openllm serve <model> --port 3000'],
    docs: 'https://github.com/bentoml/OpenLLM/blob/main/README.md',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): vLLM's OpenAI router, `data[].id`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
