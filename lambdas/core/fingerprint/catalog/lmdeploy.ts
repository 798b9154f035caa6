import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LMDeploy `api_server` (InternLM): an OpenAI-compatible server on 23333 that binds 0.0.0.0 and
 * has no key unless started with `--api-keys`. Its `GET /terminate` kills the server when
 * `--allow-terminate-by-client` is set: it is on the never-request list and never probed.
 * - Open: `GET /v1/models` lists `ModelCard`s with `owned_by: "lmdeploy"` (protocol.py default).
 * - `--api-keys`: `AuthenticationMiddleware` answers every path outside `/health`, `/docs`,
 *   `/redoc`, `/nodes` with 401 and LMDeploy's own error envelope `{"message": "Unauthorized.",
 *   "type": "authentication_error", "code": 401, "param": null, "object": "error"}` (the message is
 *   ERROR_MESSAGES[UNAUTHORIZED], the type _ERROR_TYPE_BY_CODE). `GET /health` stays public and
 *   answers the engine health monitor's `{"status": "healthy"|"sleeping"|..., "message": ...}`.
 * Two markers per state: open, `owned_by: "lmdeploy"`; locked, the envelope on `/v1/models` (it
 * identifies) and the health snapshot (the auth rule asks for it, so a look-alike envelope alone
 * stays `unknown`). No route names the LMDeploy version (the OpenAPI `info.version` is FastAPI's
 * default), so none is read. Releases before the split endpoints answered 401 `{"error":
 * "Unauthorized"}` (vLLM's middleware): a locked old LMDeploy is not identified.
 * Read from source at v0.16.0-5-g1263d5c (InternLM/lmdeploy, 2026-08-21):
 * - lmdeploy/serve/openai/api_server.py (`FastAPI(docs_url='/')`, `--api-keys` -> middleware),
 * - lmdeploy/serve/utils/server_utils.py (`AuthenticationMiddleware`, skip prefixes),
 * - lmdeploy/serve/openai/errors.py, lmdeploy/serve/core/exceptions.py (401 envelope),
 * - lmdeploy/serve/openai/endpoints/models.py, management.py (`/v1/models`, `/health`, `/terminate`),
 * - lmdeploy/serve/openai/protocol.py (`ModelCard.owned_by = 'lmdeploy'`), lmdeploy/serve/core/health.py.
 */
export const lmdeploy: CatalogEntry = {
  service: 'lmdeploy',
  name: 'LMDeploy',
  category: 'llm-server',
  ports: [23333],
  sources: [
    'https://github.com/InternLM/lmdeploy/blob/v0.16.0/lmdeploy/serve/utils/server_utils.py',
    'https://github.com/InternLM/lmdeploy/blob/v0.16.0/lmdeploy/serve/openai/endpoints/management.py',
    'https://github.com/InternLM/lmdeploy/blob/v0.16.0/lmdeploy/serve/openai/protocol.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.16.0-5-g1263d5c' },
  exposes: 'model list and unauthenticated inference (GPU time)',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'lmdeploy' }] } },
    {
      request: { path: '/v1/models' },
      match: {
        status: 401,
        json: [
          { path: 'message', equals: 'Unauthorized.' },
          { path: 'type', equals: 'authentication_error' },
          { path: 'code', equals: 401 },
          { path: 'object', equals: 'error' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'lmdeploy' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/health' },
      match: { status: [200, 503], json: [{ path: 'status', type: 'string' }, { path: 'message', type: 'string' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> 401 "Unauthorized." (--api-keys); GET /health -> {status} engine {json:status} (public)',
    },
  ],
  // docs/en/llm/api_server.md: `lmdeploy serve api_server ... --api-keys <key>`; `--server-name` defaults to 0.0.0.0.
  remediation: {
    fix: 'Start the api_server with --api-keys <key> so every route but /health needs a Bearer key, bind it to an internal address (--server-name 127.0.0.1), and never add --allow-terminate-by-client.',
    settings: ['--api-keys <key>', '--server-name 127.0.0.1', 'no --allow-terminate-by-client'],
    docs: 'https://lmdeploy.readthedocs.io/en/latest/llm/api_server.html',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
