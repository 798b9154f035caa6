import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Google Agent Development Kit dev server (`adk web` / `adk api_server`), port 8000. It has no
 * authentication: anyone reaching it lists the agents, reads their sessions and runs them.
 * - `GET /openapi.json`: FastAPI's document with ADK's own routes, `/list-apps` and
 *   `/apps/{app_name}/users/{user_id}/sessions` (both read as markers).
 * - `GET /list-apps`: a JSON array of agent directory names.
 * - `adk web` also serves the Angular dev UI at `/dev-ui/` ("Agent Development Kit Dev UI";
 *   `/` redirects there), confirmed by `/list-apps`.
 * No route names the ADK version (FastAPI's default OpenAPI version).
 * Read from source at v1.4.2-3-g7c670f6 (google/adk-python, 2025-06-20): src/google/adk/cli/fast_api.py (`get_fast_api_app`:
 * `/list-apps`, session routes, `/` -> `/dev-ui/`), src/google/adk/cli/browser/index.html, src/google/adk/cli/cli_tools_click.py (port 8000).
 */
export const googleAdk: CatalogEntry = {
  service: 'google-adk',
  name: 'Google ADK dev server',
  category: 'agent-builder',
  ports: [8000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/google/adk-python/blob/main/src/google/adk/cli/fast_api.py',
    'https://github.com/google/adk-python/blob/main/src/google/adk/cli/browser/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.4.2-3-g7c670f6' },
  exposes: 'agents to run with their tools and credentials, and their sessions',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'paths./list-apps.get', type: 'object' }, { path: 'paths./apps/{app_name}/users/{user_id}/sessions', type: 'object' }] },
    },
    {
      request: { path: '/dev-ui/' },
      match: { status: 200, bodyContains: ['<title>Agent Development Kit Dev UI</title>'] },
      confirm: { request: { path: '/list-apps' }, match: { status: 200, json: [{ path: '', type: 'array' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/list-apps' },
      match: { status: 200, json: [{ path: '', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /list-apps -> {status}: {count:[]} agents listed; the ADK dev server has no authentication',
    },
  ],
  // docs "Deploy" (adk deploy cloud_run / GKE): `adk web` and `adk api_server` are local development servers;
  // deployed agents go behind Cloud Run / IAM authentication.
  remediation: {
    fix: 'The ADK dev server has no authentication: run adk web / adk api_server on localhost only (--host 127.0.0.1) and deploy agents behind an authenticating platform (Cloud Run with IAM, or a proxy).',
    settings: ['--host 127.0.0.1'],
    docs: 'https://google.github.io/adk-docs/deploy/',
    allows: ['run-code', 'read-data', 'spend-api-keys'],
  },
  inventory: [{ kind: 'app', request: { path: '/list-apps' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[]' }],
};
