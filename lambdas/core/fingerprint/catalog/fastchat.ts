import type { CatalogEntry } from '../catalog-schema.js';

/**
 * FastChat OpenAI-compatible API server (`fastchat.serve.openai_api_server`, port 8000). Without
 * `--api-keys` every request is allowed ("api_keys not set; allow all"); with keys a missing or wrong
 * bearer gets 401 `{"detail":{"error":{"message":"","type":"invalid_request_error","param":null,
 * "code":"invalid_api_key"}}}`. The controller (21001) and Gradio web server are not covered (the
 * controller only takes POST; the web UI is left to the Gradio entry).
 * Sources (lm-sys/FastChat):
 * - fastchat/serve/openai_api_server.py: `check_api_key`, `show_available_models`, `--port` default 8000.
 * - fastchat/protocol/openai_api_protocol.py `ModelCard`: `owned_by: str = "fastchat"`, `permission`.
 */
export const fastchat: CatalogEntry = {
  service: 'fastchat',
  name: 'FastChat OpenAI API server',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/openai_api_server.py',
    'https://github.com/lm-sys/FastChat/blob/main/fastchat/protocol/openai_api_protocol.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.2.36-118-g0e6d3e4b (2025-04-12)' },
  exposes: 'worker model list and unauthenticated inference',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'fastchat' }] } },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail.error.code', equals: 'invalid_api_key' }, { path: 'detail.error.type', equals: 'invalid_request_error' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'fastchat' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'detail.error.code', equals: 'invalid_api_key' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} invalid_api_key (FastChat --api-keys)',
    },
  ],
  // fastchat/serve/openai_api_server.py: `--api-keys` (comma-separated) turns on `check_api_key`; `--host`
  // sets the bind address (docs/openai_api.md launches it with `--host localhost`). The docs do not describe keys yet.
  remediation: {
    fix: 'Start the FastChat OpenAI API server with --api-keys so every request needs a bearer key, and bind it to localhost (--host localhost) unless remote clients need it.',
    settings: ['--api-keys <key1>,<key2>', '--host localhost'],
    docs: 'https://github.com/lm-sys/FastChat/blob/main/fastchat/serve/openai_api_server.py',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): `show_available_models` ModelCard ids.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
