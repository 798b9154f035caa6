import type { CatalogEntry } from '../catalog-schema.js';

/**
 * llama.cpp `llama-server`. With `--api-key` every path needs the key EXCEPT `/`, `/health`,
 * `/v1/health`, `/models`, `/v1/models` (older trees: also `/api/tags`; newer: UI assets), so the model listing is no proof of open
 * access: auth is read from `/props` and `/lora-adapters`, which are key-checked.
 * Sources (ggml-org/llama.cpp):
 * - tools/server/server-http.cpp: default header `Server: llama.cpp`; `middleware_validate_api_key`
 *   public list; 401 `{"error":{"message":"Invalid API Key","type":"authentication_error","code":401}}`;
 *   404 `{"error":{"message":"File Not Found","type":"not_found_error","code":404}}`.
 * - tools/server/server.cpp: route table; `get_models` (newer trees: server-context.cpp) answers `{"models":[...],"object":"list",
 *   "data":[{"id","object":"model","created","owned_by":"llamacpp","meta"}]}` (also on `/api/tags`);
 *   `get_props` answers `default_generation_settings`, `total_slots`, `model_path`, `build_info`, ...
 * - tools/server/README.md: `/health` 200 `{"status":"ok"}`.
 */
export const llamaCpp: CatalogEntry = {
  service: 'llama-cpp',
  name: 'llama.cpp server',
  category: 'llm-server',
  ports: [8080],
  // Before ollama on unhinted ports: llama-server emulates Ollama's /api/tags.
  order: 90,
  sources: [
    'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server-http.cpp',
    'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/server.cpp',
    'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'master@00dd081 (tools/server/server-http.cpp, server-context.cpp)' },
  exposes: 'model path, chat template and unauthenticated inference',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'llamacpp' }] } },
    { request: { path: '/health' }, match: { headers: [{ name: 'server', regex: '^llama\\.cpp$' }] } },
  ],
  auth: [
    {
      request: { path: '/props' },
      match: { status: 401, json: [{ path: 'error.type', equals: 'authentication_error' }] },
      auth: 'required',
      evidence: 'GET /props -> {status} "{json:error.message}" (llama-server --api-key)',
    },
    {
      request: { path: '/lora-adapters' },
      match: { status: 401, json: [{ path: 'error.type', equals: 'authentication_error' }] },
      auth: 'required',
      evidence: 'GET /lora-adapters -> {status} "{json:error.message}" (llama-server --api-key)',
    },
    {
      request: { path: '/props' },
      match: { status: 200, json: [{ path: 'default_generation_settings', type: 'object' }] },
      auth: 'none',
      evidence: 'GET /props -> {status} without a key, model_path {json:model_path}',
    },
  ],
  version: [{ request: { path: '/props' }, json: 'build_info', regex: '^(b\\d+)' }],
  // tools/server/README.md: `--api-key KEY` (env LLAMA_API_KEY); `--host` (env LLAMA_ARG_HOST, default 127.0.0.1).
  remediation: {
    fix: 'Start llama-server with --api-key <key> (or LLAMA_API_KEY) and keep it bound to localhost (--host 127.0.0.1, the default) unless remote clients need it.',
    settings: ['--api-key <key>', 'LLAMA_API_KEY=<key>', '--host 127.0.0.1'],
    docs: 'https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the identify probe reads (cached): server.cpp `get_models` `data[].id`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
