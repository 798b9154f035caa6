import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MLC LLM `mlc_llm serve`: OpenAI-compatible server, port 8000, binds 127.0.0.1 unless `--host`.
 * `--api-key` adds a bearer check to the OpenAI router only; FastAPI's `/openapi.json`, the
 * `/metrics` router and the `/microserving/*` router stay public.
 * - `GET /v1/models`: `{"object": "list", "data": [{"id", "created", "object": "model", "owned_by": "MLC-LLM"}]}`;
 *   with a key and none sent: 401 `{"detail": "Invalid API Key"}`.
 * - `GET /openapi.json`: paths `/microserving/prep_recv`, `/microserving/remote_send`, `/microserving/start_generate`
 *   (MLC's disaggregated-serving API, registered on every `serve`).
 * Markers: `owned_by: "MLC-LLM"` and the microserving paths (a locked server is named by the latter alone, two of them).
 * Read from source at v0.26.dev0-4-g79d603f0 (mlc-ai/mlc-llm, 2026-07-23): python/mlc_llm/serve/entrypoints/openai_entrypoints.py
 * (verify_api_key, /v1/models), python/mlc_llm/protocol/openai_api_protocol.py (ModelResponse owned_by), python/mlc_llm/interface/serve.py
 * (routers included), python/mlc_llm/serve/entrypoints/microserving_entrypoints.py, python/mlc_llm/cli/serve.py (--host 127.0.0.1, --port 8000, --api-key).
 */
const MICROSERVING = { status: 200, json: [{ path: 'paths./microserving/prep_recv', exists: true }, { path: 'paths./microserving/start_generate', exists: true }] } as const;

export const mlcLlm: CatalogEntry = {
  service: 'mlc-llm',
  name: 'MLC LLM',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/mlc-ai/mlc-llm/blob/main/python/mlc_llm/serve/entrypoints/openai_entrypoints.py',
    'https://github.com/mlc-ai/mlc-llm/blob/main/python/mlc_llm/protocol/openai_api_protocol.py',
    'https://github.com/mlc-ai/mlc-llm/blob/main/python/mlc_llm/interface/serve.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.26.dev0-4-g79d603f0 (mlc-ai/mlc-llm, 2026-07-23)' },
  exposes: 'model list and unauthenticated inference (GPU time)',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'MLC-LLM' }] },
      confirm: { request: { path: '/openapi.json' }, match: MICROSERVING },
    },
    {
      request: { path: '/openapi.json' },
      match: { ...MICROSERVING, json: [...MICROSERVING.json, { path: 'paths./microserving/remote_send', exists: true }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'MLC-LLM' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Invalid API Key' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "Invalid API Key" (mlc_llm serve --api-key)',
    },
  ],
  // docs "REST API" / cli serve.py: --api-key makes every OpenAI route require `Authorization: Bearer <key>`.
  remediation: {
    fix: 'Start the server with an API key (`mlc_llm serve ... --api-key <key>`) and keep it on 127.0.0.1 (the default) or a private network.',
    settings: ['--api-key <key>', '--host 127.0.0.1'],
    docs: 'https://llm.mlc.ai/docs/deploy/rest.html',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
