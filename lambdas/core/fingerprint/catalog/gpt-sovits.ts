import type { CatalogEntry } from '../catalog-schema.js';

/**
 * GPT-SoVITS (few-shot voice cloning TTS). Two faces, neither with a login:
 * - the WebUIs, Gradio apps titled "GPT-SoVITS WebUI" (`gr.Blocks(title=...)`): the training/tools
 *   UI (webui.py, port 9874) and the inference UI (inference_webui.py, 9872), both launched with
 *   `server_name="0.0.0.0"`; they refine the Gradio entry through `GET /config`'s title;
 * - the HTTP API, api.py (v1) and api_v2.py (default 127.0.0.1:9880), plain FastAPI apps (default
 *   title "FastAPI") recognised by their routes in `GET /openapi.json`: v2 `/set_gpt_weights`,
 *   `/set_sovits_weights` and `/set_refer_audio`; v1 `/set_model`, `/change_refer` and `/control`.
 * Their GET routes change state (`/control?command=restart|exit` restarts or kills the process,
 * `/set_*` swap the loaded models): they are in never-request.ts and never sent.
 * No version is exposed (the Gradio `/config` version is Gradio's).
 * Read from source at 20250606v2pro-80-g48b1a01 (RVC-Boss/GPT-SoVITS, 2026-08-18): webui.py and
 * GPT_SoVITS/inference_webui.py (`gr.Blocks(title="GPT-SoVITS WebUI")`, `launch(server_name="0.0.0.0")`),
 * config.py (webui ports 9871-9874), api_v2.py (routes, `-a` 127.0.0.1, `-p` 9880, `handle_control`), api.py (routes).
 */
export const gptSovits: CatalogEntry = {
  service: 'gpt-sovits',
  name: 'GPT-SoVITS',
  category: 'demo-ui',
  ports: [9874, 9872, 9880],
  refines: 'gradio',
  order: 80,
  sources: [
    'https://github.com/RVC-Boss/GPT-SoVITS/blob/main/webui.py',
    'https://github.com/RVC-Boss/GPT-SoVITS/blob/main/api_v2.py',
    'https://github.com/RVC-Boss/GPT-SoVITS/blob/main/api.py',
    'https://github.com/RVC-Boss/GPT-SoVITS/blob/main/config.py',
  ],
  checkedAgainst: { evidence: 'source', release: '20250606v2pro-80-g48b1a01 (48b1a01, 2026-08-18)' },
  exposes: 'voice cloning and speech synthesis on the host GPU, model training and switching, and a restart/exit control route',
  identify: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'title', equals: 'GPT-SoVITS WebUI' }, { path: 'components', type: 'array' }] },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"/set_gpt_weights"', '"/set_sovits_weights"', '"/set_refer_audio"'] },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"/set_model"', '"/change_refer"', '"/control"'] },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'title', equals: 'GPT-SoVITS WebUI' }, { path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} "{json:title}" without login: the GPT-SoVITS WebUI has no authentication',
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContainsAny: ['"/set_gpt_weights"', '"/set_model"'], bodyExcludes: ['"securitySchemes"'] },
      auth: 'none',
      evidence: 'GET /openapi.json -> {status}: the GPT-SoVITS API (TTS, model switching, restart control) is served without credentials',
    },
  ],
  // README "Finetune and inference": the WebUIs and api.py/api_v2.py have no auth; api_v2.py binds 127.0.0.1 unless -a is given.
  remediation: {
    fix: 'GPT-SoVITS has no authentication: run api_v2.py on its default -a 127.0.0.1, keep the WebUI ports (9871-9874) off public interfaces (they bind 0.0.0.0), and reach them through an SSH tunnel or an authenticating proxy.',
    settings: ['python api_v2.py -a 127.0.0.1', 'firewall ports 9871-9874 and 9880', 'authenticating reverse proxy'],
    docs: 'https://github.com/RVC-Boss/GPT-SoVITS#finetune-and-inference',
    allows: ['run-inference', 'pull-models', 'write-data', 'admin'],
  },
};
