import type { CatalogEntry } from '../catalog-schema.js';

/** `user:password`, the `basicAuthUser` shipped in default/config.yaml. */
const DEFAULT_BASIC = 'Basic dXNlcjpwYXNzd29yZA==';

/**
 * SillyTavern (Express, default port 8000; listens on localhost only and whitelists 127.0.0.1
 * unless reconfigured). Answers, in middleware order:
 * - `basicAuthMode`: every path 401 with `WWW-Authenticate: Basic realm="SillyTavern", charset="UTF-8"`.
 * - `whitelistMode` and a caller outside the whitelist: 403 "<b>Forbidden</b>: Connection attempt
 *   from <b>ip</b>. ... disable whitelist mode in config.yaml in root of SillyTavern folder." (newer
 *   releases render an error page template instead; unverified that it names SillyTavern).
 * - `public/manifest.json` is static (`{"name": "SillyTavern", "short_name": "SillyTavern", ...}`)
 *   and served before the login check; unknown paths get Express's 404.
 * - `GET /version` -> `{"agent": "SillyTavern:<pkgVersion>:Cohee#1207", "pkgVersion", "gitRevision",
 *   "gitBranch", "commitDate", "isLatest"}`, behind `requireLoginMiddleware` (403 with user
 *   accounts on and no session).
 * Open when `/version` answers without credentials: characters, chats and the stored API keys of
 * every connected backend are reachable.
 * Default credential: default/config.yaml ships `basicAuthUser: {username: "user", password:
 * "password"}`, used whenever basic-auth mode is switched on without changing it.
 * Sources (SillyTavern/SillyTavern):
 * - server.js / src/server-main.js: middleware order, `app.get('/version')`.
 * - src/middleware/basicAuth.js, src/middleware/whitelist.js; src/users.js (`requireLoginMiddleware`).
 * - src/util.js: `getVersion`; public/manifest.json; default/config.yaml (port, whitelist, basicAuthUser).
 */
export const sillytavern: CatalogEntry = {
  service: 'sillytavern',
  name: 'SillyTavern',
  category: 'chat-ui',
  ports: [8000],
  sources: [
    'https://github.com/SillyTavern/SillyTavern/blob/release/server.js',
    'https://github.com/SillyTavern/SillyTavern/blob/release/src/middleware/basicAuth.js',
    'https://github.com/SillyTavern/SillyTavern/blob/release/src/middleware/whitelist.js',
    'https://github.com/SillyTavern/SillyTavern/blob/release/src/util.js',
    'https://github.com/SillyTavern/SillyTavern/blob/release/default/config.yaml',
  ],
  checkedAgainst: { evidence: 'source', release: '1.12.6-6-gba6f7b7a9 (2024-09-28)' },
  exposes: 'characters, chats and the API keys of every connected model backend',
  identify: [
    { request: { path: '/version' }, match: { status: 200, json: [{ path: 'agent', contains: 'SillyTavern:' }, { path: 'pkgVersion', type: 'string' }] } },
    { request: { path: '/manifest.json' }, match: { status: 200, json: [{ path: 'name', equals: 'SillyTavern' }, { path: 'short_name', equals: 'SillyTavern' }] } },
    { request: { path: '/' }, match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'realm="SillyTavern"' }] } },
    { request: { path: '/' }, match: { status: 403, bodyContains: ['SillyTavern', 'whitelist'] } },
  ],
  auth: [
    {
      request: { path: '/version' },
      match: { status: 200, json: [{ path: 'agent', contains: 'SillyTavern:' }] },
      auth: 'none',
      evidence: 'GET /version -> {status} without credentials ({json:agent}): no basic auth, whitelist or user accounts in the way',
    },
    {
      request: { path: '/' },
      match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'realm="SillyTavern"' }] },
      auth: 'required',
      evidence: 'GET / -> {status} Basic realm="SillyTavern" (basicAuthMode)',
    },
    {
      request: { path: '/' },
      match: { status: 403, bodyContains: ['whitelist'] },
      auth: 'required',
      evidence: 'GET / -> {status}: caller not in the IP whitelist (whitelistMode)',
    },
    {
      request: { path: '/version' },
      match: { status: 403 },
      auth: 'required',
      evidence: 'GET /version -> {status}: user accounts on, a login session is required',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'pkgVersion' }],
  defaultCredentials: [
    {
      credential: 'user:password (basicAuthUser in the shipped default/config.yaml)',
      request: { path: '/version', headers: { authorization: DEFAULT_BASIC } },
      match: { status: 200, json: [{ path: 'agent', contains: 'SillyTavern:' }] },
    },
  ],
  // docs.sillytavern.app/administration/config-yaml and default/config.yaml: listen, whitelistMode/whitelist,
  // basicAuthMode/basicAuthUser, enableUserAccounts.
  remediation: {
    fix: 'In config.yaml set listen: false (or keep whitelistMode: true with only your own addresses), and if remote access is needed turn on basicAuthMode: true with your own basicAuthUser (not user/password) or enableUserAccounts: true with passwords.',
    settings: ['listen: false', 'whitelistMode: true', 'basicAuthMode: true', 'basicAuthUser: { username: <user>, password: <password> }', 'enableUserAccounts: true'],
    docs: 'https://docs.sillytavern.app/administration/config-yaml',
    allows: ['spend-api-keys', 'read-data', 'write-data'],
  },
};
