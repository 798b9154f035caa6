import type { CatalogEntry } from '../catalog-schema.js';

/**
 * 9Router (decolua/9router: one OpenAI/Anthropic-compatible endpoint in front of many AI
 * subscriptions and API keys, with a Next.js dashboard), port 20128. The dashboard and its key,
 * provider and settings APIs need a login unless the owner turned `requireLogin` off, which opens
 * them to anyone (`none`). The login password is `123456` until changed (INITIAL_PASSWORD); a
 * password check needs a login POST, so this entry does not test it. The relay (`/v1/*`) is a separate switch,
 * `requireApiKey` (REQUIRE_API_KEY, off by default), checked only inside the POST handlers and readable by no
 * public GET: `required` here means the dashboard is locked, and the evidence says the relay may still be open.
 * - `GET /api/settings/require-login` (always public): `{"requireLogin": <bool>, ...}` (newer builds add
 *   `tunnelDashboardAccess`, `tunnelUrl`, `tailscaleUrl`).
 * - `GET /login` (and every page): root layout title `9Router - AI Infrastructure Management`.
 * Markers: the require-login document, confirmed by the page title.
 * Read from source at v0.4.10-1-gb3fb20e2 (decolua/9router, 2026-04-29): src/app/api/settings/require-login/route.js,
 * src/dashboardGuard.js (PROTECTED_API_PATHS pass when requireLogin === false; /dashboard likewise), src/app/api/auth/login/route.js
 * (INITIAL_PASSWORD || "123456"), src/lib/localDb.js (requireLogin: true default), src/app/layout.js (title), package.json (port 20128).
 */
export const ninerouter: CatalogEntry = {
  service: '9router',
  name: '9Router',
  category: 'ai-gateway',
  ports: [20128],
  sources: [
    'https://github.com/decolua/9router/blob/master/src/app/api/settings/require-login/route.js',
    'https://github.com/decolua/9router/blob/master/src/dashboardGuard.js',
    'https://github.com/decolua/9router/blob/master/src/app/api/auth/login/route.js',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.4.10-1-gb3fb20e2 (decolua/9router, 2026-04-29)' },
  exposes: 'a router holding AI provider accounts and API keys, its dashboard and usage logs',
  identify: [
    {
      request: { path: '/api/settings/require-login' },
      match: { status: 200, json: [{ path: 'requireLogin', type: 'boolean' }] },
      confirm: { request: { path: '/login' }, match: { status: 200, bodyContains: ['9Router - AI Infrastructure Management'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/settings/require-login' },
      match: { status: 200, json: [{ path: 'requireLogin', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/settings/require-login -> {status} "requireLogin": false: the dashboard and its provider/key APIs are open to anyone',
    },
    {
      request: { path: '/api/settings/require-login' },
      match: { status: 200, json: [{ path: 'requireLogin', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/settings/require-login -> {status} "requireLogin": true: dashboard login required (default password 123456 until changed); whether /v1 needs an API key (requireApiKey, off by default) is not readable without a login',
    },
  ],
  // README environment table (JWT_SECRET, INITIAL_PASSWORD, REQUIRE_API_KEY) and dashboard settings: keep "Require login" on and change the initial password (INITIAL_PASSWORD, default 123456).
  remediation: {
    fix: 'Keep "Require login" on, change the initial password (default 123456), set your own JWT_SECRET and turn on "Require API key" for /v1; keep port 20128 off public addresses.',
    settings: ['requireLogin: true', 'REQUIRE_API_KEY=true', 'INITIAL_PASSWORD=<strong password>', 'JWT_SECRET=<random>'],
    docs: 'https://github.com/decolua/9router#readme',
    allows: ['admin', 'spend-api-keys', 'read-data'],
  },
};
