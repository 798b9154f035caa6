import type { CatalogEntry } from '../catalog-schema.js';

/**
 * KServe Python model server (the `kserve` runtime used by InferenceServices). No authentication
 * in the server itself (left to the Istio/Knative ingress). The Open Inference Protocol server
 * metadata `GET /v2` names the server: `{"name":"kserve","version":...,"extensions":
 * ["model_repository_extension"]}` (Triton and MLServer answer the same path with their own name).
 * `GET /v1/models` lists the loaded models as `{"models":["<name>",...]}`; `GET /` is a generic
 * `{"status":"alive"}` and is not used to identify.
 * Sources (kserve/kserve):
 * - python/kserve/kserve/protocol/dataplane.py: `metadata()` (name/version/extensions), `live()`.
 * - python/kserve/kserve/constants/constants.py: `KSERVE_MODEL_SERVER_NAME = "kserve"`, `/v1`, `/v2` prefixes.
 * - python/kserve/kserve/protocol/rest/server.py: routes `/`, `/metrics`, v1/v2 registration.
 * - python/kserve/kserve/protocol/rest/v1_endpoints.py: `GET /v1/models` -> `{"models": [...]}`.
 * - python/kserve/kserve/protocol/rest/v2_endpoints.py: `GET /v2`, `GET /v2/models`.
 * - python/kserve/kserve/model_server.py: HTTP port 8080 (gRPC 8081).
 */
export const kserve: CatalogEntry = {
  service: 'kserve',
  name: 'KServe model server',
  category: 'model-server',
  ports: [8080],
  sources: [
    'https://github.com/kserve/kserve/blob/master/python/kserve/kserve/protocol/dataplane.py',
    'https://github.com/kserve/kserve/blob/master/python/kserve/kserve/constants/constants.py',
    'https://github.com/kserve/kserve/blob/master/python/kserve/kserve/protocol/rest/server.py',
    'https://github.com/kserve/kserve/blob/master/python/kserve/kserve/protocol/rest/v1_endpoints.py',
    'https://github.com/kserve/kserve/blob/master/python/kserve/kserve/protocol/rest/v2_endpoints.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.20.0-rc0-104-gaaac4e294 (2026-08-21)' },
  exposes: 'model list, model load/unload and inference',
  identify: [
    { request: { path: '/v2' }, match: { status: 200, json: [{ path: 'name', equals: 'kserve' }, { path: 'extensions', type: 'array' }] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'models', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without credentials (no auth in the server): {count:models[]} models (first: {json:models[]})',
    },
    {
      request: { path: '/v2' },
      match: { status: 200, json: [{ path: 'name', equals: 'kserve' }] },
      auth: 'none',
      evidence: 'GET /v2 -> {status} server metadata without credentials (no auth in the server)',
    },
  ],
  version: [{ request: { path: '/v2' }, json: 'version' }],
  // The KServe model server has no authentication (python/kserve/kserve/protocol/rest/server.py); kserve.github.io
  // "Secure InferenceService with ServiceMesh" locks traffic down with Istio mTLS and an AuthorizationPolicy.
  remediation: {
    fix: 'The KServe model server has no authentication of its own: do not expose the predictor port directly; reach it only through the cluster ingress with Istio strict mTLS and an AuthorizationPolicy (or another authenticating gateway) in front.',
    settings: ['PeerAuthentication mtls.mode: STRICT', 'AuthorizationPolicy (security.istio.io)'],
    docs: 'https://kserve.github.io/website/latest/admin/serverless/servicemesh',
    allows: ['run-inference', 'pull-models'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): v1_endpoints.py answers `{"models": [<name>, ...]}`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'models[]' }],
};
