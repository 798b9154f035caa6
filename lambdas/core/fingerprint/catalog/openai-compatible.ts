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
};
