import type { CatalogEntry } from '../catalog-schema.js';

/**
 * New API (QuantumNous), the One API fork: an LLM key relay and billing gateway, port 3000. A
 * fresh install has no root user: `constant.Setup` is false and the setup wizard's `POST
 * /api/setup` (no auth) creates the root account for whoever calls it first, so `setup: false`
 * is an unclaimed instance (`none`). After setup the console needs a login and the relay a token.
 * - `GET /api/status` (public): `{"success": true, "data": {"version", "system_name",
 *   "quota_per_unit", "setup": <bool>, "self_use_mode_enabled", "demo_site_enabled", ...}}`.
 * - `GET /v1/models` without a token: 401 `{"error": {"message", "type": "new_api_error", ...}}`.
 * Markers: the status document (New API's `setup` / `self_use_mode_enabled` fields) and the relay's
 * `new_api_error` (the claimed verdict asks for it). Version: `data.version`.
 * Read from source at 002f912 (QuantumNous/new-api): controller/misc.go (`GetStatus`), controller/setup.go (`PostSetup`
 * sets constant.Setup = true), model/main.go (`CheckSetup`: no setup record and no root user -> Setup false),
 * relay error type `new_api_error`.
 */
export const newApi: CatalogEntry = {
  service: 'new-api',
  name: 'New API',
  category: 'ai-gateway',
  ports: [3000],
  sources: [
    'https://github.com/QuantumNous/new-api/blob/main/controller/misc.go',
    'https://github.com/QuantumNous/new-api/blob/main/controller/setup.go',
    'https://github.com/QuantumNous/new-api/blob/main/model/main.go',
  ],
  checkedAgainst: { evidence: 'source', release: '002f912' },
  exposes: 'an LLM relay holding upstream provider keys, its admin console and billing',
  identify: [
    {
      request: { path: '/api/status' },
      match: {
        status: 200,
        json: [
          { path: 'success', equals: true },
          { path: 'data.setup', type: 'boolean' },
          { path: 'data.self_use_mode_enabled', type: 'boolean' },
          { path: 'data.quota_per_unit', type: 'number' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/status' },
      match: { status: 200, json: [{ path: 'data.setup', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/status -> {status} "setup": false: no root user yet, the first visitor of /setup becomes the administrator (unclaimed)',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error.type', equals: 'new_api_error' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} new_api_error (relay needs a token); setup done, the console needs a login',
    },
  ],
  version: [{ request: { path: '/api/status' }, json: 'data.version' }],
  // docs "Installation" / first run: open the console and complete the setup wizard (root account) before exposing it.
  remediation: {
    fix: 'Complete the setup wizard (create the root account) before the console is reachable, keep registration closed unless needed, and keep the console off public addresses.',
    settings: ['setup wizard completed (root account created)', 'RegisterEnabled=false'],
    docs: 'https://docs.newapi.pro/installation/',
    allows: ['admin', 'spend-api-keys', 'read-data'],
  },
};
