import type { CatalogEntry } from '../catalog-schema.js';

/**
 * OpenedAI Speech: an OpenAI-compatible text-to-speech server (Piper for `tts-1`, Coqui XTTS v2 for
 * `tts-1-hd`, voice cloning from sample files), `--host 0.0.0.0 --port 8000` by default, with no
 * authentication (the upstream repository is archived; deployed images remain).
 * - `GET /v1/models`: its `OpenAIStub` lists exactly the registered models `tts-1` and `tts-1-hd`,
 *   each `"created": 0, "owned_by": "user"`;
 * - `GET /openapi.json` (confirms; FastAPI default title): the speech route `/v1/audio/speech`
 *   next to the stub's `/v1/dashboard/billing/usage`.
 * No version is exposed.
 * Read from source at 0.18.2-1-g31f0335 (matatonic/openedai-speech, 2025-02-02): openedai.py (`OpenAIStub`: `/`,
 * `/health`, `/v1/models`, `/v1/billing/usage`, `/v1/dashboard/billing/usage`, `model_info`), speech.py
 * (`/v1/audio/speech`, `register_model('tts-1')`/`('tts-1-hd')`, `-H` 0.0.0.0, `-P` 8000).
 */
export const openedaiSpeech: CatalogEntry = {
  service: 'openedai-speech',
  name: 'OpenedAI Speech',
  category: 'model-server',
  ports: [8000],
  sources: [
    'https://github.com/matatonic/openedai-speech/blob/main/openedai.py',
    'https://github.com/matatonic/openedai-speech/blob/main/speech.py',
  ],
  checkedAgainst: { evidence: 'source', release: '0.18.2-1-g31f0335 (31f0335, 2025-02-02)' },
  exposes: 'text-to-speech and voice cloning on the host GPU/CPU',
  identify: [
    {
      request: { path: '/v1/models' },
      match: {
        status: 200,
        json: [{ path: 'object', equals: 'list' }, { path: 'data[].id', equals: 'tts-1' }, { path: 'data[].id', equals: 'tts-1-hd' }, { path: 'data[].owned_by', equals: 'user' }, { path: 'data[].created', equals: 0 }],
      },
      confirm: { request: { path: '/openapi.json' }, match: { status: 200, bodyContains: ['"/v1/audio/speech"', '"/v1/dashboard/billing/usage"'] } },
    },
  ],
  auth: [
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'data[].id', equals: 'tts-1' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key: OpenedAI Speech has no authentication',
    },
  ],
  // README "Installation instructions" (speech.env, `-H`/`-P`): no auth option; bind it privately.
  remediation: {
    fix: 'OpenedAI Speech has no authentication: start it with -H 127.0.0.1 (its default is 0.0.0.0) or publish the container port on 127.0.0.1 only, and put an authenticating reverse proxy in front of shared access.',
    settings: ['-H 127.0.0.1', '-p 127.0.0.1:8000:8000'],
    docs: 'https://github.com/matatonic/openedai-speech#installation-instructions',
    allows: ['run-inference'],
  },
};
