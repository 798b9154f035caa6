import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Chroma vector database. `GET /api/v2/heartbeat` (and `/api/v1/heartbeat` on the Python server
 * before 1.0) answers `{"nanosecond heartbeat": <int>}` without authentication. The Rust server
 * (Chroma >= 1.0, `chroma run`) has no authentication in the open-source build (its
 * `AuthenticateAndAuthorize` implementation is `()`, allowing everything) and answers every
 * `/api/v1/*` with 410 "The v1 API is deprecated". The Python server (< 1.0) has optional token or
 * basic auth providers that reject data requests with 403 `{"error":"AuthError","message":"Forbidden"}`.
 * Listing the default database's collections shows the state. The Rust server's `/api/v2/version`
 * is hard-coded to "1.0.0", so the version is only exact for the Python server. Both servers publish
 * an OpenAPI document at `/openapi.json` (Rust: utoipa `ApiDoc` + SwaggerUi; Python: FastAPI) listing
 * `/api/v2/pre-flight-checks` and `/api/v2/heartbeat` (`/api/v1/...` before 0.6), which identifies them.
 * Sources (chroma-core/chroma):
 * - rust/frontend-core/src/routes.rs: `system_router` (`/api/v2/heartbeat`, `/api/v2/version`, ...).
 * - rust/frontend/src/server.rs: `v1_deprecation_notice` (410), collection routes, `version()` "1.0.0".
 * - rust/frontend-core/src/auth.rs: `impl AuthenticateAndAuthorize for ()` (allow all).
 * - rust/cli/src/commands/run.rs: `chroma run` starts the frontend with `Arc::new(())` auth.
 * - rust/frontend/src/config.rs: default port 8000.
 * - chromadb/server/fastapi/__init__.py (tag 0.6.3): heartbeat, list collections, `sync_auth_request`.
 * - chromadb/auth/token_authn/__init__.py, chromadb/errors.py (tag 0.6.3): `ChromaAuthError` -> 403 "AuthError".
 * Evidence: the Rust server is recorded from a running Chroma 1.0.x (`chroma run` of npm chromadb
 * 3.0.14 with its binding chromadb-js-bindings-linux-x64-gnu 1.0.5) on 2026-12-02
 * (test/fixtures/real/chroma/chroma-run.json, `npm run conformance -- chroma`): `/openapi.json`
 * lists `/api/v2/pre-flight-checks` and `/api/v2/heartbeat`, the default database's collections
 * answer 200 `[]` without credentials, every `/api/v1/*` answers 410, `/api/v2/version` is
 * "1.0.0"; `chroma run` has no auth option (`--path`, `--host`, `--port` only). The Python
 * server's auth rules are read from source at tag 0.6.3.
 */
export const chroma: CatalogEntry = {
  service: 'chroma',
  name: 'Chroma',
  category: 'vector-database',
  ports: [8000],
  sources: [
    'https://github.com/chroma-core/chroma/blob/main/rust/frontend-core/src/routes.rs',
    'https://github.com/chroma-core/chroma/blob/main/rust/frontend/src/server.rs',
    'https://github.com/chroma-core/chroma/blob/main/rust/frontend-core/src/auth.rs',
    'https://github.com/chroma-core/chroma/blob/main/rust/cli/src/commands/run.rs',
    'https://github.com/chroma-core/chroma/blob/0.6.3/chromadb/server/fastapi/__init__.py',
    'https://github.com/chroma-core/chroma/blob/0.6.3/chromadb/auth/token_authn/__init__.py',
    'https://github.com/chroma-core/chroma/blob/0.6.3/chromadb/errors.py',
  ],
  checkedAgainst: { evidence: 'recorded', release: 'chromadb 3.0.14 (server 1.0.x)' },
  exposes: 'collections, stored documents and embeddings (read, write, delete)',
  identify: [
    // The OpenAPI document lists Chroma's own system routes (Rust server and Python server alike).
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'paths./api/v2/pre-flight-checks', exists: true }, { path: 'paths./api/v2/heartbeat', exists: true }] },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'paths./api/v1/pre-flight-checks', exists: true }, { path: 'paths./api/v1/heartbeat', exists: true }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/v2/tenants/default_tenant/databases/default_database/collections' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence:
        'GET /api/v2/tenants/default_tenant/databases/default_database/collections -> {status} without credentials: {count:[]} collections (first: {json:[].name})',
    },
    {
      request: { path: '/api/v2/tenants/default_tenant/databases/default_database/collections' },
      match: { status: [401, 403], json: [{ path: 'error', equals: 'AuthError' }] },
      auth: 'required',
      evidence: 'GET /api/v2/tenants/default_tenant/databases/default_database/collections -> {status} AuthError (Chroma token/basic auth)',
    },
    {
      request: { path: '/api/v1/collections' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/collections -> {status} without credentials: {count:[]} collections (first: {json:[].name})',
    },
    {
      request: { path: '/api/v1/collections' },
      match: { status: [401, 403], json: [{ path: 'error', equals: 'AuthError' }] },
      auth: 'required',
      evidence: 'GET /api/v1/collections -> {status} AuthError (Chroma token/basic auth)',
    },
  ],
  version: [
    { request: { path: '/api/v2/version' }, regex: '^\\s*"?(\\d+\\.\\d+\\.\\d+[^"\\s]*)"?\\s*$' },
    { request: { path: '/api/v1/version' }, regex: '^\\s*"?(\\d+\\.\\d+\\.\\d+[^"\\s]*)"?\\s*$' },
  ],
  // docs/mintlify/reference/server-env-vars.mdx (chroma-core/chroma): v1.0 "no longer ships built-in authentication";
  // CHROMA_LISTEN_ADDRESS is the bind address (default 0.0.0.0); CHROMA_SERVER_AUTHN_* are the pre-1.0 Python-server auth settings.
  remediation: {
    fix: 'Chroma 1.x has no authentication of its own: bind it to localhost (CHROMA_LISTEN_ADDRESS=127.0.0.1, or `chroma run --host localhost`) and put an authenticating reverse proxy in front. On a pre-1.0 Python server, enable its token auth with CHROMA_SERVER_AUTHN_PROVIDER and CHROMA_SERVER_AUTHN_CREDENTIALS.',
    settings: ['CHROMA_LISTEN_ADDRESS=127.0.0.1', 'chroma run --host localhost', 'CHROMA_SERVER_AUTHN_PROVIDER=chromadb.auth.token_authn.TokenAuthenticationServerProvider', 'CHROMA_SERVER_AUTHN_CREDENTIALS=<token>'],
    docs: 'https://github.com/chroma-core/chroma/blob/main/docs/mintlify/reference/server-env-vars.mdx',
    allows: ['read-data', 'write-data'],
  },
  // The same collection listings the auth rules read (cached): a top-level array of collections with `name`.
  inventory: [
    { kind: 'collection', request: { path: '/api/v2/tenants/default_tenant/databases/default_database/collections' }, json: '[].name' },
    { kind: 'collection', request: { path: '/api/v1/collections' }, json: '[].name' },
  ],
};
