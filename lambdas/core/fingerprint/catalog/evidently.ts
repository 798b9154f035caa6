import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Evidently UI (self-hosted ML / LLM evaluation and monitoring service), port 8000 (`evidently ui`).
 * Reads are never gated: the optional secret (`--secret` / `EVIDENTLY_SECRET`, sent by clients as
 * the `evidently-secret` header) only guards the write routers (`guards=[guard]` on add / update /
 * delete); the read routers (projects, snapshots, dashboards, datasets) have no guard. So every
 * reachable instance lists its projects and their reports (often with raw production data).
 * - `GET /api/version`: `{"application": "Evidently UI", "version", "commit"}`.
 * - `GET /`: the UI (`<title>Evidently - ...</title>`): the second marker.
 * - `GET /api/projects`: `[{"id", "name", "description", ...}]`.
 * Read from source at v0.7.21 (evidentlyai/evidently, a4aa4c2, 2026-05-02): src/evidently/ui/service/api/service.py (`version`,
 * EVIDENTLY_APPLICATION_NAME), src/evidently/ui/service/api/projects.py (`list_projects`, read vs write routers),
 * src/evidently/ui/service/components/security.py (`get_auth_guard`), src/evidently/ui/service/security/token.py
 * (`evidently-secret`), src/evidently/ui/service/app.py (port 8000, secret), src/evidently/ui/service/assets/index.html.
 */
export const evidently: CatalogEntry = {
  service: 'evidently',
  name: 'Evidently UI',
  category: 'ml-platform',
  ports: [8000],
  sources: [
    'https://github.com/evidentlyai/evidently/blob/main/src/evidently/ui/service/api/service.py',
    'https://github.com/evidentlyai/evidently/blob/main/src/evidently/ui/service/api/projects.py',
    'https://github.com/evidentlyai/evidently/blob/main/src/evidently/ui/service/components/security.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.7.21 (evidentlyai/evidently, a4aa4c2, 2026-05-02)' },
  exposes: 'evaluation and monitoring projects, their reports, snapshots and datasets (often raw production inputs and outputs)',
  identify: [
    {
      request: { path: '/api/version' },
      match: { status: 200, json: [{ path: 'application', equals: 'Evidently UI' }, { path: 'version', type: 'string' }, { path: 'commit', type: 'string' }] },
      confirm: { request: { path: '/' }, match: { status: 200, bodyContains: ['<title>Evidently'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/projects' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/projects -> {status}: {count:[]} projects readable; Evidently reads have no authentication (the secret guards writes only)',
    },
  ],
  version: [{ request: { path: '/api/version' }, json: 'version' }],
  // docs "Self-hosting" (docs/setup/self-hosting): the open-source UI has no user auth; --secret protects writes from the
  // SDK only. Run it on a private network behind an authenticating proxy.
  remediation: {
    fix: 'The open-source Evidently UI has no login for reads: bind it to localhost or a private network and put an authenticating reverse proxy in front; also set a secret so that writes need it.',
    settings: ['evidently ui --host 127.0.0.1', 'evidently ui --secret <value> (EVIDENTLY_SECRET)', 'authenticating reverse proxy'],
    docs: 'https://docs.evidentlyai.com/docs/setup/self-hosting',
    allows: ['read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/projects' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].name' }],
};
