import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Aphrodite Engine (PygmalionAI's vLLM fork), default port 2242. It also serves a KoboldAI API
 * whose `GET /api/extra/version` answers `{"result": "KoboldCpp", "version": "1.63"}`: the
 * KoboldCpp entry identifies only by `/v1/models` `owned_by: "koboldcpp"` and reads `protected`,
 * so Aphrodite's fixture (which carries that answer) checks it is never taken for KoboldCpp.
 * - Open: `GET /v1/models` lists models with `owned_by: "aphrodite"` (engine/protocol.py).
 * - `--api-key` / `APHRODITE_API_KEY`: the AuthenticationMiddleware answers only paths starting
 *   with `/v1` with 401 `{"error": "Unauthorized"}`; the Kobold routes stay public, and
 *   `GET /api/v1/model` names the model as `{"result": "aphrodite/<model>"}`.
 * Markers: `owned_by: "aphrodite"` (open) and `/api/v1/model`'s `aphrodite/` prefix (either
 * state); the locked verdict needs both the Kobold marker and the 401. `GET /version` answers
 * `{"version": APHRODITE_VERSION}`.
 * The `/.well-known/serviceinfo` marker other scanners use was removed in 0.20.0.
 * Read from source at v0.20.0-27-gb42eeec (aphrodite-engine/aphrodite-engine, 2026-04-28):
 * aphrodite/entrypoints/openai/server_utils.py (AuthenticationMiddleware),
 * aphrodite/entrypoints/openai/kobold/api_router.py (`/api/v1/model`, `/api/extra/version`),
 * aphrodite/entrypoints/openai/engine/protocol.py (`owned_by`), aphrodite/entrypoints/serve/instrumentator/basic.py
 * (`/version`), aphrodite/entrypoints/openai/cli_args.py (`port: int = 2242`).
 */
export const aphroditeEngine: CatalogEntry = {
  service: 'aphrodite-engine',
  name: 'Aphrodite Engine',
  category: 'llm-server',
  ports: [2242],
  sources: [
    'https://github.com/aphrodite-engine/aphrodite-engine/blob/main/aphrodite/entrypoints/openai/server_utils.py',
    'https://github.com/aphrodite-engine/aphrodite-engine/blob/main/aphrodite/entrypoints/openai/kobold/api_router.py',
    'https://github.com/aphrodite-engine/aphrodite-engine/blob/main/aphrodite/entrypoints/openai/engine/protocol.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.20.0-27-gb42eeec' },
  exposes: 'model list and unauthenticated inference (GPU time)',
  identify: [
    { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'aphrodite' }] } },
    { request: { path: '/api/v1/model' }, match: { status: 200, json: [{ path: 'result', type: 'string' }], bodyRegex: '^\\{\\s*"result"\\s*:\\s*"aphrodite/' } },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'aphrodite' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error', equals: 'Unauthorized' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} {"error":"Unauthorized"} (--api-key); the KoboldAI routes stay public',
    },
  ],
  version: [{ request: { path: '/version' }, json: 'version' }],
  // docs/src/content/docs/usage/1-getting-started.md: "launch the server with authentication enabled via API keys by
  // either exporting APHRODITE_API_KEY ... or passing your key to the --api-keys argument" (the parser reads --api-key).
  remediation: {
    fix: 'Start Aphrodite with an API key (--api-key <key> or APHRODITE_API_KEY=<key>) so /v1 needs it, and keep the server off public addresses: its KoboldAI /api routes stay unauthenticated even with a key.',
    settings: ['--api-key <key>', 'APHRODITE_API_KEY=<key>', '--host 127.0.0.1'],
    docs: 'https://aphrodite.pygmalion.chat/usage/1-getting-started/',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
