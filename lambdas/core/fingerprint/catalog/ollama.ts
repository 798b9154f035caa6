import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Ollama. No authentication exists in the product: any 401/403 comes from a proxy in front.
 * Sources:
 * - server/routes.go (ollama/ollama): `GET /` answers "Ollama is running"; `GET /api/tags` lists
 *   models as `{"models":[{"name","model","modified_at","size","digest","details":{...}}]}`;
 *   `GET /api/version` answers `{"version":"x.y.z"}`.
 * - docs/api.md (ollama/ollama): "List Local Models" and "Version" sections.
 */
export const ollama: CatalogEntry = {
  service: 'ollama',
  name: 'Ollama',
  category: 'llm-server',
  ports: [11434],
  sources: ['https://github.com/ollama/ollama/blob/main/server/routes.go', 'https://github.com/ollama/ollama/blob/main/docs/api.md'],
  checkedAgainst: { evidence: 'source', release: 'v0.33.0-rc2 (fb30760, 2026-08-21)' },
  exposes: 'model list, model pull/delete and inference',
  identify: [
    { request: { path: '/' }, match: { status: 200, bodyRegex: '^Ollama is running\\s*$' } },
    {
      request: { path: '/api/tags' },
      // Only a non-empty list with Ollama's own per-model fields: an empty `models` array is what a
      // catch-all stub answers too (a fresh, empty Ollama is still identified by its banner).
      match: {
        status: 200,
        json: [
          { path: 'models[].digest', type: 'string' },
          { path: 'models[].details.format', type: 'string' },
        ],
        bodyExcludes: ['koboldcpp', 'llamacpp', 'sha256:sglang'],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/tags' },
      match: { status: 200, json: [{ path: 'models', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/tags -> {status} with {count:models[]} models',
    },
    { request: { path: '/api/tags' }, match: { status: [401, 403] }, auth: 'required', evidence: 'GET /api/tags -> {status} (proxy auth)' },
  ],
  version: [{ request: { path: '/api/version' }, json: 'version' }],
  // docs/faq.md "How do I configure Ollama server?" / "How can I expose Ollama on my network?":
  // OLLAMA_HOST sets the bind address (default 127.0.0.1:11434); Ollama has no auth of its own.
  remediation: {
    fix: 'Ollama has no authentication of its own: bind it to localhost (OLLAMA_HOST=127.0.0.1:11434, the default) and put an authenticating reverse proxy in front if remote clients need it.',
    settings: ['OLLAMA_HOST=127.0.0.1:11434'],
    docs: 'https://github.com/ollama/ollama/blob/main/docs/faq.md#how-do-i-configure-ollama-server',
    allows: ['run-inference', 'pull-models', 'write-data'],
  },
  // The same `GET /api/tags` the auth rule reads (cached): no extra request.
  inventory: [{ kind: 'model', request: { path: '/api/tags' }, json: 'models[].name' }],
};
