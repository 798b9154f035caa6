import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Hugging Face text-embeddings-inference (TEI). Unlike TGI, `/info` sits inside the key-protected
 * router: with `--api-key` it answers a bare 401 (as do `/embed`, `/rerank`, `/v1/embeddings`, ...),
 * while `/`, `/health`, `/ping` and `/metrics` stay public. A locked server is identified by its `te_`
 * Prometheus metrics, which appear once the router has served requests.
 * Sources (huggingface/text-embeddings-inference):
 * - router/src/http/server.rs: `routes` (info, embed, ...) vs `public_routes` (health, /, ping,
 *   metrics); api-key middleware -> `StatusCode::UNAUTHORIZED`.
 * - router/src/lib.rs `Info`: `model_id`, `model_sha`, `model_dtype`, `served_model_name`,
 *   `model_type` (`{"embedding":{...}}` / `classifier` / `reranker`), `max_concurrent_requests`,
 *   `max_input_length`, `max_batch_tokens`, `max_batch_requests`, `max_client_batch_size`,
 *   `auto_truncate`, `tokenization_workers`, `version`, `sha`, `docker_label`.
 * - router/src/http/server.rs, core/src/queue.rs, core/src/infer.rs: metrics `te_request_count`,
 *   `te_queue_size`, `te_embed_count`, ...
 * - router/src/main.rs: `--port` default 3000 (the container listens on 80).
 */
export const tei: CatalogEntry = {
  service: 'tei',
  name: 'Hugging Face Text Embeddings Inference',
  category: 'model-server',
  ports: [3000, 80],
  sources: [
    'https://github.com/huggingface/text-embeddings-inference/blob/main/router/src/http/server.rs',
    'https://github.com/huggingface/text-embeddings-inference/blob/main/router/src/lib.rs',
    'https://github.com/huggingface/text-embeddings-inference/blob/main/core/src/queue.rs',
    'https://github.com/huggingface/text-embeddings-inference/blob/main/router/src/main.rs',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.9.3-18-g0d124dc (2026-07-24)' },
  exposes: 'model id and unauthenticated embedding/rerank inference',
  identify: [
    {
      request: { path: '/info' },
      match: {
        status: 200,
        json: [{ path: 'model_type', type: 'object' }, { path: 'max_client_batch_size', type: 'number' }, { path: 'tokenization_workers', type: 'number' }],
      },
    },
    {
      request: { path: '/metrics' },
      match: { status: 200, bodyContainsAny: ['# TYPE te_request_count ', '# TYPE te_queue_size ', '# TYPE te_embed_count '] },
    },
  ],
  auth: [
    {
      request: { path: '/info' },
      match: { status: 200, json: [{ path: 'model_type', type: 'object' }] },
      auth: 'none',
      evidence: 'GET /info -> {status} without a key (model {json:model_id})',
    },
    { request: { path: '/info' }, match: { status: 401 }, auth: 'required', evidence: 'GET /info -> {status} (TEI --api-key)' },
  ],
  version: [{ request: { path: '/info' }, json: 'version' }],
  // docs/source/en/cli_arguments.md: `--api-key` (env API_KEY) puts the router's routes behind a bearer key.
  remediation: {
    fix: 'Start text-embeddings-inference with --api-key <key> (or API_KEY) so /embed, /rerank, /info and the OpenAI routes need a bearer key.',
    settings: ['--api-key <key>', 'API_KEY=<key>'],
    docs: 'https://huggingface.co/docs/text-embeddings-inference/cli_arguments',
    allows: ['run-inference'],
  },
  // The same `GET /info` the auth rule reads (cached): lib.rs `Info.model_id`.
  inventory: [{ kind: 'model', request: { path: '/info' }, json: 'model_id' }],
};
