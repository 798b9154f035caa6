import type { CatalogEntry } from '../catalog-schema.js';

/**
 * GPT4All desktop chat's local API server (Settings > "Enable Local API Server"). It binds
 * `QHostAddress::LocalHost` on the configured port (default 4891), so a remote hit means a port
 * forward or proxy. There is no authentication; the only 401 is the server refusing while the
 * server-chat setting is off. `/v1/models` lists installed models with `"owned_by":"humanity"`.
 * Sources (nomic-ai/gpt4all):
 * - gpt4all-chat/src/server.cpp: `modelToJson` (`owned_by: "humanity"`, `root`, `parent`,
 *   `permissions`), `Server::start` (listen on LocalHost, routes `/v1/models`, `/v1/completions`, ...).
 * - gpt4all-chat/src/mysettings.cpp: `networkPort` default 4891.
 */
export const gpt4all: CatalogEntry = {
  service: 'gpt4all',
  name: 'GPT4All API server',
  category: 'llm-server',
  ports: [4891],
  sources: ['https://github.com/nomic-ai/gpt4all/blob/main/gpt4all-chat/src/server.cpp', 'https://github.com/nomic-ai/gpt4all/blob/main/gpt4all-chat/src/mysettings.cpp'],
  checkedAgainst: { evidence: 'source', release: 'v3.10.0-3-gcd70db29 (2025-02-24)' },
  exposes: 'installed model list and unauthenticated inference on a desktop host',
  identify: [{ request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'humanity' }] } }],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'humanity' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} (no auth in GPT4All), {count:data[]} installed models (first: {json:data[].id})',
    },
  ],
  // gpt4all-bindings/python/docs/gpt4all_api_server/home.md (nomic-ai/gpt4all): "Enable Local API Server" under Settings >
  // Application > Advanced, port 4891, listens on localhost only; the server has no authentication.
  remediation: {
    fix: "GPT4All's API server has no authentication and only listens on localhost: remove the port forward or proxy that exposes it, or turn off \"Enable Local API Server\" in Settings > Application > Advanced.",
    settings: ['Settings > Application > Advanced > Enable Local API Server = off', 'API Server Port (default 4891)'],
    docs: 'https://github.com/nomic-ai/gpt4all/blob/main/gpt4all-bindings/python/docs/gpt4all_api_server/home.md',
    allows: ['run-inference'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id` (server.cpp `modelToJson`).
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
