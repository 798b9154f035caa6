import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Jan local API server (Tauri proxy in front of llama.cpp/MLX sessions, default 127.0.0.1:1337,
 * prefix `/v1`). `/`, `/openapi.json` and the Swagger assets are whitelisted: no host check and no
 * key. Every other path first checks the `Host` header against the trusted hosts (403 "Invalid host
 * header"), then, when an API key is configured, needs it as Bearer or `X-Api-Key` (401 "Invalid or
 * missing authorization token"). A 403 host refusal therefore says nothing about the key (unknown).
 * Sources (janhq/jan):
 * - src-tauri/src/core/server/proxy.rs `proxy_request`: whitelisted paths, host check, API-key
 *   check, `GET /models` -> `{"object":"list","data":[{"id","object":"model","created":1,"owned_by":"user"}]}`.
 * - src-tauri/static/openapi.json: `info.title` "Jan API Server Endpoints".
 */
export const jan: CatalogEntry = {
  service: 'jan',
  name: 'Jan local API server',
  category: 'llm-server',
  ports: [1337],
  sources: ['https://github.com/janhq/jan/blob/main/src-tauri/src/core/server/proxy.rs', 'https://github.com/janhq/jan/blob/main/src-tauri/static/openapi.json'],
  checkedAgainst: { evidence: 'source', release: 'main, file-level: src-tauri/src/core/server/proxy.rs e78b82e, src-tauri/static/openapi.json 69b62a5' },
  exposes: 'running models, model load/unload and inference on the desktop host',
  identify: [{ request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', equals: 'Jan API Server Endpoints' }] } }],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} running models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, bodyContainsAny: ['Invalid or missing authorization token', 'Missing authorization header'] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} (Jan API key set)',
    },
  ],
  // jan.ai/docs/local-api "Server Configuration": an API Key for all requests; Server Host 127.0.0.1 (default)
  // keeps the server on the local machine, 0.0.0.0 opens it to the network.
  remediation: {
    fix: 'In Jan, Settings > Local API Server: set an API Key and set Server Host back to 127.0.0.1 (the default) unless other devices must reach it.',
    settings: ['Local API Server > API Key: <key>', 'Local API Server > Server Host: 127.0.0.1'],
    docs: 'https://jan.ai/docs/local-api',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): proxy.rs lists the running sessions as `data[].id`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
