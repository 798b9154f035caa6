import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Marqo tensor (vector) search, port 8882. The open-source API has no authentication: indexes and
 * documents are readable and writable by anyone who reaches it.
 * - `GET /`: `{"message": "Welcome to Marqo", "version": "<version>"}`.
 * - `GET /indexes`: `{"results": [{"indexName": ...}]}` (confirms the banner).
 * Read from source at 2.12.1-24-g58efc24 (marqo-ai/marqo, 2024-10-25): src/marqo/tensor_search/api.py (`root`,
 * `get_indexes`, `/health`), README.md (`-p 8882:8882`).
 */
export const marqo: CatalogEntry = {
  service: 'marqo',
  name: 'Marqo',
  category: 'vector-database',
  ports: [8882],
  sources: ['https://github.com/marqo-ai/marqo/blob/mainline/src/marqo/tensor_search/api.py'],
  checkedAgainst: { evidence: 'source', release: '2.12.1-24-g58efc24' },
  exposes: 'indexes and documents (read, write, delete) and the loaded embedding models',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'message', equals: 'Welcome to Marqo' }, { path: 'version', type: 'string' }] },
      confirm: { request: { path: '/indexes' }, match: { status: 200, json: [{ path: 'results', type: 'array' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/indexes' },
      match: { status: 200, json: [{ path: 'results', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /indexes -> {status}: {count:results[]} indexes listed; Marqo has no authentication',
    },
  ],
  version: [{ request: { path: '/' }, json: 'version' }],
  // docs "Deployment": the open-source server has no auth; keep it private or behind an authenticating proxy.
  remediation: {
    fix: 'Marqo has no authentication: publish its port on 127.0.0.1 or a private network only, and put an authenticating reverse proxy in front of any shared access.',
    settings: ['-p 127.0.0.1:8882:8882', 'authenticating reverse proxy'],
    docs: 'https://docs.marqo.ai/latest/',
    allows: ['read-data', 'write-data', 'run-inference'],
  },
  inventory: [{ kind: 'collection', request: { path: '/indexes' }, json: 'results[].indexName' }],
};
