import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Argo Workflows server (the workflow engine under Kubeflow Pipelines and many ML training
 * pipelines), port 2746. `--auth-mode` decides: `client` (the default) needs a Kubernetes bearer
 * token on every API call; `server` runs every call with the server's own service account, so
 * anyone who reaches it submits workflows (containers on the cluster) and reads their logs.
 * - Open: `GET /api/v1/version` answers `wfv1.Version` `{"version", "buildDate", "gitCommit",
 *   "gitTag", "gitTreeState", "goVersion", "compiler", "platform"}`, and `GET /api/v1/info` the UI's
 *   settings with the always-present `modals` `{"feedback", "firstTimeUser", "newVersion"}`.
 * - Locked: every API call is 401 `{"code": 16, "message": "token not valid. see
 *   https://argo-workflows.readthedocs.io/en/latest/faq/"}` (the gatekeeper's own text naming the
 *   product's docs), on the version route and the info route alike.
 * The UI is an SPA served for every unknown path, so `/` proves nothing and is not used.
 * Read from source at v4.1.0-rc2-80-gf016ad8 (argoproj/argo-workflows, 2026-08-21): server/auth/gatekeeper.go
 * (`getClients`), server/auth/mode.go (`GetMode`), server/info/info_server.go (`GetInfo`, `GetVersion`),
 * pkg/apiclient/info/info.proto (routes), server/apiserver/argoserver.go (gateway, DefaultHTTPProtoErrorHandler),
 * server/static/static.go (index.html for unknown paths), cmd/argo/commands/server.go (port 2746, `--auth-mode` default client).
 */
export const argoWorkflows: CatalogEntry = {
  service: 'argo-workflows',
  name: 'Argo Workflows server',
  category: 'ml-platform',
  ports: [2746],
  openSeverity: 'critical',
  sources: [
    'https://github.com/argoproj/argo-workflows/blob/main/server/auth/gatekeeper.go',
    'https://github.com/argoproj/argo-workflows/blob/main/server/info/info_server.go',
    'https://github.com/argoproj/argo-workflows/blob/main/cmd/argo/commands/server.go',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.1.0-rc2-80-gf016ad8 (argoproj/argo-workflows, 2026-08-21)' },
  exposes: 'workflows, templates, their logs and artifacts, and workflow submission (containers run on the cluster)',
  identify: [
    {
      request: { path: '/api/v1/version' },
      match: {
        status: 200,
        json: [{ path: 'version', type: 'string' }, { path: 'gitTag', exists: true }, { path: 'gitTreeState', exists: true }, { path: 'goVersion', type: 'string' }],
        bodyExcludes: ['"gitVersion"'],
      },
      confirm: { request: { path: '/api/v1/info' }, match: { status: 200, json: [{ path: 'modals.firstTimeUser', type: 'boolean' }, { path: 'modals.newVersion', type: 'boolean' }] } },
    },
    {
      request: { path: '/api/v1/version' },
      match: { status: 401, json: [{ path: 'code', equals: 16 }, { path: 'message', contains: 'argo-workflows.readthedocs.io' }] },
      confirm: { request: { path: '/api/v1/info' }, match: { status: 401, json: [{ path: 'message', contains: 'argo-workflows.readthedocs.io' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/version' },
      match: { status: 200, json: [{ path: 'version', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/v1/version -> {status} without a token: the server runs with --auth-mode=server (no client authentication)',
    },
    {
      request: { path: '/api/v1/version' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /api/v1/version -> {status} "{json:message}" (client or SSO auth mode)',
    },
  ],
  version: [{ request: { path: '/api/v1/version' }, json: 'version', regex: '^v?(\\d\\S*)' }],
  // docs "Argo Server Auth Mode" (argo-server-auth-mode.md): use `client` and/or `sso`; `server` mode gives everyone
  // the server's service account.
  remediation: {
    fix: 'Run the Argo server with client or SSO authentication (--auth-mode=client, --auth-mode=sso), never --auth-mode=server on a reachable address, and keep port 2746 off public networks.',
    settings: ['argo server --auth-mode=client', 'argo server --auth-mode=sso'],
    docs: 'https://argo-workflows.readthedocs.io/en/latest/argo-server-auth-mode/',
    allows: ['run-code', 'read-data', 'write-data'],
  },
};
