import type { CatalogEntry } from '../catalog-schema.js';

/**
 * NVIDIA TensorRT-LLM `trtllm-serve`. The OpenAI server registers no API-key check: identification
 * is proof of open access. `/v1/models` lists one card with `"owned_by":"tensorrt_llm"`; `GET /version`
 * answers `{"version": "<tensorrt_llm version>"}` (same shape as vLLM, used only after identification).
 * Sources (NVIDIA/TensorRT-LLM):
 * - tensorrt_llm/serve/openai_server.py `register_routes`: `/health`, `/health_generate`
 *   ("Generation health check OK"), `/version`, `/v1/models`, `/metrics` (JSON iteration stats), ...;
 *   no authentication middleware.
 * - tensorrt_llm/serve/openai_protocol.py `ModelCard`: `owned_by: str = "tensorrt_llm"`.
 * Unverified in source: the default port 8000 (trtllm-serve docs and the Julius probe's port hint).
 */
export const tensorrtLlm: CatalogEntry = {
  service: 'tensorrt-llm',
  name: 'NVIDIA TensorRT-LLM (trtllm-serve)',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/NVIDIA/TensorRT-LLM/blob/main/tensorrt_llm/serve/openai_server.py',
    'https://github.com/NVIDIA/TensorRT-LLM/blob/main/tensorrt_llm/serve/openai_protocol.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'main, file-level: serve/openai_protocol.py 54cf7be (ModelCard owned_by); serve/openai_server.py register_routes at its newest stored version' },
  exposes: 'model list, unauthenticated inference and RL weight-update/memory routes',
  identify: [{ request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'tensorrt_llm' }] } }],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'tensorrt_llm' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} (trtllm-serve has no auth), model {json:data[].id}',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'version' }],
  // nvidia.github.io/TensorRT-LLM trtllm-serve: `--host` (default localhost), `--port` (8000); openai_server.py
  // registers no API-key check.
  remediation: {
    fix: 'trtllm-serve has no authentication: keep it bound to localhost (--host localhost, the default) and put an authenticating reverse proxy in front for remote clients.',
    settings: ['--host localhost'],
    docs: 'https://nvidia.github.io/TensorRT-LLM/latest/commands/trtllm-serve.html',
    allows: ['run-inference', 'admin'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id` (openai_protocol.py ModelCard).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
