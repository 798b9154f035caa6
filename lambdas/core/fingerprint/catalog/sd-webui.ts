import type { CatalogEntry } from '../catalog-schema.js';

/**
 * AUTOMATIC1111 stable-diffusion-webui (also its forks that keep the same UI/API, e.g. Forge). The
 * UI is a Gradio app titled "Stable Diffusion" whose footer links
 * `github.com/AUTOMATIC1111/stable-diffusion-webui/commit/<sha>` with the release tag, so the generic
 * Gradio entry would claim it: `order: 80` puts this entry first on every port. With `--api` the
 * `/sdapi/v1/*` routes are added to the same app; `--api-auth user:pass` makes them answer 401 through
 * A1111's own exception handler (`{"error":"HTTPException","detail":...,"body":"","errors":"401: ..."}`,
 * no WWW-Authenticate header), `--gradio-auth` protects only the UI (`/config` 401). KoboldCpp's
 * `/sdapi/v1/options` emulation only carries `samples_format` and `sd_model_checkpoint`, so the
 * options check requires `outdir_samples` too.
 * Sources (AUTOMATIC1111/stable-diffusion-webui):
 * - modules/api/api.py: `Api.__init__` routes, `add_api_route` + `auth` (HTTPBasic, 401), `api_middleware`
 *   `handle_exception` (error envelope), `get_config` (`/sdapi/v1/options`, OptionsModel of all settings).
 * - modules/shared_options.py: settings `outdir_samples`, `samples_format`, `sd_model_checkpoint`, ...
 * - modules/ui.py: `gr.Blocks(..., title="Stable Diffusion")`, `versions_html` (footer "version: <a
 *   href=\"https://github.com/AUTOMATIC1111/stable-diffusion-webui/commit/{commit}\">{tag}</a>").
 * - modules/ui_gradio_extensions.py `reload_javascript`/`javascript_html`: injects
 *   `<script type="text/javascript" src="file=script.js?<mtime>">` (and javascript/*.js) into every
 *   Gradio template response, login page included.
 * - modules/cmd_args.py: `--port` (Gradio default 7860; `--nowebui` API-only default 7861).
 */
export const sdWebui: CatalogEntry = {
  service: 'sd-webui',
  name: 'AUTOMATIC1111 Stable Diffusion WebUI',
  category: 'image-generation',
  ports: [7860, 7861],
  refines: 'gradio',
  order: 80,
  sources: [
    'https://github.com/AUTOMATIC1111/stable-diffusion-webui/blob/master/modules/api/api.py',
    'https://github.com/AUTOMATIC1111/stable-diffusion-webui/blob/master/modules/ui_gradio_extensions.py',
    'https://github.com/AUTOMATIC1111/stable-diffusion-webui/blob/master/modules/shared_options.py',
    'https://github.com/AUTOMATIC1111/stable-diffusion-webui/blob/master/modules/ui.py',
    'https://github.com/AUTOMATIC1111/stable-diffusion-webui/blob/master/modules/cmd_args.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'master, file-level: modules/api/api.py 2fec947, modules/ui.py 7c8a4cc (versions_html)' },
  exposes: 'txt2img/img2img generation (GPU time), checkpoints, settings and command-line flags',
  identify: [
    // Every Gradio page A1111 serves (the app, and the login stub under --gradio-auth) gets its own
    // scripts injected as `src="file=script.js?<mtime>"` (modules/ui_gradio_extensions.py).
    { request: { path: '/' }, match: { status: 200, bodyContains: ['window.gradio_config', 'src="file=script.js?'] } },
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'title', equals: 'Stable Diffusion' }, { path: 'components', type: 'array' }], bodyContains: ['stable-diffusion-webui'] },
    },
    {
      request: { path: '/sdapi/v1/options' },
      match: { status: 200, json: [{ path: 'outdir_samples', exists: true }, { path: 'sd_model_checkpoint', exists: true }] },
    },
    {
      request: { path: '/sdapi/v1/options' },
      match: { status: 401, json: [{ path: 'error', equals: 'HTTPException' }, { path: 'errors', contains: '401' }] },
    },
  ],
  auth: [
    {
      request: { path: '/sdapi/v1/options' },
      match: { status: 200, json: [{ path: 'outdir_samples', exists: true }] },
      auth: 'none',
      evidence: 'GET /sdapi/v1/options -> {status} without --api-auth (checkpoint {json:sd_model_checkpoint})',
    },
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status}: web UI open without --gradio-auth ({count:dependencies[]} UI functions)',
    },
    {
      request: { path: '/sdapi/v1/options' },
      match: { status: 401, json: [{ path: 'error', equals: 'HTTPException' }] },
      auth: 'required',
      evidence: 'GET /sdapi/v1/options -> {status} "{json:detail}" (--api-auth)',
    },
    {
      request: { path: '/config' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /config -> {status} (--gradio-auth), API not enabled',
    },
  ],
  version: [{ request: { path: '/config' }, regex: 'stable-diffusion-webui[\\w-]*/commit/[0-9a-f]+\\\\?">v?(\\d+\\.\\d+\\.\\d+[\\w.-]*)<' }],
  // AUTOMATIC1111 wiki "Command Line Arguments and Settings" and modules/cmd_args.py: --api-auth, --gradio-auth,
  // --listen (bind 0.0.0.0; without it the UI binds 127.0.0.1).
  remediation: {
    fix: 'Start the WebUI with credentials on both the API and the UI (--api-auth user:password and --gradio-auth user:password), and drop --listen/--share unless remote access is needed.',
    settings: ['--api-auth <user>:<password>', '--gradio-auth <user>:<password>'],
    docs: 'https://github.com/AUTOMATIC1111/stable-diffusion-webui/wiki/Command-Line-Arguments-and-Settings',
    allows: ['run-inference', 'read-data', 'admin'],
  },
  // modules/api/api.py `get_sd_models`: `GET /sdapi/v1/sd-models` -> `[{"title","model_name","hash","sha256","filename","config"}]`.
  inventory: [{ kind: 'model', request: { path: '/sdapi/v1/sd-models' }, match: { status: 200, json: [{ path: '', type: 'array' }] }, json: '[].model_name' }],
};
