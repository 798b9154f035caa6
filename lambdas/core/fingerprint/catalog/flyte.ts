import type { CatalogEntry } from '../catalog-schema.js';

/**
 * FlyteAdmin (the control plane API behind the Flyte console: ML and data workflows on
 * Kubernetes), HTTP port 8088 (`server.httpPort`; 30080 in the sandbox / flyte-binary). Auth is off
 * unless `server.security.useAuth` is set; then every admin API call needs a token and the
 * public-client metadata routes appear.
 * - Open: `GET /api/v1/projects` lists projects with their `domains` (`{"projects": [{"id", "name",
 *   "domains": [{"id", "name"}], ...}]}`), and `GET /api/v1/version` answers `GetVersionResponse`
 *   `{"control_plane_version": {"Build", "Version", "BuildTime"}}` (proto names for
 *   `application/json`, camelCase otherwise). The version route is a confirm only, so that it does
 *   not become a path sent to every open port.
 * - Locked: `GET /config/v1/flyte_client` (`GetPublicClientConfig`, exempt through
 *   `AuthFuncOverride`) answers the CLI's OAuth settings with `authorization_metadata_key`
 *   "flyte-authorization"; the version route is then 401 `{"code": 16, "message": "token parse
 *   error ..."}`.
 * Read from source at v1.16.8 (flyteorg/flyte, 51877f8, 2026-07-09): flyteadmin/pkg/server/service.go (gateway marshaler,
 * `/healthcheck`, services registered only with UseAuth), flyteadmin/auth/handlers.go (`GetAuthenticationInterceptor`),
 * flyteadmin/auth/authzserver/metadata_provider.go (`AuthFuncOverride`, `GetPublicClientConfig`), flyteadmin/auth/config/
 * config.go (`GrpcAuthorizationHeader` default), flyteidl/protos/flyteidl/admin/version.proto, flyteidl/protos/flyteidl/service/
 * admin.proto and auth.proto (routes), flyteadmin/pkg/config/config.go (httpPort 8088).
 */
export const flyte: CatalogEntry = {
  service: 'flyte',
  name: 'FlyteAdmin',
  category: 'ml-platform',
  ports: [8088, 30080],
  openSeverity: 'critical',
  sources: [
    'https://github.com/flyteorg/flyte/blob/v1.16.8/flyteadmin/pkg/server/service.go',
    'https://github.com/flyteorg/flyte/blob/v1.16.8/flyteadmin/auth/handlers.go',
    'https://github.com/flyteorg/flyte/blob/v1.16.8/flyteadmin/auth/authzserver/metadata_provider.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.16.8 (flyteorg/flyte, 51877f8, 2026-07-09)' },
  exposes: 'projects, workflows, launch plans and executions with their inputs and outputs; launching executions (containers on the cluster)',
  identify: [
    {
      request: { path: '/api/v1/projects' },
      match: { status: 200, json: [{ path: 'projects', type: 'array' }, { path: 'projects[].domains', type: 'array' }, { path: 'projects[].domains[].id', type: 'string' }] },
      confirm: { request: { path: '/api/v1/version' }, match: { status: 200, bodyRegex: '"control(_p|P)lane(_v|V)ersion"\\s*:\\s*\\{', bodyContains: ['"BuildTime"'] } },
    },
    {
      request: { path: '/config/v1/flyte_client' },
      match: { status: 200, bodyRegex: '"authorization(_m|M)etadata(_k|K)ey"\\s*:\\s*"flyte-authorization"' },
      confirm: { request: { path: '/api/v1/version' }, match: { status: 401, bodyContains: ['token parse error'] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/projects' },
      match: { status: 200, json: [{ path: 'projects', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /api/v1/projects -> {status}: {count:projects[]} projects listed without a token (server.security.useAuth off)',
    },
    {
      request: { path: '/api/v1/version' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /api/v1/version -> {status} token parse error (server.security.useAuth on)',
    },
  ],
  version: [{ request: { path: '/api/v1/version' }, regex: '"Version"\\s*:\\s*"v?([^"]+)"' }],
  // docs "Authenticating in Flyte" (deployment/configuration/auth_setup): server.security.useAuth: true with an OIDC
  // provider; keep the admin service internal otherwise.
  remediation: {
    fix: 'Turn on FlyteAdmin authentication (server.security.useAuth: true with an OIDC identity provider) and keep the admin and console services off public addresses.',
    settings: ['server.security.useAuth: true', 'auth.userAuth.openId', 'auth.appAuth'],
    docs: 'https://docs.flyte.org/en/latest/deployment/configuration/auth_setup.html',
    allows: ['run-code', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'project', request: { path: '/api/v1/projects' }, match: { status: 200, json: [{ path: 'projects', type: 'array' }] }, json: 'projects[].id' }],
};
