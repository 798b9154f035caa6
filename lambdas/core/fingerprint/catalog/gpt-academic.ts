import type { CatalogEntry } from '../catalog-schema.js';

/**
 * GPT Academic (binary-husky/gpt_academic), a Gradio 3 research assistant: chat, paper
 * translation and code analysis on the operator's model keys, including plug-ins that read
 * uploaded archives. It binds 0.0.0.0 on `WEB_PORT` (config default -1: a random free port;
 * docker-compose example 12345). Login is Gradio's `auth=`, on only when `AUTHENTICATION` lists
 * accounts.
 * - It refines the Gradio entry: open, `GET /config` (Gradio 3.32) carries the Blocks title
 *   "GPT 学术优化" and the element ids `gpt-chatbot` and `gpt-panel`. A locked instance shows
 *   only Gradio's login (auth message "请登录"), so it reports as Gradio with auth required.
 * Read from source at version3.91-78-g0aa0472d (binary-husky/gpt_academic, 2025-09-20): main.py (Blocks title,
 * elem ids, `start_app`), shared_utils/fastapi_server.py (`start_app`: auth from AUTHENTICATION, host 0.0.0.0),
 * config.py (WEB_PORT -1, AUTHENTICATION []), docker-compose.yml (WEB_PORT 12345), requirements.txt (gradio 3.32).
 */
export const gptAcademic: CatalogEntry = {
  service: 'gpt-academic',
  name: 'GPT Academic',
  category: 'chat-ui',
  ports: [12345],
  refines: 'gradio',
  order: 80,
  sources: [
    'https://github.com/binary-husky/gpt_academic/blob/master/main.py',
    'https://github.com/binary-husky/gpt_academic/blob/master/shared_utils/fastapi_server.py',
    'https://github.com/binary-husky/gpt_academic/blob/master/config.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'version3.91-78-g0aa0472d (binary-husky/gpt_academic, 2025-09-20)' },
  exposes: "chat and document plug-ins on the operator's model API keys, and the uploaded files",
  identify: [
    {
      request: { path: '/config' },
      match: {
        status: 200,
        json: [
          { path: 'title', contains: '学术优化' },
          { path: 'components[].props.elem_id', equals: 'gpt-chatbot' },
          { path: 'components[].props.elem_id', equals: 'gpt-panel' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} "{json:title}" without login: AUTHENTICATION is empty, anyone can use the configured model keys',
    },
  ],
  // `/config` `version` is Gradio's; the app's own version is in version.json, not served.
  // config.py: AUTHENTICATION = [("username", "password"), ...] (or GPT_ACADEMIC_AUTHENTICATION) turns on the login.
  remediation: {
    fix: 'Set accounts in AUTHENTICATION (config_private.py or the GPT_ACADEMIC_AUTHENTICATION environment variable) so Gradio asks for a login, and keep WEB_PORT off public addresses.',
    settings: ['AUTHENTICATION=[("<user>", "<password>")]', 'GPT_ACADEMIC_AUTHENTICATION'],
    docs: 'https://github.com/binary-husky/gpt_academic/blob/master/config.py',
    allows: ['spend-api-keys', 'read-data', 'write-data'],
  },
};
