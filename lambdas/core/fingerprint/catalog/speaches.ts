import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Speaches (ex faster-whisper-server): an OpenAI-compatible speech-to-text, text-to-speech and
 * realtime audio server, port 8000 (`UVICORN_PORT`, host 0.0.0.0). Open by default; `API_KEY` adds
 * `verify_api_key` to every API router, answering 403 "API key required. ..." without a Bearer key,
 * while `/health`, `/docs`, `/openapi.json` and the Gradio UI stay public (config.py `api_key` doc).
 * - `GET /openapi.json`: `info.title` "Speaches" with the app's own routes `/api/ps` and
 *   `/v1/audio/speech` (two markers in one public document, in both auth states).
 * The Gradio UI is mounted at the root (`enable_ui`, default true), so `order: 80` runs this entry
 * before the generic Gradio one on every port.
 * Version: `info.version` (hard-coded in main.py, e.g. "0.8.3").
 * Read from source at v0.9.0-rc.3-23-g870e1e1 (speaches-ai/speaches, 2026-03-26): src/speaches/main.py (`create_app`:
 * title, routers with/without `ApiKeyDependency`, Gradio mount), src/speaches/dependencies.py (`verify_api_key`),
 * src/speaches/config.py (`api_key`, `enable_ui`, host/port), src/speaches/routers/models.py (`/v1/models`),
 * src/speaches/routers/misc.py (`/health`, `/api/ps`).
 */
export const speaches: CatalogEntry = {
  service: 'speaches',
  name: 'Speaches (speech-to-text / TTS server)',
  category: 'model-server',
  ports: [8000],
  order: 80,
  sources: [
    'https://github.com/speaches-ai/speaches/blob/master/src/speaches/main.py',
    'https://github.com/speaches-ai/speaches/blob/master/src/speaches/dependencies.py',
    'https://github.com/speaches-ai/speaches/blob/master/src/speaches/config.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.9.0-rc.3-23-g870e1e1 (870e1e1, 2026-03-26)' },
  exposes: 'speech-to-text and text-to-speech on the host GPU/CPU, model downloads and the loaded models',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Speaches' }], bodyContains: ['"/api/ps"', '"/v1/audio/speech"'] },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key: {count:data[]} local models listed (no API_KEY set)',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 403, json: [{ path: 'detail', contains: 'API key required' }] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "API key required" (API_KEY set)',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, json: 'info.version' }],
  // docs "Configuration": API_KEY makes every API route require `Authorization: Bearer <key>`.
  remediation: {
    fix: 'Set API_KEY so every Speaches API route requires a Bearer key (the Gradio UI stays public: disable it with ENABLE_UI=false on shared hosts), and keep the port off public addresses.',
    settings: ['API_KEY=<random>', 'ENABLE_UI=false'],
    docs: 'https://speaches.ai/configuration/',
    allows: ['run-inference', 'pull-models'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
