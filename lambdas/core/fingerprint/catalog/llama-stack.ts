import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Meta Llama Stack server, port 8321 (`LLAMA_STACK_PORT`), routes under `/v1`. Open unless the
 * run config sets `server.auth`; then `AuthenticationMiddleware` answers every HTTP request
 * without `Authorization: Bearer` with 401 `{"error": {"message": <provider message>}}`, the
 * provider's own wording: "Authentication required" (base), "Authentication required. Please
 * provide a valid OAuth2 Bearer token from <issuer>", "... your API key as a Bearer token ...",
 * "... a valid GitHub access token ...".
 * - Open: `GET /v1/inspect/routes` lists `{"data": [{"route", "method", "provider_types": [...]}]}`
 *   (RouteInfo: a listing no other product has); `GET /v1/version` answers `{"version": <package>}`.
 * - Locked: the 401 envelope with a provider's own "Authentication required. Please provide ..."
 *   on `/v1/inspect/routes`, confirmed by `/v1/version` answering the same (every route is behind
 *   the middleware). The base provider's bare "Authentication required" is too common a phrase to
 *   name the product: such a server is not identified (decoy `json-401-authentication-required`).
 * Read from source at v0.2.1-882-gb12cd52 (meta-llama/llama-stack, 2025-08-29):
 * llama_stack/apis/inspect/inspect.py (RouteInfo, HealthInfo, VersionInfo, routes), llama_stack/core/inspect.py,
 * llama_stack/core/server/auth.py (`_send_auth_error`), llama_stack/core/server/auth_providers.py
 * (`get_auth_error_message`), llama_stack/core/server/server.py (`LLAMA_STACK_PORT`, 8321), llama_stack/apis/version.py (v1).
 */
export const llamaStack: CatalogEntry = {
  service: 'llama-stack',
  name: 'Llama Stack',
  category: 'llm-server',
  ports: [8321],
  sources: [
    'https://github.com/meta-llama/llama-stack/blob/main/llama_stack/apis/inspect/inspect.py',
    'https://github.com/meta-llama/llama-stack/blob/main/llama_stack/core/server/auth.py',
    'https://github.com/meta-llama/llama-stack/blob/main/llama_stack/core/server/auth_providers.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.2.1-882-gb12cd52' },
  exposes: 'models, agents, vector stores, files and inference through the configured providers (their API keys)',
  identify: [
    {
      request: { path: '/v1/inspect/routes' },
      match: { status: 200, json: [{ path: 'data[].route', type: 'string' }, { path: 'data[].provider_types', type: 'array' }, { path: 'data[].method', type: 'string' }] },
    },
    {
      request: { path: '/v1/inspect/routes' },
      match: { status: 401, json: [{ path: 'error.message', type: 'string' }], bodyRegex: `^\\{"error": ?\\{"message": ?"Authentication required\\. Please provide ` },
      confirm: { request: { path: '/v1/version' }, match: { status: 401, bodyRegex: `^\\{"error": ?\\{"message": ?"Authentication required\\. Please provide ` } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/inspect/routes' },
      match: { status: 200, json: [{ path: 'data[].provider_types', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/inspect/routes -> {status} without a token: {count:data[]} routes listed',
    },
    {
      request: { path: '/v1/inspect/routes' },
      match: { status: 401, json: [{ path: 'error.message', type: 'string' }] },
      auth: 'required',
      evidence: 'GET /v1/inspect/routes -> {status} "{json:error.message}" (server.auth configured)',
    },
  ],
  version: [{ request: { path: '/v1/version' }, match: { status: 200, json: [{ path: 'version', type: 'string' }] }, json: 'version' }],
  // docs "Configuring a Stack" > "Authentication": `server.auth.provider_config` (oauth2_token, github_token, custom).
  remediation: {
    fix: 'Configure server.auth in the Llama Stack run config (an OAuth2, GitHub or custom token provider) so every request needs a Bearer token, or keep the server on an internal address.',
    settings: ['server.auth.provider_config.type: oauth2_token | github_token | custom'],
    docs: 'https://llama-stack.readthedocs.io/en/latest/distributions/configuration.html',
    allows: ['run-inference', 'read-data', 'write-data', 'spend-api-keys'],
  },
};
