import type { CatalogEntry } from '../catalog-schema.js';

/**
 * OpenVINO Model Server (OVMS), REST port set by `--rest_port` (8000 in every doc example). Its
 * only credential is `--api_key_file` / `API_KEY`, which guards the generative `/v3` (OpenAI)
 * endpoints alone: the KServe v2 (`/v2/models/<m>/infer`) and TensorFlow-Serving (`/v1/models/<m>:predict`)
 * APIs never ask for it, so a reachable OVMS always runs inference for anyone (`none`).
 * - `GET /v2` (KServe server metadata): `{"name": "OpenVINO Model Server", "version": "<version>", ...}`.
 * - `GET /v1/models` (also `/v3/v1/models`; open): rapidjson `{"data": [{"id", "object": "model", "created",
 *   "owned_by": "OVMS"}], "object": "list"}` (data first).
 * Markers: the server-metadata name, confirmed by OVMS's own model list (data-first, `owned_by: "OVMS"` when a model is served).
 * Read from source at v2023.0-1688-g7e4df0c7a (openvinotoolkit/model_server, 2026-08-21): src/http_rest_api_handler.cpp
 * (route regexes, processListModelsRequest, parseModel, isAuthorized only in processOpenAI), src/kfs_frontend/kfs_grpc_inference_service.cpp
 * (ServerMetadataImpl: PROJECT_NAME, PROJECT_VERSION), src/version.hpp, docs/parameters.md and docs/security_considerations.md (api_key_file: /v3 only),
 * docs/starting_server.md (--rest_port 8000).
 */
export const openvinoModelServer: CatalogEntry = {
  service: 'openvino-model-server',
  name: 'OpenVINO Model Server',
  category: 'model-server',
  ports: [8000],
  sources: [
    'https://github.com/openvinotoolkit/model_server/blob/main/src/http_rest_api_handler.cpp',
    'https://github.com/openvinotoolkit/model_server/blob/main/src/kfs_frontend/kfs_grpc_inference_service.cpp',
    'https://github.com/openvinotoolkit/model_server/blob/main/docs/security_considerations.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'v2023.0-1688-g7e4df0c7a (openvinotoolkit/model_server, 2026-08-21)' },
  exposes: 'model list and unauthenticated inference (KServe v2 and TensorFlow-Serving APIs; /v3 only with an API key if one is set)',
  identify: [
    {
      request: { path: '/v2' },
      match: { status: 200, json: [{ path: 'name', equals: 'OpenVINO Model Server' }, { path: 'version', type: 'string' }] },
      confirm: { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }], bodyRegex: '^\\{"data":\\[' } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status}, {count:data[]} models (first: {json:data[].id}); OVMS\'s api_key_file guards only /v3, the KServe and TF-Serving inference APIs are open',
    },
  ],
  version: [{ request: { path: '/v2' }, json: 'version' }],
  // docs/security_considerations.md: OVMS has no auth for KServe/TFS APIs; api_key_file covers /v3 only; keep ports on trusted networks.
  remediation: {
    fix: 'OVMS authenticates only its /v3 endpoints (api_key_file): keep the REST and gRPC ports on a private network or behind an authenticating proxy, and set an API key for /v3.',
    settings: ['--api_key_file <file>', 'API_KEY=<key>', '--rest_bind_address 127.0.0.1'],
    docs: 'https://github.com/openvinotoolkit/model_server/blob/main/docs/security_considerations.md',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
