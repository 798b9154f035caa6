import type { CatalogEntry } from '../catalog-schema.js';

/**
 * SGLang runtime server (`python -m sglang.launch_server`). `--api-key` installs a middleware that
 * answers 401 `{"error":"Unauthorized"}` (the same body as vLLM) on every path except `OPTIONS`,
 * `/health*` and `/metrics*`, so a locked server is identified only through its `sglang:` Prometheus
 * metrics (present with `--enable-metrics`). Unlike vLLM, the key also guards `/get_model_info` and
 * `/server_info`. Newer releases add an Ollama emulation (`/api/tags` with digest
 * `sha256:sglang000...` and `"format":"sglang"`), not relied on here; `order: 90` keeps this entry
 * ahead of the Ollama one on unhinted ports.
 * Sources (sgl-project/sglang):
 * - python/sglang/srt/entrypoints/http_server.py: `/v1/models` (ModelList of ModelCard),
 *   `/get_model_info` + `/model_info` (`model_path`, `tokenizer_path`, `is_generation`, ...),
 *   `/get_server_info` + `/server_info` (server args + `"version": __version__`).
 * - python/sglang/srt/entrypoints/openai/protocol.py `ModelCard`: `owned_by: str = "sglang"`, `max_model_len`.
 * - python/sglang/srt/utils/auth.py (older trees: srt/utils.py) `add_api_key_middleware`: 401
 *   `{"error":"Unauthorized"}`; `/health*` and `/metrics*` exempt.
 * - python/sglang/srt/metrics/collector.py: gauge `sglang:num_running_reqs`.
 * - python/sglang/srt/entrypoints/ollama/serving.py `get_tags` (Ollama emulation digest/format).
 * - python/sglang/srt/server_args.py: `port: int = 30000`.
 */
export const sglang: CatalogEntry = {
  service: 'sglang',
  name: 'SGLang',
  category: 'llm-server',
  ports: [30000],
  // Before the Ollama entry on unhinted ports: newer releases emulate Ollama's /api/tags.
  order: 90,
  sources: [
    'https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/entrypoints/http_server.py',
    'https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/entrypoints/openai/protocol.py',
    'https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/utils/auth.py',
    'https://github.com/sgl-project/sglang/blob/main/python/sglang/srt/metrics/collector.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@a343daa (file-level: srt/utils/auth.py; entrypoints/openai/protocol.py ModelCard and metrics/collector.py at their newest stored versions)' },
  exposes: 'model list, full server arguments, unauthenticated inference and weight-update/profiling admin routes',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'sglang' }] } },
    // Exempt from --api-key: the metric prefix is SGLang's own (only with --enable-metrics).
    { request: { path: '/metrics' }, match: { status: 200, bodyContains: ['# TYPE sglang:num_running_reqs'] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'sglang' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/get_model_info' },
      match: { status: 401, json: [{ path: 'error', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /get_model_info -> {status} {"error":"Unauthorized"} (SGLang --api-key)',
    },
    {
      request: { path: '/get_model_info' },
      match: { status: 200, json: [{ path: 'is_generation', type: 'boolean' }] },
      auth: 'none',
      evidence: 'GET /get_model_info -> {status} without a key (model {json:model_path})',
    },
  ],
  version: [
    { request: { path: '/server_info' }, json: 'version' },
    { request: { path: '/get_server_info' }, json: 'version' },
  ],
  // docs/advanced_features/server_arguments.md (sgl-project/sglang): `--api-key` sets the key the server requires;
  // python/sglang/srt/utils/auth.py enforces it (401). `--host` defaults to 127.0.0.1.
  remediation: {
    fix: 'Start SGLang with an API key (--api-key <key>) so every request needs it, and bind it to localhost (--host 127.0.0.1, the default) unless remote clients need it.',
    settings: ['--api-key <key>', '--host 127.0.0.1'],
    docs: 'https://github.com/sgl-project/sglang/blob/main/docs/advanced_features/server_arguments.md',
    allows: ['run-inference', 'pull-models', 'admin'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id` (openai/protocol.py ModelCard).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
