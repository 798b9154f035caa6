import type { CatalogEntry } from '../catalog-schema.js';

/**
 * NVIDIA Dynamo OpenAI frontend (`python -m dynamo.frontend`, the HTTP entry of a Dynamo
 * distributed-inference deployment), port 8000 (`--http-port`), host 0.0.0.0. The frontend has no
 * authentication of its own (only optional TLS): anyone who reaches it can list and use the models.
 * - `GET /openapi.json` (utoipa): `info.title` "NVIDIA Dynamo OpenAI Frontend", `info.contact.name` "NVIDIA Dynamo",
 *   `info.version` = the Dynamo crate version.
 * - `GET /health`: `{"status": "healthy"|"not_ready"|"shutting_down", "message", "endpoints": [...], "instances": [...]}`
 *   (200, or 503 while discovery runs); newer builds add `initial_discovery_complete`.
 * - `GET /v1/models`: OpenAI model list of the discovered models.
 * Markers: the OpenAPI title/contact, confirmed by the `/health` document (endpoints + instances).
 * Read from source at the stored ai-dynamo/dynamo snapshots (2026): lib/llm/src/http/service/openapi_docs.rs (info block,
 * /openapi.json), lib/llm/src/http/service/health.rs @0ab2b3f (health_handler), lib/llm/src/http/service/service_v2.rs @00287ef
 * (router: metrics, /v1/models, /health, /live, OpenAPI, inference routes; no auth layer, host 0.0.0.0).
 */
export const nvidiaDynamo: CatalogEntry = {
  service: 'nvidia-dynamo',
  name: 'NVIDIA Dynamo frontend',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/ai-dynamo/dynamo/blob/main/lib/llm/src/http/service/openapi_docs.rs',
    'https://github.com/ai-dynamo/dynamo/blob/main/lib/llm/src/http/service/health.rs',
    'https://github.com/ai-dynamo/dynamo/blob/main/lib/llm/src/http/service/service_v2.rs',
  ],
  checkedAgainst: { evidence: 'source', release: 'the stored ai-dynamo/dynamo snapshots (2026)' },
  exposes: 'model list and unauthenticated inference across the Dynamo cluster\'s GPU workers',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'NVIDIA Dynamo OpenAI Frontend' }, { path: 'info.contact.name', equals: 'NVIDIA Dynamo' }] },
      confirm: {
        request: { path: '/health' },
        match: { status: [200, 503], json: [{ path: 'status', type: 'string' }, { path: 'endpoints', type: 'array' }, { path: 'instances', type: 'array' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without credentials, {count:data[]} models (first: {json:data[].id}); the Dynamo frontend has no auth',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, json: 'info.version' }],
  // Dynamo docs (frontend): the HTTP frontend serves the OpenAI API without auth; deploy it behind the cluster's gateway.
  remediation: {
    fix: 'The Dynamo frontend has no authentication: keep its Service internal (ClusterIP) or on a private network and put an authenticating gateway in front of external clients.',
    settings: ['service.type: ClusterIP', 'authenticating API gateway'],
    docs: 'https://docs.nvidia.com/dynamo/latest/',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
