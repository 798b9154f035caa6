import type { CatalogEntry } from '../catalog-schema.js';

/**
 * One API (songquanpeng), an LLM key relay and billing gateway holding upstream provider keys,
 * port 3000. On first start it creates the root user `root` / `123456` (a default only a login
 * POST can prove: named in the evidence, and tried only when default-credential checks are on). The relay needs a token.
 * - `GET /api/status` (public): `{"success": true, "message": "", "data": {"version",
 *   "start_time", "system_name" (default "One API"), "quota_per_unit", "top_up_link",
 *   "chat_link", "display_in_currency", ...}}`, without New API's `setup` /
 *   `self_use_mode_enabled` (New API, its fork, has its own entry).
 * - `GET /v1/models` without a token: `TokenAuth` -> `abortWithMessage` 401
 *   `{"error": {"message": "未提供令牌 (request id: ...)", "type": "one_api_error"}}`.
 * Markers: the status document's One API field set, confirmed by the relay's `one_api_error`. Version: `data.version`.
 * Read from source at v0.6.11-alpha.22-1-g8df4a26 (songquanpeng/one-api, 2025-02-21): controller/misc.go (`GetStatus`),
 * router/relay.go (`/v1/models` behind `TokenAuth`), middleware/auth.go, middleware/utils.go (`abortWithMessage`),
 * model/token.go (`ValidateUserToken`), common/config/config.go (SystemName), model/main.go (root user created at first start).
 */
export const oneApi: CatalogEntry = {
  service: 'one-api',
  name: 'One API',
  category: 'ai-gateway',
  ports: [3000],
  sources: [
    'https://github.com/songquanpeng/one-api/blob/main/controller/misc.go',
    'https://github.com/songquanpeng/one-api/blob/main/middleware/utils.go',
    'https://github.com/songquanpeng/one-api/blob/main/model/main.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.6.11-alpha.22-1-g8df4a26' },
  exposes: 'an LLM relay holding upstream provider keys, its admin console and billing',
  identify: [
    {
      request: { path: '/api/status' },
      match: {
        status: 200,
        json: [
          { path: 'success', equals: true },
          { path: 'data.quota_per_unit', type: 'number' },
          { path: 'data.chat_link', exists: true },
          { path: 'data.top_up_link', exists: true },
          { path: 'data.display_in_currency', type: 'boolean' },
        ],
        bodyExcludes: ['"setup":', '"self_use_mode_enabled":'],
      },
      // The relay's own error type confirms: an older New API (its fork, `new_api_error`) whose status lacks `setup`
      // is not taken for One API.
      confirm: { request: { path: '/v1/models' }, match: { status: 401, json: [{ path: 'error.type', equals: 'one_api_error' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error.type', equals: 'one_api_error' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} one_api_error (relay needs a token); the console root user is created as root/123456 at first start: change it',
    },
  ],
  version: [{ request: { path: '/api/status' }, json: 'data.version' }],
  // Opt-in only (--check-default-credentials): the root/123456 default can be proven only through
  // the console's own login, so that one request is sent and nothing else. controller/user.go
  // `Login` (router/api-router.go: POST /api/user/login, JSON {username, password}) answers 200
  // either way: `{"success": true, "data": {id, username, role, ...}}` on success, `"success":
  // false` with a message otherwise. Read from source at v0.6.11-alpha.22-1-g8df4a26.
  defaultCredentials: [
    {
      credential: 'root/123456 (One API root user created at first start)',
      request: { method: 'POST', path: '/api/user/login', body: '{"username":"root","password":"123456"}' },
      match: { status: 200, json: [{ path: 'success', equals: true }, { path: 'data.username', equals: 'root' }] },
    },
  ],
  // README "部署" / "默认账号": root / 123456, change the password after the first login; relay tokens are per user.
  remediation: {
    fix: "Log in as root and replace the default password 123456 at once, keep registration closed unless needed, and keep the console off public addresses; relay calls need a user's token.",
    settings: ['root password changed from 123456', 'RegisterEnabled=false'],
    docs: 'https://github.com/songquanpeng/one-api#deployment',
    allows: ['spend-api-keys', 'admin', 'read-data'],
  },
};
