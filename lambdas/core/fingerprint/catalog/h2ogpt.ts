import type { CatalogEntry } from '../catalog-schema.js';

/**
 * h2oGPT (H2O.ai), a Gradio document-chat app on 7860, bound to 0.0.0.0 by default
 * (`server_name`). Login is optional (`--auth`), and with the default `auth_access='open'` the
 * login accepts any new user/password: the Gradio login page then says so itself, "WELCOME to
 * h2oGPT!  Open access (<guest>/<guest> or any unique user/pass)".
 * - It refines the Gradio entry: open, `GET /config` (Gradio 4.44) carries the page title
 *   (`page_title`, default "h2oGPT") and the API function `submit_nochat_api` (unless ALLOW_API=0).
 * - Behind the open-access login, `GET /` carries that auth message in the stub config. With
 *   `auth_access='closed'` the message is "Closed access" and the instance reports as Gradio (required).
 * Read from source at 0.2.1-1198-ga0ad1920 (h2oai/h2ogpt, 2025-03-17): src/gen.py (`server_name` 0.0.0.0, `auth`,
 * `auth_access` 'open', `page_title` "h2oGPT", `allow_api`), src/gradio_runner.py (`auth_message1`, Blocks title,
 * `api_name='submit_nochat_api'`, `demo.launch(auth=..., auth_message=...)`), requirements.txt (gradio 4.44.0).
 */
export const h2ogpt: CatalogEntry = {
  service: 'h2ogpt',
  name: 'h2oGPT',
  category: 'chat-ui',
  ports: [7860],
  refines: 'gradio',
  order: 80,
  sources: ['https://github.com/h2oai/h2ogpt/blob/main/src/gen.py', 'https://github.com/h2oai/h2ogpt/blob/main/src/gradio_runner.py'],
  checkedAgainst: { evidence: 'source', release: '0.2.1-1198-ga0ad1920 (h2oai/h2ogpt, 2025-03-17)' },
  exposes: 'chat and document Q&A on its models, uploaded document collections and their files',
  identify: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'title', contains: 'h2oGPT' }, { path: 'dependencies[].api_name', equals: 'submit_nochat_api' }] },
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['"auth_required":true', 'Open access (', ' or any unique user/pass)'], bodyRegex: 'WELCOME to [^"!]*h2oGPT[^"!]*!' },
    },
  ],
  auth: [
    {
      request: { path: '/config' },
      match: { status: 200, json: [{ path: 'components', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /config -> {status} "{json:title}" without login (no --auth)',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['Open access (', ' or any unique user/pass)'] },
      auth: 'none',
      evidence: 'GET / -> {status}: the login page says "Open access ... or any unique user/pass" (auth_access=open): any new user/password gets in',
    },
    {
      request: { path: '/config' },
      match: { status: 401, json: [{ path: 'detail', equals: 'Not authenticated' }] },
      auth: 'required',
      evidence: 'GET /config -> {status} "Not authenticated" (Gradio login)',
    },
  ],
  // src/gen.py docs: --auth (users file), --auth_access=closed so only listed users get in.
  remediation: {
    fix: "Start h2oGPT with a login (--auth=<users file>) and --auth_access=closed, and keep it on localhost (--server_name=127.0.0.1) unless it must be shared.",
    settings: ['--auth=<auth.json>', '--auth_access=closed', '--server_name=127.0.0.1'],
    docs: 'https://github.com/h2oai/h2ogpt/blob/main/docs/FAQ.md',
    allows: ['run-inference', 'read-data', 'write-data'],
  },
};
