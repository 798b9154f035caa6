import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Meilisearch (search engine with hybrid / vector search, often the store behind RAG apps), port
 * 7700. Without a master key (the development default) every route is open; with `--master-key` /
 * `MEILI_MASTER_KEY` every route but `/health` needs a Bearer key and answers 401 with Meilisearch's
 * error object `{"message": "The Authorization header is missing. It must use the bearer
 * authorization method.", "code": "missing_authorization_header", "type": "auth", "link":
 * "https://docs.meilisearch.com/errors#missing_authorization_header"}`.
 * - `GET /version`: `{"commitSha", "commitDate", "pkgVersion"}` when open.
 * - `GET /health`: `{"status": "available"}` (always public): the confirming marker.
 * Read from the product's docs (meilisearch.com/docs, current release, not pinned): reference/api/version
 * ("get version"), reference/api/health, reference/errors/overview and error_codes (missing_authorization_header),
 * learn/security/basic_security (master key); the error body as quoted in published answers of v1.x servers.
 */
export const meilisearch: CatalogEntry = {
  service: 'meilisearch',
  name: 'Meilisearch',
  category: 'vector-database',
  ports: [7700],
  sources: [
    'https://www.meilisearch.com/docs/reference/api/version/get-version',
    'https://www.meilisearch.com/docs/reference/errors/error_codes',
    'https://www.meilisearch.com/docs/learn/security/basic_security',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.50.0-62-g5cb2f2e94 (2026-07-23)' },
  exposes: 'every index and document (read, write, delete), API keys and settings',
  identify: [
    {
      request: { path: '/version' },
      match: { status: 200, json: [{ path: 'commitSha', type: 'string' }, { path: 'commitDate', type: 'string' }, { path: 'pkgVersion', type: 'string' }] },
      confirm: { request: { path: '/health' }, match: { status: 200, json: [{ path: 'status', equals: 'available' }] } },
    },
    {
      request: { path: '/version' },
      match: { status: 401, json: [{ path: 'code', equals: 'missing_authorization_header' }, { path: 'type', equals: 'auth' }, { path: 'link', contains: 'meilisearch.com' }] },
      confirm: { request: { path: '/health' }, match: { status: 200, json: [{ path: 'status', equals: 'available' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/version' },
      match: { status: 200, json: [{ path: 'pkgVersion', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /version -> {status} without a key: no master key set, every index is open',
    },
    {
      request: { path: '/version' },
      match: { status: 401, json: [{ path: 'code', equals: 'missing_authorization_header' }] },
      auth: 'required',
      evidence: 'GET /version -> {status} missing_authorization_header (master key set)',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'pkgVersion' }],
  // docs "Basic security": launch with --master-key / MEILI_MASTER_KEY (production env refuses to start without one).
  remediation: {
    fix: 'Start Meilisearch with a master key (--master-key or MEILI_MASTER_KEY, at least 16 bytes) and --env production, and give applications scoped API keys only.',
    settings: ['MEILI_MASTER_KEY=<random>', 'MEILI_ENV=production'],
    docs: 'https://www.meilisearch.com/docs/learn/security/basic_security',
    allows: ['read-data', 'write-data', 'admin'],
  },
};
