import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Devika (stitionai), an agentic coding assistant: Flask + Socket.IO backend on 0.0.0.0:1337 with
 * no authentication. Its `GET /api/settings` returns the whole config.toml, provider API keys
 * included, and `POST /api/settings` rewrites it; agents run code in the project folders.
 * - `GET /api/status`: `{"status": "server is running!"}`.
 * - `GET /api/data`: `{"projects": [...], "models": {...}, "search_engines": ["Bing", "Google", "DuckDuckGo"]}`.
 * Read from source at 80bb343 (stitionai/devika, 2025-09-25): devika.py (routes, `socketio.run(..., port=1337, host="0.0.0.0")`).
 */
export const devika: CatalogEntry = {
  service: 'devika',
  name: 'Devika',
  category: 'agent-builder',
  ports: [1337],
  openSeverity: 'critical',
  sources: ['https://github.com/stitionai/devika/blob/main/devika.py'],
  checkedAgainst: { evidence: 'source', release: '80bb343 (stitionai/devika, 2025-09-25)' },
  exposes: 'the provider API keys in its settings, projects, and agents that write and run code on the host',
  identify: [
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'status', equals: 'server is running!' }] },
      confirm: {
        request: { path: '/api/data' },
        match: { status: 200, json: [{ path: 'projects', type: 'array' }, { path: 'search_engines', type: 'array' }, { path: 'search_engines[]', equals: 'DuckDuckGo' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/data' },
      match: { status: 200, json: [{ path: 'projects', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/data -> {status}: {count:projects[]} projects listed; Devika has no authentication (GET /api/settings returns the API keys)',
    },
  ],
  // README: run locally; the backend has no login, so keep it on localhost or behind an authenticating proxy.
  remediation: {
    fix: 'Devika has no authentication: run it on a workstation bound to 127.0.0.1 (it listens on 0.0.0.0:1337), or reach it through an SSH tunnel or authenticating proxy.',
    settings: ['bind 127.0.0.1:1337 (devika.py socketio.run host)', 'authenticating reverse proxy'],
    docs: 'https://github.com/stitionai/devika#readme',
    allows: ['run-code', 'spend-api-keys', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/data' }, json: 'projects[]' }],
};
