import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Streamlit app server. No authentication in the product (apps add their own, if any), so
 * identification is proof that the app is served to anyone. Every path that is not a `/_stcore/`
 * endpoint serves the SPA `index.html` titled "Streamlit"; unknown paths fall back to it as well,
 * so the page cannot identify (it equals any unknown path's answer). `GET /_stcore/host-config`
 * answers `{"allowedOrigins":[...],"useExternalAuthToken":false,...}` and `GET /_stcore/health`
 * "ok" (Tornado server). The Streamlit version is not exposed.
 * Sources (streamlit/streamlit):
 * - lib/streamlit/web/server/server.py: `_stcore/health`, `_stcore/host-config`, static handler.
 * - lib/streamlit/web/server/routes.py: `StaticFileHandler` (index fallback), `HealthHandler`,
 *   `HostConfigHandler`.
 * - frontend/app/public/index.html: `<title>Streamlit</title>`.
 * - lib/streamlit/config.py: `server.port` default 8501.
 */
export const streamlit: CatalogEntry = {
  service: 'streamlit',
  name: 'Streamlit app',
  category: 'demo-ui',
  ports: [8501],
  // Read from source, not recorded (release not pinned: the main branch as of 2026-12):
  // streamlit/web/server/server.py MAX_PORT_SEARCH_RETRIES = 100: "When server.port is not
  // available it will look for the next available port" (unless the port was set explicitly).
  alternatePorts: [8502, 8503, 8504, 8505],
  sources: [
    'https://github.com/streamlit/streamlit/blob/develop/lib/streamlit/web/server/server.py',
    'https://github.com/streamlit/streamlit/blob/develop/lib/streamlit/web/server/routes.py',
    'https://github.com/streamlit/streamlit/blob/develop/frontend/app/public/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: '1.39.1.dev20241023 (2db81f7f72, 2024-10-24)' },
  exposes: "the app's functions (whatever data, models or files the script reaches)",
  // The page answers every unknown path alike (a catch-all the engine's canary check discards).
  identify: [
    {
      request: { path: '/_stcore/host-config' },
      match: { status: 200, json: [{ path: 'allowedOrigins', type: 'array' }, { path: 'useExternalAuthToken', type: 'boolean' }] },
    },
  ],
  auth: [
    {
      request: { path: '/_stcore/host-config' },
      match: { status: 200, json: [{ path: 'allowedOrigins', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /_stcore/host-config -> {status} without credentials (no auth in Streamlit): app served to anyone',
    },
  ],
  // docs.streamlit.io configuration (config.toml `server.address`, `--server.address`); Streamlit has no
  // authentication of its own beyond what the app adds (st.login).
  remediation: {
    fix: 'Streamlit has no authentication of its own: bind the server to localhost (server.address = "127.0.0.1" or --server.address 127.0.0.1) and put an authenticating reverse proxy in front, or add login to the app itself.',
    settings: ['server.address = "127.0.0.1"', '--server.address 127.0.0.1'],
    docs: 'https://docs.streamlit.io/develop/api-reference/configuration/config.toml',
    allows: ['read-data'],
  },
};
