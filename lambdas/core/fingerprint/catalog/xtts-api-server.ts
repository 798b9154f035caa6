import type { CatalogEntry } from '../catalog-schema.js';

/**
 * xtts-api-server (daswer123): a FastAPI server for Coqui XTTSv2 voice cloning, the TTS backend
 * SillyTavern documents, port 8020 (`-p`; `-hs` defaults to localhost, deployments commonly pass
 * 0.0.0.0). No authentication: anyone who reaches it synthesises speech with the stored voice
 * samples, downloads them (`/sample/<file>`), reads the host folders (`/get_folders`) and switches
 * models or output folders (POST routes).
 * - `GET /openapi.json` (FastAPI default title): its own routes `/speakers_list`,
 *   `/get_tts_settings` and `/tts_to_audio/`;
 * - `GET /get_tts_settings` (confirms): the XTTS generation settings with the server's own
 *   `stream_chunk_size` next to `temperature`, `repetition_penalty` and `enable_text_splitting`.
 * No version is exposed.
 * Read from source at 0.9.0-4-g5e8bc93 (daswer123/xtts-api-server, 2024-07-22): xtts_api_server/server.py (routes,
 * `get_tts_settings`, `get_speakers`), xtts_api_server/tts_funcs.py (`default_tts_settings`, `get_speakers`),
 * xtts_api_server/__main__.py (`-hs` localhost, `-p` 8020).
 */
export const xttsApiServer: CatalogEntry = {
  service: 'xtts-api-server',
  name: 'xtts-api-server (XTTSv2)',
  category: 'model-server',
  ports: [8020],
  sources: [
    'https://github.com/daswer123/xtts-api-server/blob/main/xtts_api_server/server.py',
    'https://github.com/daswer123/xtts-api-server/blob/main/xtts_api_server/tts_funcs.py',
    'https://github.com/daswer123/xtts-api-server/blob/main/xtts_api_server/__main__.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.9.0-4-g5e8bc93 (5e8bc93, 2024-07-22)' },
  exposes: 'XTTSv2 voice cloning on the host GPU, the stored voice samples and the host folder paths',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"/speakers_list"', '"/get_tts_settings"', '"/tts_to_audio/"'] },
      confirm: {
        request: { path: '/get_tts_settings' },
        match: { status: 200, json: [{ path: 'stream_chunk_size', type: 'number' }, { path: 'repetition_penalty', type: 'number' }, { path: 'enable_text_splitting', type: 'boolean' }] },
      },
    },
  ],
  auth: [
    {
      request: { path: '/get_tts_settings' },
      match: { status: 200, json: [{ path: 'stream_chunk_size', type: 'number' }] },
      auth: 'none',
      evidence: 'GET /get_tts_settings -> {status} without credentials: xtts-api-server has no authentication',
    },
  ],
  // README "Installation": `python -m xtts_api_server` binds localhost unless `-hs 0.0.0.0`; there is no auth option.
  remediation: {
    fix: 'xtts-api-server has no authentication: keep its default host (localhost) instead of -hs 0.0.0.0, or firewall port 8020 to the SillyTavern host, and put an authenticating reverse proxy in front of any shared access.',
    settings: ['-hs 127.0.0.1', 'firewall port 8020'],
    docs: 'https://github.com/daswer123/xtts-api-server#installation',
    allows: ['run-inference', 'read-data', 'write-data'],
  },
  inventory: [{ kind: 'model', request: { path: '/speakers_list' }, json: '[]' }],
};
