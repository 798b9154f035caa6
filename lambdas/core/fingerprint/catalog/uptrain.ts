import type { CatalogEntry } from '../catalog-schema.js';

/**
 * UpTrain dashboard backend (self-hosted LLM evaluation: projects, prompt experiments and their
 * datasets), port 4300. Its public API needs the `uptrain-access-token` header, but the server
 * creates one user at start-up whose key is the literal `default_key` (the dashboard UI sends it,
 * and `POST /api/public/user` hands it back), and nothing in the open-source server adds another:
 * anyone who knows the default reads and writes the evaluations (and the model keys stored with
 * them). The default is tried only with `--check-default-credentials`.
 * - `GET /openapi.json` (FastAPI default, a path many entries read): the UpTrain routes
 *   `/api/public/project_runs`, `/api/public/add_default_prompt`, `/api/internal/evaluation`.
 * - `GET /api/public/projects` without the header: 403 `{"detail": "Unspecified API key"}`
 *   (`validate_api_key_public`): the second marker.
 * Read from source at v0.7.1-5-g625d371 (uptrain-ai/uptrain, 2024-06-09): uptrain/dashboard/backend/app.py (`ACCESS_TOKEN`,
 * `_create_user(..., "default_key")`, `validate_api_key_public`, routers under `/api/public` and `/api/internal`,
 * `list_projects`, port 4300).
 */
export const uptrain: CatalogEntry = {
  service: 'uptrain',
  name: 'UpTrain dashboard',
  category: 'ml-platform',
  ports: [4300],
  sources: ['https://github.com/uptrain-ai/uptrain/blob/main/uptrain/dashboard/backend/app.py'],
  checkedAgainst: { evidence: 'source', release: 'v0.7.1-5-g625d371 (uptrain-ai/uptrain, 2024-06-09)' },
  exposes: 'LLM evaluation projects, prompt experiments and their datasets; new evaluation runs with the stored provider keys',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"/api/public/project_runs"', '"/api/public/add_default_prompt"', '"/api/internal/evaluation"'] },
      confirm: { request: { path: '/api/public/projects' }, match: { status: 403, json: [{ path: 'detail', equals: 'Unspecified API key' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/public/projects' },
      match: { status: 403 },
      auth: 'required',
      evidence: 'GET /api/public/projects -> {status} "{json:detail}" (uptrain-access-token needed; the server ships with the key default_key)',
    },
  ],
  defaultCredentials: [
    {
      credential: 'uptrain-access-token: default_key (the user UpTrain creates at start-up)',
      request: { path: '/api/public/projects', headers: { 'uptrain-access-token': 'default_key' } },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
    },
  ],
  // README "Method 1: Using the Locally Hosted Dashboard" (run_uptrain.sh): it runs on your local machine; the open-source server has no way to
  // replace default_key, so keep it on localhost or behind an authenticating proxy.
  remediation: {
    fix: 'The UpTrain dashboard accepts the built-in key default_key: run it on localhost only (publish 127.0.0.1:4300) or behind an authenticating reverse proxy, never on a public address.',
    settings: ['-p 127.0.0.1:4300:4300', 'authenticating reverse proxy'],
    docs: 'https://github.com/uptrain-ai/uptrain#method-1-using-the-locally-hosted-dashboard',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
