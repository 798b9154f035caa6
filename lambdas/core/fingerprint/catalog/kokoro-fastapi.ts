import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Kokoro-FastAPI: an OpenAI-compatible text-to-speech server for the Kokoro-82M model, port 8880
 * (README `docker run -p 8880:8880`), with no authentication at all: anyone who reaches it
 * synthesises speech on the host GPU/CPU and lists or combines its voices.
 * - `GET /v1/models`: the fixed OpenAI-style list whose every model is `"owned_by": "kokoro"`
 *   (`tts-1`, `tts-1-hd`, `kokoro`, ...); it would otherwise pass for a generic OpenAI API;
 * - `GET /openapi.json` (confirms): `info.title` "Kokoro TTS API" (settings.api_title), with
 *   `info.version` read from the repository's VERSION file.
 * Read from source at v0.8.0-rc1-27-g26eec06 (remsky/Kokoro-FastAPI, 2026-08-17): api/src/main.py (FastAPI app,
 * routers, `/health`), api/src/core/config.py (`api_title`, `api_version` = VERSION, port 8880),
 * api/src/routers/openai_compatible.py (`/v1/models`, `/v1/audio/voices`), README.md.
 */
export const kokoroFastapi: CatalogEntry = {
  service: 'kokoro-fastapi',
  name: 'Kokoro-FastAPI (TTS)',
  category: 'model-server',
  ports: [8880],
  sources: [
    'https://github.com/remsky/Kokoro-FastAPI/blob/master/api/src/main.py',
    'https://github.com/remsky/Kokoro-FastAPI/blob/master/api/src/core/config.py',
    'https://github.com/remsky/Kokoro-FastAPI/blob/master/api/src/routers/openai_compatible.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.8.0-rc1-27-g26eec06 (26eec06, 2026-08-17)' },
  exposes: 'text-to-speech generation on the host GPU/CPU and its voice packs',
  identify: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data[].owned_by', equals: 'kokoro' }, { path: 'data[].id', equals: 'kokoro' }] },
      confirm: { request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', equals: 'Kokoro TTS API' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].owned_by', equals: 'kokoro' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key: {count:data[]} models; Kokoro-FastAPI has no authentication',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, json: 'info.version' }],
  // README (Docker quick start) binds 0.0.0.0:8880 and documents no auth: publish on loopback / behind a proxy.
  remediation: {
    fix: 'Kokoro-FastAPI has no authentication: publish its port on 127.0.0.1 only (-p 127.0.0.1:8880:8880) and put an authenticating reverse proxy in front of shared access.',
    settings: ['-p 127.0.0.1:8880:8880', 'authenticating reverse proxy'],
    docs: 'https://github.com/remsky/Kokoro-FastAPI#get-started',
    allows: ['run-inference'],
  },
  inventory: [{ kind: 'model', request: { path: '/v1/audio/voices' }, json: 'voices[].id' }],
};
