import type { CatalogEntry } from '../catalog-schema.js';

/**
 * vLLM OpenAI-compatible server. `--api-key` / `VLLM_API_KEY` turns on a bearer check that only
 * guards paths under `/v1` (newer trees: also `/v2`, `/inference`, `/cohere`); `/version`, `/health`
 * and `/metrics` stay public, so a locked server is still identified by its `vllm:` metrics.
 * Sources:
 * - vllm/entrypoints/openai/api_server.py (vllm-project/vllm): adds `AuthenticationMiddleware` when
 *   a key is set; `GET /version` answers `{"version": VLLM_VERSION}`.
 * - vllm/entrypoints/serve/utils/server_utils.py (older trees: api_server.py):
 *   `AuthenticationMiddleware` answers 401 `{"error":"Unauthorized"}`, no WWW-Authenticate.
 * - vllm/entrypoints/openai/engine/protocol.py (older trees: openai/protocol.py) `ModelCard`: `object: "model"`, `owned_by: "vllm"`,
 *   `root`, `parent`, `max_model_len`, `permission`; `ModelList` `object: "list"`.
 * - vllm/v1/metrics/loggers.py: Prometheus gauges `vllm:num_requests_running`, `vllm:num_requests_waiting`.
 */
export const vllm: CatalogEntry = {
  service: 'vllm',
  name: 'vLLM',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/vllm-project/vllm/blob/main/vllm/entrypoints/openai/api_server.py',
    'https://github.com/vllm-project/vllm/blob/main/vllm/entrypoints/serve/utils/server_utils.py',
    'https://github.com/vllm-project/vllm/blob/main/vllm/entrypoints/openai/engine/protocol.py',
    'https://github.com/vllm-project/vllm/blob/main/vllm/v1/metrics/loggers.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@0753cee (serve/utils/server_utils.py), main@040a2cc (openai/engine/protocol.py)' },
  exposes: 'model list and unauthenticated inference (GPU time)',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'vllm' }] } },
    // Public even with --api-key: the metric prefix is vLLM's own.
    { request: { path: '/metrics' }, match: { status: 200, bodyRegex: '^# TYPE vllm:num_requests_running ', bodyRegexFlags: 'm', bodyExcludes: ['<html', '<!doctype', '<!DOCTYPE'] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'vllm' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} {"error":"Unauthorized"} (vLLM --api-key)',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'version' }],
  // docs.vllm.ai OpenAI-Compatible Server: `vllm serve ... --api-key <key>` (or VLLM_API_KEY); api_server.py adds
  // AuthenticationMiddleware for /v1 when a key is set.
  remediation: {
    fix: 'Start vLLM with an API key (--api-key <key> or VLLM_API_KEY=<key>) so every /v1 request needs it.',
    settings: ['--api-key <key>', 'VLLM_API_KEY=<key>'],
    docs: 'https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id` (protocol.py ModelCard).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
