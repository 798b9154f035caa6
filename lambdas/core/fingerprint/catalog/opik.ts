import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Comet Opik (LLM tracing, evaluation and prompt management), self-hosted: the frontend on 5173
 * proxies `/api` to the Java backend (8080). The open-source deployment has no user accounts: every
 * API call lands in the default workspace, so traces, prompts, datasets and the stored LLM provider
 * keys are readable by anyone who reaches it; a 401/403 there comes from a proxy or Opik's
 * authenticated (cloud / enterprise) mode.
 * - `GET /api/is-alive/ping`: `{"message": "Healthy Server", "healthy": true}` (IsAliveResource).
 * - `GET /api/is-alive/ver`: `{"version": "<opik version>"}` (confirms; the version).
 * - `GET /api/v1/private/projects`: the project page `{"content": [...], "total", ...}` (open).
 * Read from source (comet-ml/opik, apps/opik-backend IsAliveResource and its tests IsAliveResourceTest /
 * the e2e probes calling /api/is-alive/ping and /api/is-alive/ver; the Python SDK's HEALTH_CHECK_URL_POSTFIX;
 * main branch, not pinned, read through the code index).
 */
export const opik: CatalogEntry = {
  service: 'opik',
  name: 'Opik',
  category: 'ml-platform',
  ports: [5173],
  sources: [
    'https://github.com/comet-ml/opik/blob/main/apps/opik-backend/src/main/java/com/comet/opik/api/resources/v1/internal/IsAliveResource.java',
    'https://www.comet.com/docs/opik/self-host/overview',
  ],
  checkedAgainst: { evidence: 'source', release: 'main, file-level: opik-backend infrastructure/health/IsAliveResource.java bea01f4' },
  exposes: 'LLM traces (prompts and outputs), datasets, prompts and the configured provider keys',
  identify: [
    {
      request: { path: '/api/is-alive/ping' },
      match: { status: 200, json: [{ path: 'message', equals: 'Healthy Server' }, { path: 'healthy', equals: true }] },
      confirm: { request: { path: '/api/is-alive/ver' }, match: { status: 200, json: [{ path: 'version', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/private/projects' },
      match: { status: 200, json: [{ path: 'content', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/private/projects -> {status}: {count:content[]} projects readable without credentials (open-source Opik has no accounts)',
    },
    {
      request: { path: '/api/v1/private/projects' },
      match: { status: [401, 403] },
      auth: 'required',
      evidence: 'GET /api/v1/private/projects -> {status} (authenticated deployment or proxy)',
    },
  ],
  version: [{ request: { path: '/api/is-alive/ver' }, json: 'version' }],
  // docs "Self-hosting Opik > Overview": the open-source deployment has no authentication; keep it on a private network.
  remediation: {
    fix: 'Self-hosted open-source Opik has no user authentication: keep it on a private network or behind an authenticating reverse proxy, and do not publish port 5173 or the backend port.',
    settings: ['private network / authenticating reverse proxy'],
    docs: 'https://www.comet.com/docs/opik/self-host/overview',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/v1/private/projects' }, match: { status: 200, json: [{ path: 'content', type: 'array' }] }, json: 'content[].name' }],
};
