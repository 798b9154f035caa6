import type { CatalogEntry } from '../catalog-schema.js';

const INGEST_LIST = { status: 200, json: [{ path: 'model', equals: 'private-gpt' }, { path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] } as const;
const AUTH_WALL = { status: 401, headers: [{ name: 'www-authenticate', contains: 'realm="All the API"' }] } as const;
/** `server.auth.secret` in the shipped settings.yaml: Basic auth for `secret:key`. */
const DEFAULT_SECRET = 'Basic c2VjcmV0OmtleQ==';

/**
 * PrivateGPT (zylon-ai/private-gpt; FastAPI). The ingested-documents listing answers
 * `{"object": "list", "model": "private-gpt", "data": [{"object": "ingest.document", ...}]}`:
 * `GET /v1/ingest/list` in 0.x (port 8001), `GET /v1/artifacts/list` in 1.x (port 8080, default
 * collection `pgpt_collection`). With `server.auth.enabled`, API routers answer 401
 * `{"detail": "Not authenticated"}` with `WWW-Authenticate: Basic realm="All the API",
 * charset="UTF-8"`, which names no one else. Auth is off by default.
 * 0.x mounts its Gradio UI at `/` by default (`ui.path: /`), so the generic Gradio entry answers
 * first there: this entry `refines` gradio. That UI is outside the API auth, so an instance with
 * API auth on and the UI enabled is still open.
 * Default credential: settings.yaml ships `secret: "Basic c2VjcmV0OmtleQ=="` ("'secret' is the
 * username and 'key' is the password for basic auth by default"), used whenever auth is enabled
 * without overriding it.
 * Sources (zylon-ai/private-gpt):
 * - private_gpt/server/ingest/ingest_router.py (v0.6.2: `/v1/ingest/list`, `IngestResponse`;
 *   main: `/v1/artifacts/list`).
 * - private_gpt/server/utils/auth.py: `NOT_AUTHENTICATED` (401 + realm), `authenticated`.
 * - settings.yaml: `server.port`, `server.auth.enabled: false`, `server.auth.secret`, `ui.path`.
 * - private_gpt/launcher.py, private_gpt/ui/ui.py: routers and `gr.mount_gradio_app` at `ui.path`.
 */
export const privategpt: CatalogEntry = {
  service: 'privategpt',
  name: 'PrivateGPT',
  category: 'chat-ui',
  ports: [8001, 8080],
  refines: 'gradio',
  sources: [
    'https://github.com/zylon-ai/private-gpt/blob/main/private_gpt/server/ingest/ingest_router.py',
    'https://github.com/zylon-ai/private-gpt/blob/main/private_gpt/server/utils/auth.py',
    'https://github.com/zylon-ai/private-gpt/blob/main/settings.yaml',
    'https://github.com/zylon-ai/private-gpt/blob/v0.6.2/private_gpt/launcher.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.0.1-51-gab89a0d6 (2026-08-21)' },
  exposes: 'ingested private documents (listing, chunks, delete) and chat over them',
  identify: [
    { request: { path: '/v1/ingest/list' }, match: INGEST_LIST },
    { request: { path: '/v1/ingest/list' }, match: AUTH_WALL },
    { request: { path: '/v1/artifacts/list' }, match: INGEST_LIST },
    { request: { path: '/v1/artifacts/list' }, match: AUTH_WALL },
  ],
  auth: [
    {
      request: { path: '/v1/ingest/list' },
      match: INGEST_LIST,
      auth: 'none',
      evidence: 'GET /v1/ingest/list -> {status} without credentials: {count:data[]} ingested documents (first: {json:data[].doc_metadata.file_name})',
    },
    {
      request: { path: '/v1/artifacts/list' },
      match: INGEST_LIST,
      auth: 'none',
      evidence: 'GET /v1/artifacts/list -> {status} without credentials: {count:data[]} ingested documents (first: {json:data[].doc_metadata.file_name})',
    },
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }, { path: 'mode', type: 'string' }] },
      auth: 'none',
      evidence: 'API auth on, but the Gradio UI at / is open (GET /config -> {status}): chat and document upload/delete without credentials',
    },
    { request: { path: '/v1/ingest/list' }, match: AUTH_WALL, auth: 'required', evidence: 'GET /v1/ingest/list -> {status} Basic realm="All the API" (server.auth.enabled)' },
    { request: { path: '/v1/artifacts/list' }, match: AUTH_WALL, auth: 'required', evidence: 'GET /v1/artifacts/list -> {status} Basic realm="All the API" (server.auth.enabled)' },
  ],
  defaultCredentials: [
    {
      credential: 'secret:key (server.auth.secret in the shipped settings.yaml)',
      request: { path: '/v1/ingest/list', headers: { authorization: DEFAULT_SECRET } },
      match: INGEST_LIST,
    },
    {
      credential: 'secret:key (server.auth.secret in the shipped settings.yaml)',
      request: { path: '/v1/artifacts/list', headers: { authorization: DEFAULT_SECRET } },
      match: INGEST_LIST,
    },
  ],
  // settings.yaml `server.auth.enabled` / `server.auth.secret` (shipped "Basic c2VjcmV0OmtleQ==", secret:key) and
  // `ui.enabled`; private_gpt/server/utils/auth.py (the Gradio UI is outside the API auth).
  remediation: {
    fix: 'Set server.auth.enabled: true with your own server.auth.secret (not the shipped secret:key) in settings.yaml, and turn off the Gradio UI (ui.enabled: false), which the API auth does not cover, or put it behind an authenticating reverse proxy.',
    settings: ['server.auth.enabled: true', 'server.auth.secret: "Basic <base64 of user:password>"', 'ui.enabled: false'],
    docs: 'https://github.com/zylon-ai/private-gpt/blob/main/settings.yaml',
    allows: ['read-data', 'write-data', 'run-inference'],
  },
};
