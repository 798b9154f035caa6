import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Generic OpenAI-compatible server: the fallback when no specific product matched. Only a 200
 * listing in the OpenAI shape identifies it; a 401/403 JSON `error` on `/v1/models` is not used,
 * because countless non-LLM JSON APIs answer that way. So this entry can only ever report `none`.
 * Runs last (`order: 1000`, and last in the catalog) so that servers that name themselves in
 * `owned_by` (vLLM, llama.cpp, ...) are attributed first.
 * Sources:
 * - OpenAI API reference, "List models": `{"object":"list","data":[{"id","object":"model","created","owned_by"}]}`
 *   (https://platform.openai.com/docs/api-reference/models/list).
 */
export const openaiCompatible: CatalogEntry = {
  service: 'openai-compatible',
  name: 'OpenAI-compatible API',
  category: 'generic',
  ports: [],
  order: 1000,
  sources: ['https://platform.openai.com/docs/api-reference/models/list'],
  exposes: 'model list and inference through whatever backend answers',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data[].object', equals: 'model' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data[].object', equals: 'model' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id}, owned_by {json:data[].owned_by})',
    },
  ],
  // OpenAI API reference "Authentication" (Bearer API keys): the generic fix is the serving product's own API-key
  // option (most OpenAI-compatible servers take `--api-key`), or localhost plus an authenticating proxy.
  remediation: {
    fix: "Turn on the serving product's own API-key option (most OpenAI-compatible servers take --api-key) so requests need a Bearer key, or bind it to 127.0.0.1 and put an authenticating reverse proxy in front.",
    settings: ['--api-key <key>', '--host 127.0.0.1'],
    docs: 'https://platform.openai.com/docs/api-reference/authentication',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): `data[].id`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data', type: 'array' }] }, json: 'data[].id' }],
};
