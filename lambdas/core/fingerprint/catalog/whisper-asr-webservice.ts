import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Whisper ASR Webservice (OpenAI Whisper / faster-whisper / WhisperX behind one FastAPI app),
 * port 9000 (README `docker run -p 9000:9000`). It has no authentication: anyone who reaches it
 * transcribes or translates audio on the host GPU/CPU.
 * - `GET /openapi.json`: `info.title` "Whisper Asr Webservice" (the package name, title-cased),
 *   `info.license.url` pointing at github.com/ahmetoner/whisper-asr-webservice, and the routes
 *   `/asr` and `/detect-language` (several markers in one document).
 * Version: `info.version`, the installed package version.
 * Read from source at v1.9.1-4-gea12224 (ahmetoner/whisper-asr-webservice, 2025-07-02): app/webservice.py
 * (FastAPI title/description/version/license from package metadata, `/` redirect to /docs, `/asr`,
 * `/detect-language`), pyproject.toml, README.md (port 9000).
 */
export const whisperAsrWebservice: CatalogEntry = {
  service: 'whisper-asr-webservice',
  name: 'Whisper ASR Webservice',
  category: 'model-server',
  ports: [9000],
  sources: [
    'https://github.com/ahmetoner/whisper-asr-webservice/blob/main/app/webservice.py',
    'https://github.com/ahmetoner/whisper-asr-webservice/blob/main/pyproject.toml',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.9.1-4-gea12224 (ea12224, 2025-07-02)' },
  exposes: 'speech recognition and translation on the host GPU/CPU',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: {
        status: 200,
        json: [{ path: 'info.title', equals: 'Whisper Asr Webservice' }, { path: 'info.license.url', contains: 'ahmetoner/whisper-asr-webservice' }],
        bodyContains: ['"/asr"', '"/detect-language"'],
      },
    },
  ],
  auth: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'Whisper Asr Webservice' }], bodyExcludes: ['"securitySchemes"'] },
      auth: 'none',
      evidence: 'GET /openapi.json -> {status}: /asr and /detect-language are served without credentials (the webservice has no authentication)',
    },
  ],
  version: [{ request: { path: '/openapi.json' }, json: 'info.version' }],
  // README / docs (ahmetoner.github.io/whisper-asr-webservice): `docker run -p 9000:9000`, no auth option.
  remediation: {
    fix: 'Whisper ASR Webservice has no authentication: publish it on 127.0.0.1 only (-p 127.0.0.1:9000:9000) and put an authenticating reverse proxy in front of any shared access.',
    settings: ['-p 127.0.0.1:9000:9000', 'authenticating reverse proxy'],
    docs: 'https://ahmetoner.github.io/whisper-asr-webservice/',
    allows: ['run-inference'],
  },
};
