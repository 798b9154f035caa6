import type { CatalogEntry } from '../catalog-schema.js';

/**
 * gpt4free (g4f) API, the "free" LLM relay: its Interference API listens on 8080 in the image and
 * is published on 1337 in the documented `docker run` (README). Open unless started with a G4F API
 * key (`--g4f-api-key` / `G4F_API_KEY`); then the `authorization` middleware answers every
 * `/v1/...` path except `.../models` with 401 "G4F API key required".
 * - `GET /v1` (never guarded: no trailing slash): an HTML line "g4f API: Go to <a
 *   href=\"/v1/models\">models</a>, ... Open Swagger UI at: <a href=\"/docs\">/docs</a>".
 * - `GET /v1/models` (always open): models with g4f's own fields `image`, `vision`, `provider`.
 * - `GET /v1/providers`: the provider list (open) or the 401 (key set): the auth signal.
 * Version: `GET /backend-api/v2/version` (`{"version", "latest_version"}`) where the GUI is mounted.
 * Read from source at v8.1.7-1-geef67f8 (xtekky/gpt4free, 2026-08-21): g4f/api/__init__.py (`read_root_v1`, `models`,
 * `providers`, `authorization` middleware, `_requires_api_key`, `ErrorResponse`), g4f/gui/server/backend_api.py (version),
 * README.md (-p 1337:8080).
 */
export const gpt4free: CatalogEntry = {
  service: 'gpt4free',
  name: 'gpt4free (g4f) API',
  category: 'ai-gateway',
  ports: [1337],
  sources: [
    'https://github.com/xtekky/gpt4free/blob/main/g4f/api/__init__.py',
    'https://github.com/xtekky/gpt4free/blob/main/g4f/gui/server/backend_api.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v8.1.7-1-geef67f8' },
  exposes: 'an LLM relay through third-party providers (and any provider cookies or keys stored on it)',
  identify: [
    {
      // `/v1/models` is a path every scan sends: g4f's own model fields identify it on any port (a locked g4f
      // still lists models, so the generic OpenAI-compatible entry would otherwise take it as open).
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].vision', type: 'boolean' }, { path: 'data[].image', type: 'boolean' }, { path: 'data[].provider', type: 'boolean' }] },
      confirm: { request: { path: '/v1' }, match: { status: 200, bodyContains: ['g4f API: Go to', 'Open Swagger UI at'] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/providers' },
      match: { status: 200, json: [{ path: '[].object', equals: 'provider' }] },
      auth: 'none',
      evidence: 'GET /v1/providers -> {status}: {count:[]} providers usable without a G4F API key',
    },
    {
      request: { path: '/v1/providers' },
      match: { status: 401, bodyContains: ['G4F API key required'] },
      auth: 'required',
      evidence: 'GET /v1/providers -> {status} "G4F API key required" (--g4f-api-key set)',
    },
  ],
  version: [{ request: { path: '/backend-api/v2/version' }, match: { status: 200, json: [{ path: 'version', type: 'string' }] }, json: 'version' }],
  // README / docs/authentication.md: start the API with --g4f-api-key (G4F_API_KEY) and publish it on localhost only.
  remediation: {
    fix: 'Start the g4f API with a key (--g4f-api-key <key> or G4F_API_KEY) so every /v1 call needs it, and publish the container ports on 127.0.0.1 only.',
    settings: ['--g4f-api-key <key>', 'G4F_API_KEY=<key>', '-p 127.0.0.1:1337:8080'],
    docs: 'https://github.com/xtekky/gpt4free/blob/main/docs/authentication.md',
    allows: ['run-inference', 'spend-api-keys'],
  },
};
