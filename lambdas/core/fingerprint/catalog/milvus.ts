import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Milvus vector database: gRPC and the RESTful API share 19530; metrics and health are on 9091.
 * Authentication is off by default (`common.security.authorizationEnabled: false`). When it is on,
 * the REST server's global gin middleware answers every request without valid credentials, unknown
 * paths included, with 401 `{"code":1800,"message":"user hasn't authenticated"}`. The v1 RESTful API
 * (Milvus 2.3+) has two GET routes: `/v1/vector/collections` (list, `{"code":200,"data":[...]}`)
 * and `/v1/vector/collections/describe`, which without `collectionName` answers the Milvus-specific
 * `{"code":1802,"message":"missing required parameters, ..."}`. (The v2 `/v2/vectordb/...` API is
 * POST-only.) The metrics port exposes `milvus_build_info{...,version="..."}`.
 * Default credential: the documented `root` / `Milvus` user, accepted by the REST middleware as HTTP
 * Basic auth (or `Bearer root:Milvus`); checked with one GET of the collection list.
 * Sources (milvus-io/milvus, milvus-io/milvus-docs):
 * - internal/distributed/proxy/service.go: `authenticate` middleware (Basic or `user:password`
 *   bearer, API keys), `startHTTPServer` (`/v1` and `/v2/vectordb` groups, `ginHandler.Use(authenticate)`).
 * - internal/distributed/proxy/httpserver/handler_v1.go: `RegisterRoutesToV1`, `listCollections`,
 *   `getCollectionDetails` (missing collectionName -> 1802).
 * - internal/distributed/proxy/httpserver/utils.go: `ParseUsernamePassword`.
 * - pkg/util/merr/errors.go: `ErrNeedAuthenticate` (1800), `ErrMissingRequiredParameters` (1802).
 * - pkg/metrics/info_metrics.go: `milvus_build_info{version,built,git_commit}`.
 * - https://milvus.io/docs/authenticate.md: "By default, the root user is created with the password Milvus".
 */
export const milvus: CatalogEntry = {
  service: 'milvus',
  name: 'Milvus',
  category: 'vector-database',
  ports: [19530, 9091],
  sources: [
    'https://github.com/milvus-io/milvus/blob/master/internal/distributed/proxy/service.go',
    'https://github.com/milvus-io/milvus/blob/master/internal/distributed/proxy/httpserver/handler_v1.go',
    'https://github.com/milvus-io/milvus/blob/master/internal/distributed/proxy/httpserver/utils.go',
    'https://github.com/milvus-io/milvus/blob/master/pkg/util/merr/errors.go',
    'https://github.com/milvus-io/milvus/blob/master/pkg/metrics/info_metrics.go',
    'https://milvus.io/docs/authenticate.md',
  ],
  checkedAgainst: { evidence: 'source', release: 'master, file-level: handler_v1.go 7e7e323, metrics/info_metrics.go 428b7ca; merr/errors.go (1800/1802) and proxy/service.go authenticate at their newest stored versions' },
  exposes: 'collections, stored vectors and fields (read, write, delete)',
  identify: [
    {
      request: { path: '/' },
      match: { status: 401, json: [{ path: 'code', equals: 1800 }, { path: 'message', equals: "user hasn't authenticated" }] },
    },
    { request: { path: '/metrics' }, match: { status: 200, bodyContains: ['# TYPE milvus_build_info gauge'] } },
    {
      request: { path: '/v1/vector/collections/describe' },
      match: { status: 200, json: [{ path: 'code', equals: 1802 }, { path: 'message', contains: 'missing required parameters' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/vector/collections' },
      match: { status: 200, json: [{ path: 'code', equals: 200 }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/vector/collections -> {status} without credentials: {count:data[]} collections (first: {json:data[]})',
    },
    {
      request: { path: '/v1/vector/collections' },
      match: { status: 401, json: [{ path: 'code', equals: 1800 }] },
      auth: 'required',
      evidence: 'GET /v1/vector/collections -> {status} code 1800 "{json:message}" (Milvus authorization enabled)',
    },
  ],
  version: [{ request: { path: '/metrics' }, regex: 'milvus_build_info\\{[^}]*version="v?([^"]+)"' }],
  defaultCredentials: [
    {
      credential: 'root/Milvus (Milvus docs: default root user)',
      request: { path: '/v1/vector/collections', headers: { authorization: 'Basic cm9vdDpNaWx2dXM=' } },
      match: { status: 200, json: [{ path: 'code', equals: 200 }, { path: 'data', type: 'array' }] },
    },
  ],
  // milvus.io/docs/authenticate.md: `common.security.authorizationEnabled: true` in milvus.yaml turns on user auth;
  // the built-in root user's default password is Milvus (milvus.yaml common.security.defaultRootPassword) and must be changed.
  remediation: {
    fix: "Enable Milvus authentication (common.security.authorizationEnabled: true in milvus.yaml, or the Helm/Operator equivalent) and change the root user's default password \"Milvus\".",
    settings: ['common.security.authorizationEnabled: true', 'common.security.defaultRootPassword: <strong password>'],
    docs: 'https://milvus.io/docs/authenticate.md',
    allows: ['read-data', 'write-data', 'admin'],
  },
  // The same `GET /v1/vector/collections` the auth rule reads (cached): handler_v1.go answers `{"code": 200, "data": [<name>, ...]}`.
  inventory: [{ kind: 'collection', request: { path: '/v1/vector/collections' }, json: 'data[]' }],
};
