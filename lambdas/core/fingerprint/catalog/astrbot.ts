import type { CatalogEntry } from '../catalog-schema.js';

/**
 * AstrBot dashboard (chatbot / agent platform with plugins), port 6185, binding 0.0.0.0 by default.
 * The dashboard always needs a login (JWT); a few routes stay public before login
 * (server.py `auth_middleware` allow-list):
 * - `GET /api/auth/setup-status`: `{"status": "ok", "message": null, "data": {"setup_required",
 *   "skip_default_password_auth", "password_upgrade_required"}}`. `setup_required` is true while the
 *   dashboard still has its default account (username `astrbot` with the default password) or a
 *   generated first password that must be changed: the two cannot be told apart without logging
 *   in, so it is reported in the evidence and the state stays `required`.
 * - `GET /api/stat/versions`: `{"status": "ok", "data": {"webui_version", "astrbot_version",
 *   "astrbot_code_version"}}` (StatService.get_public_versions, "safe to expose before login").
 * Two markers: the setup-status document, confirmed by the public versions document.
 * Read from source at v4.27.4-2-g19d00fb (AstrBotDevs/AstrBot, 2026-08-21): astrbot/dashboard/server.py (auth allow-list),
 * astrbot/dashboard/api/auth.py (`/api/auth/setup-status`), astrbot/dashboard/services/auth_service.py (`setup_status`,
 * `is_setup_required`), astrbot/dashboard/api/stats.py + services/stat_service.py (`/api/stat/versions`),
 * astrbot/dashboard/responses.py (`ok`), astrbot/core/config/default.py (port 6185).
 */
export const astrbot: CatalogEntry = {
  service: 'astrbot',
  name: 'AstrBot dashboard',
  category: 'agent-builder',
  ports: [6185],
  sources: [
    'https://github.com/AstrBotDevs/AstrBot/blob/master/astrbot/dashboard/server.py',
    'https://github.com/AstrBotDevs/AstrBot/blob/master/astrbot/dashboard/services/auth_service.py',
    'https://github.com/AstrBotDevs/AstrBot/blob/master/astrbot/dashboard/services/stat_service.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.27.4-2-g19d00fb' },
  exposes: 'the bot dashboard: provider keys, plugins (code) and chat platforms, behind its login',
  identify: [
    {
      request: { path: '/api/auth/setup-status' },
      match: {
        status: 200,
        json: [
          { path: 'status', equals: 'ok' },
          { path: 'data.setup_required', type: 'boolean' },
          { path: 'data.skip_default_password_auth', type: 'boolean' },
        ],
      },
      confirm: { request: { path: '/api/stat/versions' }, match: { status: 200, json: [{ path: 'data.astrbot_version', type: 'string' }, { path: 'data.webui_version', exists: true }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/auth/setup-status' },
      match: { status: 200, json: [{ path: 'data.setup_required', type: 'boolean' }] },
      auth: 'required',
      evidence: 'dashboard behind its login; GET /api/auth/setup-status -> setup_required {json:data.setup_required} (true: still on the default or a generated first password)',
    },
  ],
  version: [{ request: { path: '/api/stat/versions' }, json: 'data.astrbot_version' }],
  // docs "Deploy" / dashboard: change the default dashboard account at first login; bind dashboard.host to 127.0.0.1.
  remediation: {
    fix: 'Log in and replace the default dashboard account (username astrbot) with a strong password at once, and bind the dashboard to 127.0.0.1 (dashboard.host) unless it must be reached remotely.',
    settings: ['dashboard.username / password changed', 'dashboard.host: 127.0.0.1'],
    docs: 'https://docs.astrbot.app/',
    allows: ['admin', 'spend-api-keys', 'run-code'],
  },
};
