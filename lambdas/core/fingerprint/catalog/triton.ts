import type { CatalogEntry } from '../catalog-schema.js';

/**
 * NVIDIA Triton Inference Server. No authentication of its own; the optional restricted-API
 * feature (`--http-restricted-api=<apis>:<header>=<value>`) answers 403
 * `{"error":"This API is restricted, expecting header '<header>'"}` for the listed API groups,
 * and that message is itself a Triton marker. Model statistics (`GET /v2/models/stats`, group
 * `statistics`) name every loaded model, so a 200 there proves open access.
 * Sources (triton-inference-server/server):
 * - src/http_server.cc: `Handle` routes `/v2`, `/v2/models/stats`, health, repository;
 *   `HandleServerMetadata`; `RespondIfRestricted` (403); unknown path 404 `{"error":"Not Found"}`.
 * - triton-inference-server/core src/server.cc: server metadata `id_ = "triton"`, extensions list.
 * - docs/protocol/extension_statistics.md: `{"model_stats":[{"name","version","inference_count",...}]}`.
 * - docs/customization_guide/inference_protocols.md: "Limit Endpoint Access" (restricted APIs).
 * - docs/user_guide/metrics.md: `nv_inference_*` Prometheus metrics on port 8002.
 * - src/http_server.cc `HandleInfer`: `RETURN_AND_RESPOND_IF_RESTRICTED(INFERENCE)` before the
 *   POST check (405 "Method Not Allowed"); `model_regex_` sends `/v2/models/<any>/infer` there.
 * Evidence: read from source at triton-inference-server/server v2.54.0-295-ge1db8a603 (main,
 * 2026-08-19), not recorded (no Triton build installs on this machine). A server with only the
 * inference API restricted (`--http-restricted-api=inference:<k>=<v>`) still answers model
 * statistics: it was reported open; the inference probe now decides first.
 */
// Any model name routes to `HandleInfer` (model_regex_); this one names the scanner in the target's logs.
const INFER_PROBE = '/v2/models/exposure-monitor-probe/infer';

export const triton: CatalogEntry = {
  service: 'triton',
  name: 'NVIDIA Triton Inference Server',
  category: 'model-server',
  ports: [8000, 8002],
  sources: [
    'https://github.com/triton-inference-server/server/blob/main/src/http_server.cc',
    'https://github.com/triton-inference-server/core/blob/main/src/server.cc',
    'https://github.com/triton-inference-server/server/blob/main/docs/protocol/extension_statistics.md',
    'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md',
    'https://github.com/triton-inference-server/server/blob/main/docs/user_guide/metrics.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2.54.0-295-ge1db8a603' },
  exposes: 'model names and statistics, model repository control and inference',
  identify: [
    {
      request: { path: '/v2' },
      match: { status: 200, json: [{ path: 'name', equals: 'triton' }, { path: 'extensions', type: 'array' }] },
    },
    { request: { path: '/v2' }, match: { status: 403, bodyContains: ['This API is restricted, expecting header'] } },
    // Metrics port (8002): Triton's own metric family.
    { request: { path: '/metrics' }, match: { status: 200, bodyRegex: '^# TYPE nv_inference_request_success ', bodyRegexFlags: 'm', bodyExcludes: ['<html', '<!doctype', '<!DOCTYPE'] } },
  ],
  auth: [
    // Inference first: `HandleInfer` answers a restricted inference API's 403 before it checks the method, and an
    // open one's 405 `Method Not Allowed` (a GET runs nothing). The model name is never looked up.
    {
      request: { path: INFER_PROBE },
      match: { status: 403, bodyContains: ['This API is restricted, expecting header'] },
      auth: 'required',
      evidence: `GET ${INFER_PROBE} -> {status} "{json:error}": inference needs the restricted-API header`,
    },
    {
      request: { path: '/v2/models/stats' },
      match: { status: 200, json: [{ path: 'model_stats', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v2/models/stats -> {status}, {count:model_stats[]} model versions (first: {json:model_stats[].name})',
    },
    {
      request: { path: INFER_PROBE },
      match: { status: 405, json: [{ path: 'error', equals: 'Method Not Allowed' }] },
      auth: 'none',
      evidence: `GET ${INFER_PROBE} -> {status} Method Not Allowed, not the restricted-API 403: inference (POST) is open without credentials`,
    },
    {
      request: { path: '/v2/models/stats' },
      match: { status: 403, bodyContains: ['This API is restricted, expecting header'] },
      auth: 'required',
      evidence: 'GET /v2/models/stats -> {status} "{json:error}" (restricted-API header key)',
    },
    {
      request: { path: '/metrics' },
      match: { status: 200, bodyRegex: '^# TYPE nv_inference_request_success ', bodyRegexFlags: 'm', bodyExcludes: ['<html', '<!doctype', '<!DOCTYPE'] },
      auth: 'none',
      evidence: 'GET /metrics -> {status}: per-model inference metrics readable without credentials',
    },
  ],
  version: [{ request: { path: '/v2' }, json: 'version' }],
  // docs/customization_guide/inference_protocols.md "Limit Endpoint Access": `--http-restricted-api=<apis>:<key>=<value>`
  // and `--grpc-restricted-protocol`; `tritonserver --help`: `--http-address` (bind address, default 0.0.0.0).
  remediation: {
    fix: 'Restrict the model-control and metadata APIs with a shared-secret header (--http-restricted-api=model-repository,model-config,statistics,...:<key>=<value>, and --grpc-restricted-protocol likewise), bind HTTP to a private address (--http-address), and put an authenticating gateway in front of inference.',
    settings: ['--http-restricted-api=model-repository,model-config,statistics,shared-memory,trace,logging:<key>=<value>', '--grpc-restricted-protocol=model-repository,model-config,statistics,shared-memory,trace,logging:<key>=<value>', '--http-address=127.0.0.1'],
    docs: 'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/inference_protocols.md',
    allows: ['run-inference', 'pull-models', 'read-data'],
  },
  // The same `GET /v2/models/stats` the auth rule reads (cached): `model_stats[].name` (one entry per version, de-duplicated).
  inventory: [{ kind: 'model', request: { path: '/v2/models/stats' }, match: { status: 200, json: [{ path: 'model_stats', type: 'array' }] }, json: 'model_stats[].name' }],
};
