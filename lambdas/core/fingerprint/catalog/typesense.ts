import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Typesense (search engine with vector search), port 8108. The server refuses to start without a
 * bootstrap API key, so every route but `/health` needs `X-TYPESENSE-API-KEY`: a reachable instance
 * is `required` (the risk is a leaked search-only or admin key, which no GET can test).
 * - `GET /collections` without a key: 401 `{"message": "Forbidden - a valid `x-typesense-api-key`
 *   header must be sent."}` (the product names its own header).
 * - `GET /health`: `{"ok": true}` (confirms).
 * Read from the product's docs and clients (typesense.org/docs API reference "API errors" and
 * "Health"; the official clients' tests asserting that exact 401 message: typesense-swift, the Elixir
 * OpenAPI client; current release, not pinned).
 */
export const typesense: CatalogEntry = {
  service: 'typesense',
  name: 'Typesense',
  category: 'vector-database',
  ports: [8108],
  sources: ['https://typesense.org/docs/latest/api/api-errors.html', 'https://typesense.org/docs/latest/api/cluster-operations.html#health'],
  checkedAgainst: { evidence: 'source', release: 'v29.0-87-g4a092b04 (2025-09-26)' },
  exposes: 'collections and documents, behind its mandatory API key',
  identify: [
    {
      request: { path: '/collections' },
      match: { status: 401, json: [{ path: 'message', equals: 'Forbidden - a valid `x-typesense-api-key` header must be sent.' }] },
      confirm: { request: { path: '/health' }, match: { status: 200, json: [{ path: 'ok', type: 'boolean' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/collections' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /collections -> {status} "Forbidden - a valid x-typesense-api-key header must be sent." (the key is mandatory)',
    },
  ],
  // docs "API Keys": never use the bootstrap key in applications; hand out scoped search-only keys.
  remediation: {
    fix: 'Keep the bootstrap API key secret and out of clients, give applications scoped search-only keys, and keep the admin port off public addresses.',
    settings: ['--api-key <bootstrap key kept secret>', 'scoped search-only keys for clients'],
    docs: 'https://typesense.org/docs/latest/api/api-keys.html',
    allows: ['read-data', 'write-data'],
  },
};
