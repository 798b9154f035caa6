import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Chuanhu Chat (ChuanhuChatGPT), a Gradio chat UI for OpenAI-style and local models. Without
 * `server_port` it takes Gradio's free port from 7860 (Docker: 0.0.0.0:7860). Login is Gradio's
 * own `auth=`, on only when `config.json` lists `users`; otherwise anyone can chat on the
 * operator's API key.
 * - `reload_javascript` rewrites every Gradio page, the login page included, adding
 *   `<meta name="application-name" content="川虎 Chat">` and the `/file=web_assets/manifest.json`
 *   link: the marker in both states.
 * - It refines the Gradio entry: open, `GET /config` carries its element ids `chuanhu-chatbot` and
 *   `chuanhu-history`; locked, `/config` is Gradio's 401 (Gradio 4.29: `{"detail": "Not authenticated"}`).
 * Read from source at 20241204-5-g550fd86 (GaiZhenbiao/ChuanhuChatGPT, 2025-03-13): modules/webui.py
 * (`reload_javascript` meta), ChuanhuChatbot.py (elem ids, `launch(auth=auth_from_conf if authflag)`),
 * modules/config.py (`users` -> authflag, server_name/port defaults), config_example.json, requirements.txt (gradio 4.29.0).
 */
export const chuanhuChat: CatalogEntry = {
  service: 'chuanhu-chat',
  name: 'Chuanhu Chat',
  category: 'chat-ui',
  ports: [7860],
  refines: 'gradio',
  order: 80,
  sources: [
    'https://github.com/GaiZhenbiao/ChuanhuChatGPT/blob/main/modules/webui.py',
    'https://github.com/GaiZhenbiao/ChuanhuChatGPT/blob/main/ChuanhuChatbot.py',
    'https://github.com/GaiZhenbiao/ChuanhuChatGPT/blob/main/modules/config.py',
  ],
  checkedAgainst: { evidence: 'source', release: '20241204-5-g550fd86 (GaiZhenbiao/ChuanhuChatGPT, 2025-03-13)' },
  exposes: "chat on the operator's model API keys, chat histories and uploaded files",
  identify: [
    {
      request: { path: '/config' },
      match: {
        status: 200,
        json: [
          { path: 'components', type: 'array' },
          { path: 'components[].props.elem_id', equals: 'chuanhu-chatbot' },
          { path: 'components[].props.elem_id', equals: 'chuanhu-history' },
        ],
      },
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<meta name="application-name" content="川虎 Chat">', '/file=web_assets/manifest.json'] },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} without login: no "users" in config.json, anyone can chat on the configured API key',
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Not authenticated' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "Not authenticated" (Gradio login from config.json "users")',
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail.error', equals: 'Not authenticated' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "Not authenticated" (Gradio login from config.json "users")',
    },
  ],
  // README "部署相关" (deployment) and config_example.json: "users": [["user", "password"]] turns on the login.
  remediation: {
    fix: 'List accounts under "users" in config.json (Gradio login) and keep "server_name" on 127.0.0.1 unless the UI must be shared.',
    settings: ['config.json "users": [["<user>", "<password>"]]', 'config.json "server_name": "127.0.0.1"'],
    docs: 'https://github.com/GaiZhenbiao/ChuanhuChatGPT/blob/main/config_example.json',
    allows: ['spend-api-keys', 'read-data'],
  },
};
