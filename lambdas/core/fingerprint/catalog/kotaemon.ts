import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Kotaemon (Cinnamon), a Gradio RAG chat app on 7860 (the Docker image sets GRADIO_SERVER_NAME
 * 0.0.0.0). Its login is the app's own user management (`KH_FEATURE_USER_MANAGEMENT`, on by
 * default), drawn inside the Gradio page: a "Welcome" tab (`elem_id` `login-tab`) with the other tabs
 * hidden until sign-in. The first admin is `admin` / `admin` (`KH_FEATURE_USER_MANAGEMENT_ADMIN` /
 * `_PASSWORD`); only a login through a Gradio event could prove it, so it is named, never tried.
 * - It refines the Gradio entry: `GET /config` (Gradio 4) carries Kotaemon's element ids
 *   `main-chat-bot`, `conversation-dropdown`, `chat-tab`, and `login-tab` when user management is on.
 * A Kotaemon behind Gradio's own `auth=` shows nothing of Kotaemon before login: it reports as Gradio.
 * Read from source at v0.11.3 (4015bb0, Cinnamon/kotaemon, 2026-03-28): libs/ktem/ktem/main.py (`ui` tabs),
 * libs/ktem/ktem/app.py (`KH_APP_NAME` title), libs/ktem/ktem/pages/chat/chat_panel.py + control.py (elem ids),
 * libs/ktem/ktem/pages/login.py, flowsettings.py (user management defaults), app.py, launch.sh, README.md.
 */
export const kotaemon: CatalogEntry = {
  service: 'kotaemon',
  name: 'Kotaemon',
  category: 'chat-ui',
  ports: [7860],
  refines: 'gradio',
  order: 80,
  sources: [
    'https://github.com/Cinnamon/kotaemon/blob/main/libs/ktem/ktem/main.py',
    'https://github.com/Cinnamon/kotaemon/blob/main/flowsettings.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.11.3 (4015bb0, Cinnamon/kotaemon, 2026-03-28)' },
  exposes: 'document collections, chat history and the configured LLM and embedding keys',
  identify: [
    {
      request: { path: '/config' },
      match: {
        status: 200,
        json: [
          { path: 'components', type: 'array' },
          { path: 'components[].props.elem_id', equals: 'main-chat-bot' },
          { path: 'components[].props.elem_id', equals: 'conversation-dropdown' },
          { path: 'components[].props.elem_id', equals: 'chat-tab' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components[].props.elem_id', equals: 'login-tab' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "{json:title}" with its sign-in tab (KH_FEATURE_USER_MANAGEMENT); the first admin, admin / admin, must have been changed',
    },
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }], bodyExcludes: ['"login-tab"'] },
      auth: 'none',
      evidence: 'GET /config -> {status} "{json:title}" without a sign-in tab: user management is off (KH_FEATURE_USER_MANAGEMENT=false), anyone can chat and read the files',
    },
  ],
  // `/config` `version` is Gradio's; Kotaemon's own version is only drawn by the page's script.
  // README "Installation": default username and password are both admin; flowsettings.py KH_FEATURE_USER_MANAGEMENT* (env).
  remediation: {
    fix: 'Keep user management on (KH_FEATURE_USER_MANAGEMENT=true) and change the admin / admin account at first login; do not publish port 7860 beyond the people who need it.',
    settings: ['KH_FEATURE_USER_MANAGEMENT=true', 'KH_FEATURE_USER_MANAGEMENT_PASSWORD=<strong password>', 'GRADIO_SERVER_NAME=127.0.0.1'],
    docs: 'https://github.com/Cinnamon/kotaemon#customize-your-application',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
