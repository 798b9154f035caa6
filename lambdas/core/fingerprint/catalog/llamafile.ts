import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Mozilla llamafile, its own HTTP server (llamafile/server, 0.9+), port 8080 on 127.0.0.1 by
 * default. That server has no API-key option: a reachable one serves inference to anyone. (The
 * older llama.cpp-based server, `--server` in 0.8.x, answers like llama.cpp and is the llama-cpp
 * entry's.)
 * - Every answer carries `Server: llamafile/<version>` (client.cpp STANDARD_RESPONSE_HEADERS).
 * - `GET /v1/models` lists the model with `owned_by: "llamafile"` (v1_models.cpp).
 * Two markers in one answer: the header and `owned_by`. Version: the header.
 * Read from source at 0.9.3-2-gcfa861a (Mozilla-Ocho/llamafile, 2025-06-30): llamafile/server/client.cpp,
 * llamafile/server/v1_models.cpp, llamafile/server/www/index.html, llamafile/flags.cpp (listen 127.0.0.1:8080).
 */
export const llamafile: CatalogEntry = {
  service: 'llamafile',
  name: 'llamafile',
  category: 'llm-server',
  ports: [8080],
  sources: [
    'https://github.com/Mozilla-Ocho/llamafile/blob/main/llamafile/server/client.cpp',
    'https://github.com/Mozilla-Ocho/llamafile/blob/main/llamafile/server/v1_models.cpp',
  ],
  checkedAgainst: { evidence: 'source', release: '0.9.3-2-gcfa861a' },
  exposes: 'the loaded model and unauthenticated inference',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'llamafile' }], headers: [{ name: 'server', regex: '^llamafile/' }] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'llamafile' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status}: {json:data[].id} served without a key (the llamafile server has no API-key option)',
    },
  ],
  version: [{ request: { path: '/v1/models' }, header: 'server', regex: '^llamafile/(\\S+)' }],
  // llamafile/server/main.1 (man page) / README "Server": --listen defaults to 127.0.0.1:8080; no auth exists.
  remediation: {
    fix: 'The llamafile server has no authentication: keep --listen on 127.0.0.1 (the default) and put an authenticating reverse proxy in front of any remote access.',
    settings: ['--listen 127.0.0.1:8080'],
    docs: 'https://github.com/Mozilla-Ocho/llamafile/blob/main/llamafile/server/main.1.asc',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
