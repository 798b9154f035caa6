import type { CatalogEntry } from '../catalog-schema.js';

/**
 * mistral.rs server (`mistralrs serve`), port 1234, host 0.0.0.0 by default. The HTTP server has
 * no authentication option: models, inference, the model load/unload routes and a host diagnostics
 * route answer anyone who reaches the port.
 * - `GET /v1/models`: `{"object": "list", "data": [{"id": "default", "object": "model", "created", "owned_by": "local",
 *   "root": "default", ...}, {"id": <model>, ..., "status": "loaded"|"unloaded"|...}]}` (the "default" alias always first).
 * - `GET /v1/system/info`: `{"os", "kernel", "cpu": {...}, "memory": {...}, "devices": [...], "build": {"version", "git_revision",
 *   "cuda", "metal", ...}, "hf_cache_path"}`.
 * Markers: the model list's `default` alias (`owned_by: "local"`, `root: "default"`), confirmed by the system-info document.
 * Read from source at v0.9.2-7-g9e922623f (EricLBuehler/mistral.rs, 2026-08-22): mistralrs-server-core/src/handlers.rs (models, health,
 * system_info), mistralrs-server-core/src/mistralrs_server_router_builder.rs (routes; no auth layer), mistralrs-core/src/diagnostics.rs
 * (SystemInfo, BuildInfo), mistralrs-cli/src/args/server.rs (--port 1234, --host 0.0.0.0).
 */
export const mistralRs: CatalogEntry = {
  service: 'mistral-rs',
  name: 'mistral.rs server',
  category: 'llm-server',
  ports: [1234],
  sources: [
    'https://github.com/EricLBuehler/mistral.rs/blob/master/mistralrs-server-core/src/handlers.rs',
    'https://github.com/EricLBuehler/mistral.rs/blob/master/mistralrs-server-core/src/mistralrs_server_router_builder.rs',
    'https://github.com/EricLBuehler/mistral.rs/blob/master/mistralrs-cli/src/args/server.rs',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.9.2-7-g9e922623f (EricLBuehler/mistral.rs, 2026-08-22)' },
  exposes: 'model list, unauthenticated inference, model load/unload and host hardware details',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].id', equals: 'default' }, { path: 'data[].owned_by', equals: 'local' }, { path: 'data[].root', equals: 'default' }] },
      confirm: {
        request: { path: '/v1/system/info' },
        match: { status: 200, json: [{ path: 'build.version', type: 'string' }, { path: 'build.git_revision', type: 'string' }, { path: 'devices', type: 'array' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'local' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without credentials, {count:data[]} models (first: {json:data[].id}); mistral.rs has no auth option',
    },
  ],
  version: [{ request: { path: '/v1/system/info' }, json: 'build.version' }],
  // server.rs: --host defaults to 0.0.0.0 and there is no API key option; bind to localhost or put a proxy in front.
  remediation: {
    fix: 'mistral.rs has no authentication: start it with `--host 127.0.0.1` (the default listens on every interface) and put an authenticating reverse proxy in front of any shared access.',
    settings: ['--host 127.0.0.1', 'authenticating reverse proxy'],
    docs: 'https://github.com/EricLBuehler/mistral.rs#readme',
    allows: ['run-inference', 'pull-models'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
