import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Open Interpreter server (`interpreter --server`, AsyncInterpreter), port 8000 on 127.0.0.1 by
 * default (`INTERPRETER_HOST` / `INTERPRETER_PORT`): a language model that runs code on the host,
 * driven over a WebSocket at `/`. With `INTERPRETER_API_KEY` set, a middleware answers every path
 * but `/heartbeat` with 403 `{"detail": "Authentication failed"}` unless `X-API-KEY` matches;
 * without it everything is open (and `INTERPRETER_INSECURE_ROUTES=true` adds `POST /run`).
 * - `GET /heartbeat` (never gated): `{"status": "alive"}`.
 * - Open: `GET /` is a PlainTextResponse holding the test chat page (`<title>Chat</title>`, buttons
 *   `approveCodeButton` and `authButton`, `new WebSocket("ws://<host>:<port>/")`);
 *   `GET /settings/auto_run` answers the JSON *string* `json.dumps({"auto_run": <bool>})`.
 * - Locked: the 403 on `/settings/auto_run`, confirmed by the heartbeat.
 * Two markers in either state: the page (or the double-encoded setting) and the setting read
 * (open); the 403 text and the heartbeat (locked). No route names a version.
 * Read from source at v0.4.2-12-g073636f (openinterpreter/open-interpreter, 2025-07-29): interpreter/core/async_core.py
 * (`create_router`: `/heartbeat`, `/`, `/settings/{setting}`, `/run`; `Server`: `validate_api_key` middleware,
 * DEFAULT_HOST 127.0.0.1, DEFAULT_PORT 8000).
 */
export const openInterpreter: CatalogEntry = {
  service: 'open-interpreter',
  name: 'Open Interpreter server',
  category: 'agent-builder',
  ports: [8000],
  openSeverity: 'critical',
  sources: ['https://github.com/openinterpreter/open-interpreter/blob/main/interpreter/core/async_core.py'],
  checkedAgainst: { evidence: 'source', release: 'v0.4.2-12-g073636f' },
  exposes: 'a language model that writes and runs code on the host (arbitrary code execution)',
  identify: [
    {
      request: { path: '/settings/auto_run' },
      match: { status: 200, bodyRegex: '^"\\{\\\\"auto_run\\\\": (true|false)\\}"$' },
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyContains: ['<title>Chat</title>', 'id="approveCodeButton"', 'id="authButton"', 'new WebSocket("ws://'] },
    },
    {
      request: { path: '/settings/auto_run' },
      match: { status: 403, bodyRegex: '^\\{"detail":"Authentication failed"\\}$' },
      confirm: { request: { path: '/heartbeat' }, match: { status: 200, bodyRegex: '^\\{"status":"alive"\\}$' } },
    },
  ],
  auth: [
    {
      request: { path: '/settings/auto_run' },
      match: { status: 200, bodyContains: ['auto_run'] },
      auth: 'none',
      evidence: 'GET /settings/auto_run -> {status} without X-API-KEY (INTERPRETER_API_KEY unset): the code-running agent is open',
    },
    {
      request: { path: '/settings/auto_run' },
      match: { status: 403, json: [{ path: 'detail', equals: 'Authentication failed' }] },
      auth: 'required',
      evidence: 'GET /settings/auto_run -> {status} "Authentication failed" (INTERPRETER_API_KEY set)',
    },
  ],
  // docs "Server" (docs/server/usage.mdx): INTERPRETER_API_KEY guards every route but /heartbeat; INTERPRETER_HOST
  // defaults to 127.0.0.1; INTERPRETER_INSECURE_ROUTES adds /run and /upload.
  remediation: {
    fix: 'Set INTERPRETER_API_KEY so every request needs the X-API-KEY header, keep INTERPRETER_HOST=127.0.0.1 (the default) and never set INTERPRETER_INSECURE_ROUTES on a reachable server.',
    settings: ['INTERPRETER_API_KEY=<random>', 'INTERPRETER_HOST=127.0.0.1', 'unset INTERPRETER_INSECURE_ROUTES'],
    docs: 'https://docs.openinterpreter.com/server/usage',
    allows: ['run-code', 'read-data', 'spend-api-keys'],
  },
};
