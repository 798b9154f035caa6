import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Kong Gateway Admin API (the control plane of Kong AI Gateway; `admin_listen` defaults to
 * 127.0.0.1:8001 and 127.0.0.1:8444 ssl, so an answer on a routable address was exposed on purpose).
 * `GET /` answers `{"tagline": "Welcome to kong", "version", "edition": "community" | "enterprise",
 * "hostname", "node_id", "timers", "plugins": {"available_on_server": {name: {version, priority}},
 * "enabled_in_cluster": [names]}, "lua_version", "configuration": {...}, "pids"}`, with
 * `Server: kong/<version>` and `X-Kong-Admin-Latency`. The open-source Admin API has no
 * authentication at all (RBAC is Enterprise-only), so an answering Admin API is full gateway control:
 * routes, upstream credentials of the `ai-proxy` family, plugins. The bundled AI plugins (`ai-proxy`,
 * `ai-prompt-guard`, `ai-prompt-decorator`, `ai-request-transformer`, ...) show in `enabled_in_cluster`
 * once configured. Enterprise RBAC answers 401 on the Admin API; its body is not in the open-source
 * tree (unverified), so a locked Admin API is not identified.
 * Sources (Kong/kong):
 * - kong/api/routes/kong.lua: `GET /` payload (`tagline = "Welcome to " .. _KONG._NAME`).
 * - kong/meta.lua: `_NAME = "kong"`, `_SERVER_TOKENS`.
 * - kong/init.lua: admin header filter (`Server`, `X-Kong-Admin-Latency`).
 * - kong/templates/kong_defaults.lua: `admin_listen`.
 * - kong/plugins/ai-proxy, ai-prompt-guard, ...: bundled AI Gateway plugins.
 */
export const kong: CatalogEntry = {
  service: 'kong',
  name: 'Kong Gateway Admin API (AI Gateway)',
  category: 'ai-gateway',
  ports: [8001, 8444],
  sources: [
    'https://github.com/Kong/kong/blob/master/kong/api/routes/kong.lua',
    'https://github.com/Kong/kong/blob/master/kong/meta.lua',
    'https://github.com/Kong/kong/blob/master/kong/init.lua',
    'https://github.com/Kong/kong/blob/master/kong/templates/kong_defaults.lua',
  ],
  checkedAgainst: { evidence: 'source', release: 'main@22246ef28c (2026-07-01, after 3.9.3)' },
  exposes: 'full gateway control: routes, services, plugins and the upstream AI provider credentials',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'tagline', equals: 'Welcome to kong' }, { path: 'plugins.available_on_server', type: 'object' }] },
    },
  ],
  auth: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'tagline', equals: 'Welcome to kong' }, { path: 'plugins.enabled_in_cluster[]', equals: 'ai-proxy' }] },
      auth: 'none',
      evidence: 'GET / -> {status} Admin API without credentials; AI Gateway in use (ai-proxy enabled, {count:plugins.enabled_in_cluster[]} plugins enabled)',
    },
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'tagline', equals: 'Welcome to kong' }] },
      auth: 'none',
      evidence: 'GET / -> {status} Admin API without credentials ({json:edition} edition, {count:plugins.enabled_in_cluster[]} plugins enabled)',
    },
  ],
  version: [{ request: { path: '/' }, json: 'version' }],
  // developer.konghq.com "Secure the Admin API": keep `admin_listen` on 127.0.0.1 (the default), or expose the Admin
  // API only through Kong itself (loopback service + key-auth/ACL). RBAC is Enterprise-only.
  remediation: {
    fix: 'Bind the Admin API back to localhost (admin_listen = 127.0.0.1:8001, 127.0.0.1:8444 ssl, or KONG_ADMIN_LISTEN) and, if remote administration is needed, expose it only through a Kong route protected by key-auth and ACL.',
    settings: ['admin_listen = 127.0.0.1:8001, 127.0.0.1:8444 ssl', 'KONG_ADMIN_LISTEN=127.0.0.1:8001'],
    docs: 'https://developer.konghq.com/gateway/secure-the-admin-api',
    allows: ['admin', 'spend-api-keys', 'read-data', 'write-data'],
  },
};
