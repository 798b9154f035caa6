import type { CatalogEntry } from '../catalog-schema.js';

/**
 * ClearML server: API server on 8008 (endpoints are `/<service>.<action>`), web UI on 8080
 * (fileserver 8081). `debug.ping`, `server.info` and `login.supported_modes` need no credentials.
 * `debug.ping` answers `{"meta":{...},"data":{"msg":"ClearML server"}}`. Without `fixed_users`
 * (commented out in the default apiserver.conf) the web login is the "name only" screen: anyone can
 * sign in under any name and work with every project, so `basic.enabled: false` in
 * `login.supported_modes` is reported as `none`; with guest mode on, the same answer publishes the
 * guest username and password. A path that is not `<service>.<action>` (e.g. `/`) gets the envelope
 * with 400 "Invalid request path /", which identifies the API server without a dedicated request. The
 * web UI (`<title>ClearML</title>`, `<sm-root>`) is a catch-all SPA and cannot be told apart by its
 * page; its nginx is believed to forward `/api/...` to the API server (that config is not in the
 * indexed sources: unverified), which the `/api/...` probes rely on.
 * Sources (allegroai/clearml-server, allegroai/clearml-web):
 * - apiserver/services/debug.py: `debug.ping` -> `{"msg": "ClearML server"}`.
 * - apiserver/services/login/__init__.py: `login.supported_modes` -> `basic.enabled` (FixedUser.enabled()),
 *   `basic.guest{enabled,name,username,password}`, `authenticated`.
 * - apiserver/services/server/__init__.py + apiserver/schema/services/server.conf: `server.info`
 *   (`authorize = false`) -> `{"version","build","commit","uid","api_version"}`.
 * - apiserver/service_repo/service_repo.py `_endpoint_exp`, server_init/request_handlers.py (PathParsingError -> 400).
 * - apiserver/service_repo/apicall.py `get_response`: `{"meta":{id,trx,endpoint,result_code,
 *   result_subcode,result_msg,error_stack,error_data},"data":{...}}`.
 * - apiserver/service_repo/validators.py `validate_auth` (authorize false/null), apiserver/config/default/apiserver.conf
 *   (`fixed_users` commented out), docker/docker-compose.yml (ports 8008/8080/8081).
 * - allegroai/clearml-web src/index.html: `<title>ClearML</title>`, `<sm-root>`.
 * - maintainers in allegroai/clearml-server#3 and #17: without fixed users the login only asks for a name.
 */
export const clearml: CatalogEntry = {
  service: 'clearml',
  name: 'ClearML server',
  category: 'ml-platform',
  ports: [8008, 8080],
  openSeverity: 'critical',
  sources: [
    'https://github.com/allegroai/clearml-server/blob/master/apiserver/services/debug.py',
    'https://github.com/allegroai/clearml-server/blob/master/apiserver/services/login/__init__.py',
    'https://github.com/allegroai/clearml-server/blob/master/apiserver/services/server/__init__.py',
    'https://github.com/allegroai/clearml-server/blob/master/apiserver/service_repo/apicall.py',
    'https://github.com/allegroai/clearml-server/blob/master/apiserver/config/default/apiserver.conf',
    'https://github.com/allegroai/clearml-web/blob/master/src/index.html',
    'https://github.com/allegroai/clearml-server/issues/3',
  ],
  checkedAgainst: { evidence: 'source', release: 'clearml-server v2.0.0-1-g2976ce6 (2025-01-01)' },
  exposes: 'experiments, models, datasets, artifacts and task queues (queued tasks run code on agents)',
  identify: [
    // Any path that is not `<service>.<action>` gets the API server's envelope with 400 "Invalid request path".
    {
      request: { path: '/' },
      match: {
        status: 400,
        json: [
          { path: 'meta.result_msg', contains: 'Invalid request path' },
          { path: 'meta.trx', type: 'string' },
          { path: 'meta.endpoint', type: 'object' },
        ],
      },
    },
    // Web UI port: its nginx forwards /api/... to the API server (proxy config unverified).
    {
      request: { path: '/api/version' },
      match: {
        status: 400,
        json: [
          { path: 'meta.result_msg', contains: 'Invalid request path' },
          { path: 'meta.trx', type: 'string' },
          { path: 'meta.endpoint', type: 'object' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/login.supported_modes' },
      match: { status: 200, json: [{ path: 'data.basic.guest.enabled', equals: true }] },
      auth: 'none',
      evidence:
        'GET /login.supported_modes -> {status}: guest mode on, guest credentials published in the answer (username {json:data.basic.guest.username})',
    },
    {
      request: { path: '/login.supported_modes' },
      match: { status: 200, json: [{ path: 'data.basic.enabled', equals: false }] },
      auth: 'none',
      evidence: 'GET /login.supported_modes -> {status} basic.enabled false: no fixed users, the web login accepts any name',
    },
    {
      request: { path: '/login.supported_modes' },
      match: { status: 200, json: [{ path: 'data.basic.enabled', equals: true }] },
      auth: 'required',
      evidence: 'GET /login.supported_modes -> {status} basic.enabled true (fixed users with passwords)',
    },
    {
      request: { path: '/api/login.supported_modes' },
      match: { status: 200, json: [{ path: 'data.basic.enabled', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/login.supported_modes -> {status} basic.enabled false: no fixed users, the web login accepts any name',
    },
    {
      request: { path: '/api/login.supported_modes' },
      match: { status: 200, json: [{ path: 'data.basic.enabled', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/login.supported_modes -> {status} basic.enabled true (fixed users with passwords)',
    },
  ],
  version: [
    { request: { path: '/server.info' }, json: 'data.version' },
    { request: { path: '/api/server.info' }, json: 'data.version' },
  ],
  // clearml-docs docs/deploying_clearml/clearml_server_config.md "Web Login Authentication": without it the server
  // does not restrict access; `auth.fixed_users` in /opt/clearml/config/apiserver.conf (enabled, pass_hashed, users).
  remediation: {
    fix: 'Turn on ClearML web login authentication: add an auth.fixed_users section (enabled: true, users with hashed passwords) to /opt/clearml/config/apiserver.conf and restart the server; keep the API (8008) and fileserver (8081) ports off untrusted networks.',
    settings: ['auth.fixed_users.enabled: true', 'auth.fixed_users.pass_hashed: true', 'auth.fixed_users.users: [{ username, password, name }]'],
    docs: 'https://clear.ml/docs/latest/docs/deploying_clearml/clearml_server_config',
    allows: ['run-code', 'read-data', 'write-data'],
  },
};
