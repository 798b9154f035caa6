import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Seldon MLServer. No authentication in the server (Seldon Core puts it behind its own mesh).
 * The Open Inference Protocol server metadata `GET /v2` answers `{"name":"mlserver","version":...,
 * "extensions":[]}` from the settings defaults; Triton and KServe answer the same path with their
 * own name. Model listing (`/v2/repository/index`) and load/unload are POST-only, so the metadata
 * answer itself is the evidence. Unknown paths get FastAPI's `{"detail":"Not Found"}`.
 * Sources (SeldonIO/MLServer):
 * - mlserver/handlers/dataplane.py: `metadata()` -> `MetadataServerResponse(name, version, extensions)`.
 * - mlserver/settings.py: `server_name = "mlserver"`, `extensions = []`, `http_port = 8080`,
 *   `grpc_port = 8081`, `metrics_port = 8082`.
 * - mlserver/rest/app.py: route table (`/v2`, `/v2/health/*`, `/v2/models/...`, POST repository API);
 *   no auth middleware anywhere in mlserver/.
 */
export const mlserver: CatalogEntry = {
  service: 'mlserver',
  name: 'Seldon MLServer',
  category: 'model-server',
  ports: [8080],
  sources: [
    'https://github.com/SeldonIO/MLServer/blob/master/mlserver/handlers/dataplane.py',
    'https://github.com/SeldonIO/MLServer/blob/master/mlserver/settings.py',
    'https://github.com/SeldonIO/MLServer/blob/master/mlserver/rest/app.py',
  ],
  checkedAgainst: { evidence: 'source', release: '1.6.0.dev1-196-ga325e523 (2025-12-18)' },
  exposes: 'inference and model repository load/unload',
  identify: [
    { request: { path: '/v2' }, match: { status: 200, json: [{ path: 'name', equals: 'mlserver' }, { path: 'extensions', type: 'array' }] } },
  ],
  auth: [
    {
      request: { path: '/v2' },
      match: { status: 200, json: [{ path: 'name', equals: 'mlserver' }] },
      auth: 'none',
      evidence: 'GET /v2 -> {status} server metadata without credentials (no auth in MLServer): inference and model load/unload open',
    },
  ],
  version: [{ request: { path: '/v2' }, json: 'version' }],
  // docs.seldon.ai/mlserver reference/settings: server settings `host` (default 0.0.0.0), also as MLSERVER_HOST
  // (env prefix MLSERVER_); MLServer has no authentication of its own.
  remediation: {
    fix: 'MLServer has no authentication of its own: set host to 127.0.0.1 (settings.json "host" or MLSERVER_HOST) and put an authenticating reverse proxy or service mesh policy in front of it.',
    settings: ['MLSERVER_HOST=127.0.0.1', 'settings.json: "host": "127.0.0.1"'],
    docs: 'https://docs.seldon.ai/mlserver/reference/settings',
    allows: ['run-inference', 'pull-models'],
  },
};
