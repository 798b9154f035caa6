import type { CatalogEntry } from '../catalog-schema.js';

/**
 * llama-swap (mostlygeek/llama-swap): an OpenAI-compatible proxy that starts and swaps local
 * model servers (llama.cpp, vLLM, ...) on demand, with a web UI, port 8080 (`--listen`, default
 * ":8080"). Without `apiKeys` in its config every route is open; with keys, the model, API and UI
 * routes answer 401 without one (`/health` stays open).
 * - `GET /v1/models`: `{"object": "list", "data": [{"id", "object": "model", "created", "owned_by": "llama-swap", ...}]}`.
 * - `GET /api/version`: `{"version", "commit", "build_date"}`.
 * - keys set, none sent: 401 `{"src": "llama-swap", "error": {"message": "unauthorized: invalid or missing API key", ...}}`
 *   with `WWW-Authenticate: Basic realm="llama-swap"`.
 * Markers: `owned_by: "llama-swap"` confirmed by the version document; locked, the error's `src` and the realm, both naming it.
 * Never requested: `GET /unload` (stops every model) and `/upstream/<model>/...` (starts that model), see never-request.ts.
 * Read from source at v250-5-g0bdb3720 (mostlygeek/llama-swap, 2026-08-22): internal/server/server.go (routes), internal/server/api.go
 * (handleListModels, handleHealth), internal/server/apigroup.go (handleAPIVersion), internal/server/auth.go (CreateAuthMiddleware),
 * internal/swaputil/http.go + httperror.go (SendResponse, ErrorEnvelope), llama-swap.go (--listen default :8080), config.example.yaml (apiKeys).
 */
export const llamaSwap: CatalogEntry = {
  service: 'llama-swap',
  name: 'llama-swap',
  category: 'ai-gateway',
  ports: [8080],
  sources: [
    'https://github.com/mostlygeek/llama-swap/blob/main/internal/server/server.go',
    'https://github.com/mostlygeek/llama-swap/blob/main/internal/server/api.go',
    'https://github.com/mostlygeek/llama-swap/blob/main/internal/server/auth.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v250-5-g0bdb3720 (mostlygeek/llama-swap, 2026-08-22)' },
  exposes: 'model list, unauthenticated inference and model start/stop on the host\'s GPUs, and the server logs',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'llama-swap' }] },
      confirm: {
        request: { path: '/api/version' },
        match: { status: 200, json: [{ path: 'version', type: 'string' }, { path: 'commit', type: 'string' }, { path: 'build_date', type: 'string' }] },
      },
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'src', equals: 'llama-swap' }], headers: [{ name: 'www-authenticate', contains: 'realm="llama-swap"' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'llama-swap' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'src', equals: 'llama-swap' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "{json:error.message}" (llama-swap apiKeys)',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'version' }],
  // config.example.yaml: `apiKeys:` requires a key on inference, API and UI routes; README runs it with --listen localhost:8080.
  remediation: {
    fix: 'Set `apiKeys` in the llama-swap config so every model, API and UI route needs a key, and listen on localhost (`--listen localhost:8080`) unless remote clients need it.',
    settings: ['apiKeys: [<key>]', '--listen localhost:8080'],
    docs: 'https://github.com/mostlygeek/llama-swap/blob/main/config.example.yaml',
    allows: ['run-inference', 'pull-models', 'read-data'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
