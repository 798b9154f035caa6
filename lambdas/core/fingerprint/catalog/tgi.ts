import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Hugging Face text-generation-inference (TGI). `GET /info` is always public and names the router
 * (`"router":"text-generation-router"`, v2.1+) with `max_best_of`/`max_stop_sequences`/`docker_label`.
 * `--api-key` wraps only the generation router (`/`, `/generate`, `/generate_stream`,
 * `/v1/chat/completions`, `/v1/completions`, `/vertex`, `/invocations`, `/tokenize`, all POST) with
 * axum `Router::layer`, which also runs for a wrong method: `GET /generate` answers a bare 401 when a
 * key is set and a bare 405 Method Not Allowed when not. That GET is the auth probe (never POST).
 * `/info`, `/health`, `/metrics` and `/v1/models` stay public either way.
 * Sources (huggingface/text-generation-inference):
 * - router/src/server.rs: route tables, api-key middleware, `Info` construction
 *   (`router: env!("CARGO_PKG_NAME")`, `version`, `sha`, `docker_label`).
 * - router/src/lib.rs `Info`: `model_id`, `model_sha`, `model_pipeline_tag`, `max_concurrent_requests`,
 *   `max_best_of`, `max_stop_sequences`, `max_input_tokens`, `max_total_tokens`, ...
 * - router/Cargo.toml: package `text-generation-router`; router/src/kserve.rs: `/v2` name
 *   `text-generation-inference` (kserve feature).
 * - launcher/src/main.rs: `--port` default 3000; Dockerfile: `PORT=80`.
 * - axum docs (method_routing/route_layer.md): `layer` (unlike `route_layer`) turns a 405 into a 401.
 */
export const tgi: CatalogEntry = {
  service: 'tgi',
  name: 'Hugging Face Text Generation Inference',
  category: 'llm-server',
  ports: [3000, 80],
  sources: [
    'https://github.com/huggingface/text-generation-inference/blob/main/router/src/server.rs',
    'https://github.com/huggingface/text-generation-inference/blob/main/router/src/lib.rs',
    'https://github.com/huggingface/text-generation-inference/blob/main/router/src/kserve.rs',
    'https://github.com/huggingface/text-generation-inference/blob/main/launcher/src/main.rs',
    'https://docs.rs/crate/axum/latest/source/src/docs/method_routing/route_layer.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'v3.3.7-1-gdb931fcf (2026-01-08)' },
  exposes: 'model id and limits, unauthenticated text generation (GPU time)',
  identify: [
    { request: { path: '/info' }, match: { status: 200, json: [{ path: 'router', equals: 'text-generation-router' }] } },
    {
      request: { path: '/info' },
      match: {
        status: 200,
        json: [{ path: 'model_id', type: 'string' }, { path: 'max_best_of', type: 'number' }, { path: 'max_stop_sequences', type: 'number' }, { path: 'docker_label', exists: true }],
      },
    },
    { request: { path: '/v2' }, match: { status: 200, json: [{ path: 'name', equals: 'text-generation-inference' }] } },
  ],
  auth: [
    {
      request: { path: '/generate' },
      match: { status: 405 },
      auth: 'none',
      evidence: 'GET /generate -> {status} Method Not Allowed without a key: the generation routes carry no --api-key check',
    },
    {
      request: { path: '/generate' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /generate -> {status} before method routing: TGI --api-key guards generation (model info /info stays public)',
    },
  ],
  version: [{ request: { path: '/info' }, json: 'version' }],
  // docs/source/reference/launcher.md (huggingface/text-generation-inference): `--api-key <API_KEY>` [env: API_KEY];
  // router/src/server.rs applies it to the generation routes.
  remediation: {
    fix: 'Start TGI with an API key (--api-key <key> or API_KEY=<key>) so the generation routes require it; /info and /health stay public.',
    settings: ['--api-key <key>', 'API_KEY=<key>'],
    docs: 'https://huggingface.co/docs/text-generation-inference/reference/launcher',
    allows: ['run-inference'],
  },
  // The same `GET /info` the identify probes read (cached): router/src/lib.rs `Info.model_id`.
  inventory: [{ kind: 'model', request: { path: '/info' }, json: 'model_id' }],
};
