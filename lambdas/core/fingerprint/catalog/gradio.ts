import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Gradio apps (`launch()`; also the UI layer of many other tools). With `auth=` set, `/config`
 * depends on `login_check` and answers 401 `{"detail":{"error":"Not authenticated","auth_message":...}}`
 * (before gradio 5.36, PR #11435: FastAPI's generic `{"detail":"Not authenticated"}`, used here only
 * for the auth state, never to identify), while `GET /` still serves the page with a stub
 * `window.gradio_config` (`"auth_required": true`, no version). Without auth `/config` returns the
 * full app config.
 * Sources (gradio-app/gradio):
 * - gradio/routes.py: `login_check`, `main` (`GET /`, auth stub config), `get_config` (`GET /config`).
 * - gradio/blocks.py `get_config_file`: `version`, `api_prefix`, `mode`, `components`, `dependencies`, ...
 * - js/build/out/index.js `inject_ejs`: `<script>window.gradio_config = {...};</script>` in the page.
 * - gradio/blocks.py `launch` docs: default port 7860 (`GRADIO_SERVER_PORT`).
 */
export const gradio: CatalogEntry = {
  service: 'gradio',
  name: 'Gradio app',
  category: 'demo-ui',
  ports: [7860],
  // Read from source, not recorded (release not pinned: the main branch as of 2026-12):
  // gradio/networking.py: INITIAL_PORT_VALUE 7860 and TRY_NUM_PORTS 100 ("If that is not
  // available, then it will try 7861, 7862, ... 7959"): the first ten neighbours.
  alternatePorts: [7861, 7862, 7863, 7864, 7865, 7866, 7867, 7868, 7869, 7870],
  sources: [
    'https://github.com/gradio-app/gradio/blob/main/gradio/routes.py',
    'https://github.com/gradio-app/gradio/blob/main/gradio/blocks.py',
    'https://github.com/gradio-app/gradio/blob/main/js/build/out/index.js',
  ],
  checkedAgainst: { evidence: 'source', release: 'gradio@6.25.0-6-g375335e60e (375335e60e, 2026-08-22)' },
  exposes: "the app's functions (models, file access) through its API",
  identify: [
    {
      request: { path: '/config' },
      match: {
        status: 200,
        json: [{ path: 'version', type: 'string' }, { path: 'mode', type: 'string' }, { path: 'components', type: 'array' }],
      },
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail.error', equals: 'Not authenticated' }, { path: 'detail.auth_message', exists: true }] },
    },
    { request: { path: '/' }, match: { status: 200, bodyContains: ['window.gradio_config = {'] } },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} without login: "{json:title}", {count:components[]} components, {count:dependencies[]} API functions',
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail.error', equals: 'Not authenticated' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "Not authenticated" (Gradio auth)',
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Not authenticated' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "Not authenticated" (Gradio auth, pre-5.36 body)',
    },
  ],
  version: [{ request: { path: '/config' }, json: 'version' }],
  // gradio guides/sharing-your-app "Authentication" (`launch(auth=...)`); gradio/blocks.py `launch` docs:
  // `server_name` / GRADIO_SERVER_NAME (default 127.0.0.1).
  remediation: {
    fix: 'Launch the app with a login (demo.launch(auth=[("<user>", "<password>")]) or an auth function), and keep it on localhost (server_name="127.0.0.1", the default) behind an authenticating reverse proxy if others need it.',
    settings: ['demo.launch(auth=("<user>", "<password>"))', 'GRADIO_SERVER_NAME=127.0.0.1'],
    docs: 'https://www.gradio.app/guides/sharing-your-app',
    allows: ['run-inference', 'read-data'],
  },
};
