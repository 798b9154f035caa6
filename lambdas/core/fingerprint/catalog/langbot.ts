import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LangBot (LLM chatbot platform wiring models, agents, knowledge bases and plugins to QQ, WeChat,
 * Telegram, Discord, Slack, ...), Quart web UI + API on port 5300 (templates/config.yaml
 * `api.port: 5300`, docker-compose `5300:5300`). Every response is `{"code", "msg", "data"}`.
 * - `GET /api/v1/system/info` (AuthType.NONE): `{"code": 0, "msg": "ok", "data": {"version":
 *   "v<langbot>", "debug", "edition": "community", "enable_marketplace", "cloud_service_url", ...}}`.
 * - `GET /api/v1/user/init` (AuthType.NONE): `{"code": 0, "msg": "ok", "data": {"initialized":
 *   <bool>}}`: the second marker, and the auth signal: while no user exists, `POST
 *   /api/v1/user/init` creates the first account without any credential, so whoever sends it owns
 *   the instance (its bots, model keys and plugins).
 * - Once initialized every other route needs a user token or API key: `GET /api/v1/platform/bots`
 *   -> 401 `{"code": -1, "msg": "No valid authentication provided (user token or API key required)"}`.
 * Read from source at v4.10.8-10-g962366c (langbot-app/LangBot): src/langbot/pkg/api/http/controller/group.py
 * (auth types, success/http_status), controller/groups/system.py (/info), controller/groups/user.py (/init),
 * controller/groups/platform/bots.py, pkg/utils/constants.py (semantic_version, edition), templates/config.yaml,
 * docker/docker-compose.yaml.
 */
export const langbot: CatalogEntry = {
  service: 'langbot',
  name: 'LangBot',
  category: 'agent-builder',
  ports: [5300],
  sources: [
    'https://github.com/langbot-app/LangBot/blob/962366c5072d385afb94f9a1088872983c543fa8/src/langbot/pkg/api/http/controller/groups/system.py',
    'https://github.com/langbot-app/LangBot/blob/962366c5072d385afb94f9a1088872983c543fa8/src/langbot/pkg/api/http/controller/groups/user.py',
    'https://github.com/langbot-app/LangBot/blob/962366c5072d385afb94f9a1088872983c543fa8/src/langbot/pkg/api/http/controller/group.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.10.8-10-g962366c' },
  exposes: 'bots connected to messaging platforms, their model provider keys, pipelines, knowledge bases and plugins',
  identify: [
    {
      request: { path: '/api/v1/system/info' },
      match: {
        status: 200,
        json: [
          { path: 'code', equals: 0 },
          { path: 'data.version', type: 'string' },
          { path: 'data.edition', type: 'string' },
          { path: 'data.cloud_service_url', type: 'string' },
          { path: 'data.enable_marketplace', type: 'boolean' },
        ],
      },
      confirm: { request: { path: '/api/v1/user/init' }, match: { status: 200, json: [{ path: 'code', equals: 0 }, { path: 'data.initialized', type: 'boolean' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/user/init' },
      match: { status: 200, json: [{ path: 'data.initialized', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/v1/user/init -> initialized false: no account yet, the first POST /api/v1/user/init creates it without credentials and owns the instance (unclaimed)',
    },
    {
      request: { path: '/api/v1/platform/bots' },
      match: { status: 401, json: [{ path: 'code', equals: -1 }, { path: 'msg', contains: 'No valid authentication provided' }] },
      auth: 'required',
      evidence: 'GET /api/v1/platform/bots -> {status} "No valid authentication provided" (initialized: user token or API key required)',
    },
  ],
  version: [{ request: { path: '/api/v1/system/info' }, json: 'data.version', regex: '^v?(\\d+\\.\\d+\\.\\d+\\S*)$' }],
  // README / docs (docs.langbot.app): the first visitor of the web UI initializes the admin account (controller/groups/user.py /init).
  remediation: {
    fix: 'Initialize LangBot (create the admin account) immediately after deploying, before the port is reachable, and keep the web UI/API on a private network or behind an authenticating proxy; only the bot webhook paths need to be public.',
    settings: ['admin account initialized in the web UI right after the first start'],
    docs: 'https://docs.langbot.app/',
    allows: ['read-data', 'write-data', 'spend-api-keys', 'admin'],
  },
};
