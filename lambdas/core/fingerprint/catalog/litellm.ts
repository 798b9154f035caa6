import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LiteLLM proxy (AI gateway, default port 4000). FastAPI app with the Swagger UI on `/`
 * (`docs_url="/"`, title "LiteLLM API" unless a premium DOCS_TITLE is set) and the description
 * "Proxy Server to call 100+ LLMs in the OpenAI format." in `/openapi.json`; both stay public when a
 * master key is set. `GET /health/readiness` is a public route (`{"status": "healthy", "db",
 * "cache", "litellm_version", "success_callbacks", ...}`).
 * Auth: with a master key, `/v1/models` without a key answers 401
 * `{"error": {"message": "Authentication Error, No api key passed in.", "type": "auth_error",
 * "param": "None", "code": "401"}}`; without one, the OpenAI-style model list is served to anyone.
 * Default credential: LiteLLM's own deployment docs set `LITELLM_MASTER_KEY="sk-1234"` ("you can
 * change this after setup") and every proxy example authenticates with `Bearer sk-1234`.
 * Sources:
 * - BerriAI/litellm litellm/proxy/proxy_server.py: `FastAPI(docs_url=..., title=_title,
 *   description=_description, version=version)`, `_title`/`_description`.
 * - BerriAI/litellm litellm/proxy/health_endpoints/_health_endpoints.py: `health_readiness`.
 * - BerriAI/litellm litellm/proxy/_types.py: `LiteLLMRoutes.public_routes` ("/", "/health/readiness", ...).
 * - BerriAI/litellm tests/proxy_unit_tests (user_api_key_auth): MissingAPIKeyError ->
 *   "Authentication Error, No api key passed in.".
 * - https://docs.litellm.ai/docs/proxy/deploy (docker compose quick start: LITELLM_MASTER_KEY="sk-1234").
 */
export const litellm: CatalogEntry = {
  service: 'litellm',
  name: 'LiteLLM Proxy',
  category: 'ai-gateway',
  ports: [4000],
  sources: [
    'https://github.com/BerriAI/litellm/blob/main/litellm/proxy/proxy_server.py',
    'https://github.com/BerriAI/litellm/blob/main/litellm/proxy/health_endpoints/_health_endpoints.py',
    'https://github.com/BerriAI/litellm/blob/main/litellm/proxy/_types.py',
    'https://docs.litellm.ai/docs/proxy/deploy',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@9344afb (file-level: proxy_server.py; auth/user_api_key_auth.py, health_endpoints/_health_endpoints.py at their stored versions)' },
  exposes: "every upstream model behind the gateway, billed to the operator's provider keys; key and spend management",
  identify: [
    { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>LiteLLM API - Swagger UI</title>'] } },
    { request: { path: '/openapi.json' }, match: { status: 200, bodyContains: ['Proxy Server to call 100+ LLMs in the OpenAI format.'] } },
    { request: { path: '/v1/models' }, match: { status: 401, json: [{ path: 'error.message', contains: 'No api key passed in.' }] } },
    { request: { path: '/health/readiness' }, match: { status: 200, json: [{ path: 'litellm_version', type: 'string' }, { path: 'db', type: 'string' }] } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key (no master key set): {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error.message', contains: 'Authentication Error' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "{json:error.message}" (master key set)',
    },
  ],
  version: [
    { request: { path: '/health/readiness' }, json: 'litellm_version' },
    { request: { path: '/openapi.json' }, regex: '"info"\\s*:\\s*\\{[^{}]*"version"\\s*:\\s*"([^"]+)"' },
  ],
  defaultCredentials: [
    {
      credential: 'master key sk-1234 (LiteLLM deploy docs)',
      request: { path: '/v1/models', headers: { authorization: 'Bearer sk-1234' } },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
    },
  ],
  // docs.litellm.ai/docs/proxy/virtual_keys: set a master key (general_settings: master_key, or LITELLM_MASTER_KEY),
  // "this is your Proxy Admin key", must start with sk-; without one the proxy accepts every request.
  remediation: {
    fix: 'Set a master key (LITELLM_MASTER_KEY=sk-<random>, or general_settings: master_key in config.yaml) so every call needs it or a virtual key; never keep the documented example sk-1234.',
    settings: ['LITELLM_MASTER_KEY=sk-<random>', 'general_settings.master_key: sk-<random>'],
    docs: 'https://docs.litellm.ai/docs/proxy/virtual_keys',
    allows: ['spend-api-keys', 'admin'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id` (proxy_server.py model_list).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
