import type { CatalogEntry } from '../catalog-schema.js';

/**
 * VectorAdmin (Mintplex Labs), an admin UI for vector databases (Pinecone, Chroma, Qdrant,
 * Weaviate) holding their connection keys; Express backend and built UI on 3001 (`SERVER_PORT`).
 * Until an admin account exists, `GET /api/auth/auto-onboard` (the UI's first call) hands anyone a
 * one-hour JWT of the seeded root user: the instance is claimable. Once an admin exists it answers
 * `{"completed": true}` and a login is needed.
 * - `GET /api/utils/metrics` (public): `{"online": true, "version": <git sha or "--">, "storage":
 *   {"current", "capacity"}}`.
 * - `GET /api/system/setting/allow_account_creation/exists` (public, `validatedRequest` is a no-op):
 *   `{"label": "allow_account_creation", "exists": <bool>}`.
 * `GET /api/migrate` and `GET /api/env-dump` change state: never-request.ts lists them.
 * Read from source at 5cd91c3 (Mintplex-Labs/vector-admin, 2025-04-15): backend/index.js (`/api` router, SERVER_PORT
 * 3001, UI catch-all), backend/endpoints/auth.js (`/auth/auto-onboard`), backend/endpoints/system.js (`/utils/metrics`,
 * `/system/setting/:label/exists`, `/migrate`, `/env-dump`), backend/utils/metrics/index.js, backend/models/systemSettings.js,
 * backend/utils/middleware/validatedRequest.js, docker/docker-compose.yml.
 */
export const vectoradmin: CatalogEntry = {
  service: 'vectoradmin',
  name: 'VectorAdmin',
  category: 'vector-database',
  ports: [3001],
  sources: [
    'https://github.com/Mintplex-Labs/vector-admin/blob/master/backend/endpoints/auth.js',
    'https://github.com/Mintplex-Labs/vector-admin/blob/master/backend/endpoints/system.js',
  ],
  checkedAgainst: { evidence: 'source', release: '5cd91c3 (Mintplex-Labs/vector-admin, 2025-04-15)' },
  exposes: 'the connected vector databases (collections and documents, read and write) and their API keys',
  identify: [
    {
      request: { path: '/api/utils/metrics' },
      match: { status: 200, json: [{ path: 'online', equals: true }, { path: 'version', type: 'string' }, { path: 'storage.capacity', exists: true }] },
      confirm: {
        request: { path: '/api/system/setting/allow_account_creation/exists' },
        match: { status: 200, json: [{ path: 'label', equals: 'allow_account_creation' }, { path: 'exists', type: 'boolean' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/auth/auto-onboard' },
      match: { status: 200, json: [{ path: 'completed', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/auth/auto-onboard -> {status} completed: an admin account exists, login required',
    },
    {
      request: { path: '/api/auth/auto-onboard' },
      match: { status: 200, json: [{ path: 'valid', equals: true }, { path: 'token', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/auth/auto-onboard -> {status}: no admin yet, the root user\'s session token is handed to anyone (claimable)',
    },
  ],
  version: [{ request: { path: '/api/utils/metrics' }, json: 'version', regex: '^([0-9a-f]{7,40})$' }],
  // README "Onboarding": the first visitor completes onboarding and creates the admin account.
  remediation: {
    fix: 'Complete onboarding at once (create the admin account) and keep VectorAdmin on a private network: it holds the keys of every connected vector database.',
    settings: ['admin account created', 'bind port 3001 to 127.0.0.1 or a private network'],
    docs: 'https://github.com/Mintplex-Labs/vector-admin#readme',
    allows: ['admin', 'read-data', 'write-data'],
  },
};
