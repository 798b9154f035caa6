import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Sub2API ("AI API Gateway": relays Claude/OpenAI/Gemini subscriptions as API keys), port 8080.
 * On first start, with no config.yaml and no `.installed` lock, it runs a setup server whose
 * `POST /setup/install` (no auth) writes the database, Redis and admin account that whoever calls it
 * first chooses: an unclaimed instance (`none`). After setup the main server needs an API key on
 * the relay (`/v1/*`) and a JWT login on the console (`required`).
 * - `GET /setup/status`: setup mode `{"code": 0, "message": "success", "data": {"needs_setup": true, "step": "welcome"}}`;
 *   main server `{"code": 0, "data": {"needs_setup": false, "step": "completed"}}`.
 * - `GET /` (embedded Vue build, both modes): `<title>Sub2API - AI API Gateway</title>`.
 * - `GET /api/v1/settings/public` (main server): `data.version`, `data.site_name`, `data.registration_enabled`.
 * - `GET /v1/models` without a key: 401 `{"code": "API_KEY_REQUIRED", ...}`.
 * Markers: installed, the setup-status stub (`step: "completed"`) confirmed by the public settings document; in setup
 * mode, the wizard status (`step: "welcome"`) confirmed by the UI's `/logo.png` (every other page is the SPA's index.html,
 * which the engine's canary check discards).
 * Read from source at v0.1.27-1-gd3e73f1 (Wei-Shaw/sub2api, 2025-12-27): backend/cmd/server/main.go (setup server when
 * setup.NeedsSetup()), backend/internal/setup/handler.go (GET /setup/status, setupGuard on install), backend/internal/setup/setup.go
 * (NeedsSetup), backend/internal/server/routes/common.go (/setup/status in normal mode), backend/internal/server/routes/auth.go
 * (/api/v1/settings/public), backend/internal/handler/dto/settings.go (PublicSettings), backend/internal/server/middleware/api_key_auth.go,
 * frontend/index.html (title), frontend/public/logo.png, backend/internal/web/embed_on.go (real files served,
 * other non-API paths get index.html), README.md (port 8080).
 */
export const sub2api: CatalogEntry = {
  service: 'sub2api',
  name: 'Sub2API',
  category: 'ai-gateway',
  ports: [8080],
  sources: [
    'https://github.com/Wei-Shaw/sub2api/blob/main/backend/internal/setup/handler.go',
    'https://github.com/Wei-Shaw/sub2api/blob/main/backend/internal/server/routes/common.go',
    'https://github.com/Wei-Shaw/sub2api/blob/main/backend/cmd/server/main.go',
    'https://github.com/Wei-Shaw/sub2api/blob/main/backend/internal/web/embed_on.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.1.27-1-gd3e73f1 (Wei-Shaw/sub2api, 2025-12-27)' },
  exposes: 'a relay of Claude/OpenAI/Gemini subscription accounts, its admin console and billing',
  identify: [
    // Installed: the setup stub plus the public settings document (Sub2API's own field set).
    {
      request: { path: '/setup/status' },
      match: { status: 200, json: [{ path: 'code', equals: 0 }, { path: 'data.needs_setup', equals: false }, { path: 'data.step', equals: 'completed' }] },
      confirm: {
        request: { path: '/api/v1/settings/public' },
        match: {
          status: 200,
          json: [
            { path: 'data.registration_enabled', type: 'boolean' },
            { path: 'data.turnstile_enabled', type: 'boolean' },
            { path: 'data.api_base_url', type: 'string' },
            { path: 'data.contact_info', type: 'string' },
          ],
        },
      },
    },
    // Setup server: only the wizard status and the embedded UI answer. Every page is the same index.html
    // (the canary check discards it), so the second marker is the UI's own /logo.png, a real file.
    {
      request: { path: '/setup/status' },
      match: {
        status: 200,
        json: [{ path: 'code', equals: 0 }, { path: 'message', equals: 'success' }, { path: 'data.needs_setup', equals: true }, { path: 'data.step', equals: 'welcome' }],
      },
      confirm: { request: { path: '/logo.png' }, match: { status: 200, headers: [{ name: 'content-type', contains: 'image/png' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/setup/status' },
      match: { status: 200, json: [{ path: 'data.needs_setup', equals: true }] },
      auth: 'none',
      evidence: 'GET /setup/status -> {status} "needs_setup": true: the setup wizard is open, the first caller of /setup/install chooses the database and admin account (unclaimed)',
    },
    {
      request: { path: '/setup/status' },
      match: { status: 200, json: [{ path: 'data.needs_setup', equals: false }] },
      auth: 'required',
      evidence: 'GET /setup/status -> {status} "needs_setup": false: installed; the relay needs an API key and the console a login',
    },
  ],
  version: [{ request: { path: '/api/v1/settings/public' }, match: { status: 200, json: [{ path: 'data.version', type: 'string' }] }, json: 'data.version' }],
  // README "Installation": finish the web setup wizard (or use AUTO_SETUP / `--setup`) before the port is reachable.
  remediation: {
    fix: 'Finish installation before the port is reachable (run the setup wizard on localhost, or preconfigure with AUTO_SETUP environment variables / `sub2api --setup`), and keep the console off public addresses.',
    settings: ['AUTO_SETUP=true', 'sub2api --setup', 'SERVER_HOST=127.0.0.1'],
    docs: 'https://github.com/Wei-Shaw/sub2api#readme',
    allows: ['admin', 'spend-api-keys', 'read-data'],
  },
};
