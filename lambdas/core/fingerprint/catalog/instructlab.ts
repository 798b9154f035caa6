import type { CatalogEntry } from '../catalog-schema.js';

/**
 * InstructLab `ilab model serve` with the llama-cpp backend: llama-cpp-python's OpenAI server plus
 * InstructLab's own root route, port 8000 (`serve.server.port`), host `127.0.0.1` by default. InstructLab
 * never passes an API key to llama-cpp-python, so the server is always open.
 * - `GET /`: `{"message": "Hello from InstructLab! Visit us at https://instructlab.ai"}`.
 * - `GET /v1/models` (llama-cpp-python): `{"object": "list", "data": [{"id", "object": "model", "owned_by": "me", "permissions": []}]}`.
 * Markers: the welcome message, confirmed by llama-cpp-python's `owned_by: "me"` model list.
 * Read from source at v0.26.0a1-227-g2d734099 (instructlab/instructlab, 2025-07-03): src/instructlab/model/backends/common.py
 * (API_ROOT_WELCOME_MESSAGE), src/instructlab/model/backends/llama_cpp.py (server(): Settings without api_key, `@app.get("/")`),
 * src/instructlab/configuration.py (port 8000); abetlen/llama-cpp-python llama_cpp/server/app.py at 013daea (get_models).
 */
export const instructlab: CatalogEntry = {
  service: 'instructlab',
  name: 'InstructLab model server',
  category: 'llm-server',
  ports: [8000],
  sources: [
    'https://github.com/instructlab/instructlab/blob/main/src/instructlab/model/backends/llama_cpp.py',
    'https://github.com/instructlab/instructlab/blob/main/src/instructlab/model/backends/common.py',
    'https://github.com/abetlen/llama-cpp-python/blob/main/llama_cpp/server/app.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.26.0a1-227-g2d734099 (instructlab/instructlab, 2025-07-03)' },
  exposes: 'model list and unauthenticated inference',
  identify: [
    {
      request: { path: '/' },
      match: { status: 200, json: [{ path: 'message', contains: 'Hello from InstructLab!' }] },
      confirm: { request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'me' }, { path: 'data[].permissions', type: 'array' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'me' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id}); ilab model serve has no API key option',
    },
  ],
  // README "Serve the newly trained model" (ilab model serve); configuration.py: serve.server.host defaults to 127.0.0.1.
  remediation: {
    fix: '`ilab model serve` has no authentication: keep `serve.server.host` on 127.0.0.1 (the default) and put an authenticating proxy in front of any shared access.',
    settings: ['serve.server.host: 127.0.0.1', '--host 127.0.0.1'],
    docs: 'https://github.com/instructlab/instructlab#-serve-the-newly-trained-model',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
