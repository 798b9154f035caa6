import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Qdrant vector database (REST port). No API key by default. `GET /` (with `/healthz`, `/readyz`,
 * `/livez` and the web UI) is whitelisted from API-key checks, so it identifies the server and
 * its version in both states. With `api_key` set, every other path (unknown ones included) answers
 * 401 text "Must provide an API key or an Authorization bearer token"; a wrong key gets 403
 * "Invalid API key or JWT".
 * Sources (qdrant/qdrant):
 * - lib/api/src/rest/models.rs: `VersionInfo` `{"title":"qdrant - vector search engine","version","commit"}`,
 *   `ApiResponse` `{"result","status","time"}`.
 * - src/actix/mod.rs: `index` handler, API-key whitelist.
 * - src/actix/auth.rs, src/common/auth/mod.rs: 401/403 texts.
 * - src/actix/api/collections_api.rs: `GET /collections`.
 * - config/config.yaml: `http_port: 6333`, `grpc_port: 6334`, `api_key` commented out.
 */
export const qdrant: CatalogEntry = {
  service: 'qdrant',
  name: 'Qdrant',
  category: 'vector-database',
  ports: [6333],
  sources: [
    'https://github.com/qdrant/qdrant/blob/master/lib/api/src/rest/models.rs',
    'https://github.com/qdrant/qdrant/blob/master/src/actix/mod.rs',
    'https://github.com/qdrant/qdrant/blob/master/src/actix/auth.rs',
    'https://github.com/qdrant/qdrant/blob/master/src/common/auth/mod.rs',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.19.0 (74f3e85b94, 2026-08-04)' },
  exposes: 'collections and stored vectors/payloads (read, write, delete, snapshots)',
  identify: [
    { request: { path: '/' }, match: { status: 200, json: [{ path: 'title', equals: 'qdrant - vector search engine' }] } },
  ],
  auth: [
    {
      request: { path: '/collections' },
      match: { status: 200, json: [{ path: 'result.collections', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /collections -> {status} without an API key, {count:result.collections[]} collections (first: {json:result.collections[].name})',
    },
    {
      request: { path: '/collections' },
      match: { status: [401, 403], bodyContainsAny: ['Must provide an API key', 'Invalid API key'] },
      auth: 'required',
      evidence: 'GET /collections -> {status} (Qdrant API key)',
    },
  ],
  version: [{ request: { path: '/' }, json: 'version' }],
  // qdrant.tech documentation/guides/security: `service.api_key` in config.yaml or QDRANT__SERVICE__API_KEY.
  remediation: {
    fix: 'Set an API key (service.api_key in config.yaml or QDRANT__SERVICE__API_KEY), enable TLS, and bind the service to a private interface (service.host).',
    settings: ['QDRANT__SERVICE__API_KEY=<key>', 'service.api_key: <key>', 'service.host: 127.0.0.1'],
    docs: 'https://qdrant.tech/documentation/guides/security/',
    allows: ['read-data', 'write-data'],
  },
  // The same `GET /collections` the auth rule reads (cached): `result.collections[].name`.
  inventory: [{ kind: 'collection', request: { path: '/collections' }, match: { status: 200, json: [{ path: 'result.collections', type: 'array' }] }, json: 'result.collections[].name' }],
};
