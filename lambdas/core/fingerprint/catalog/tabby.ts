import type { CatalogEntry } from '../catalog-schema.js';

/**
 * TabbyML Tabby (self-hosted coding assistant). With the built-in web server (default), every
 * `/v1/*` and `/v1beta/*` request needs a user token (bare 401 otherwise) and the web UI is served
 * at `/`; with `--no-webserver` there is no auth at all and `GET /v1/health` returns the server's
 * model, device, CPU and build information. The first account created through the UI becomes
 * admin, which cannot be checked with a GET (GraphQL is POST-only).
 * Sources (TabbyML/tabby):
 * - crates/tabby/src/serve.rs `api_router` (`/v1/health`, `/v1beta/models`, ...; `--port` default 8080).
 * - crates/tabby/src/services/health.rs `HealthState` (`model`, `device`, `cuda_devices`, `models`,
 *   `arch`, `cpu_info`, `cpu_count`, `version` {build_date, build_timestamp, git_sha, git_describe}, `webserver`).
 * - ee/tabby-webserver/src/service/mod.rs `authorize_request` / `dispatch_request` (401, empty body).
 * - ee/tabby-ui/app/layout.tsx: title "Tabby", description "Tabby, an opensource, self-hosted AI coding assistant."
 */
export const tabby: CatalogEntry = {
  service: 'tabby',
  name: 'Tabby (TabbyML)',
  category: 'llm-server',
  ports: [8080],
  sources: [
    'https://github.com/TabbyML/tabby/blob/main/crates/tabby/src/serve.rs',
    'https://github.com/TabbyML/tabby/blob/main/crates/tabby/src/services/health.rs',
    'https://github.com/TabbyML/tabby/blob/main/ee/tabby-webserver/src/service/mod.rs',
    'https://github.com/TabbyML/tabby/blob/main/ee/tabby-ui/app/layout.tsx',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.33.0-dev.0-4-g21b29048d (2026-06-30)' },
  exposes: 'code completion and chat over indexed repositories, server hardware details',
  identify: [
    { request: { path: '/' }, match: { status: 200, bodyContains: ['Tabby, an opensource, self-hosted AI coding assistant'] } },
    {
      request: { path: '/v1/health' },
      match: { status: 200, json: [{ path: 'version.git_describe', type: 'string' }, { path: 'cpu_info', type: 'string' }, { path: 'cuda_devices', type: 'array' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/health' },
      match: { status: 200, json: [{ path: 'cpu_info', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /v1/health -> {status} without a token (device {json:device}, model {json:model})',
    },
    {
      request: { path: '/v1/health' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /v1/health -> {status}: Tabby web server requires a user token for /v1 (first-admin registration not checkable with GET)',
    },
  ],
  version: [{ request: { path: '/v1/health' }, json: 'version.git_describe', regex: '^v?(\\d+\\.\\d+\\.\\d+[\\w.+-]*)' }],
  // CHANGELOG.md (TabbyML/tabby) v0.11: the web server (user tokens on /v1) is on by default, `--no-webserver` turns it
  // off; crates/tabby/src/serve.rs: `--host` defaults to 0.0.0.0.
  remediation: {
    fix: 'Run `tabby serve` without --no-webserver so every /v1 request needs a user token, and register the admin account right away; otherwise bind it to localhost (--host 127.0.0.1).',
    settings: ['tabby serve (without --no-webserver)', '--host 127.0.0.1'],
    docs: 'https://github.com/TabbyML/tabby/blob/main/CHANGELOG.md',
    allows: ['run-inference'],
  },
  // The same `GET /v1/health` the auth rule reads (cached): health.rs `HealthState.model` / `chat_model` (omitted when unset).
  inventory: [
    { kind: 'model', request: { path: '/v1/health' }, json: 'model' },
    { kind: 'model', request: { path: '/v1/health' }, json: 'chat_model' },
  ],
};
