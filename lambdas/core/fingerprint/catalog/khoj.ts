import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Khoj, a personal AI over one's documents, port 42110. Logins are on by default; `--anonymous-mode`
 * turns every request into the default user's (no login at all).
 * - Open (anonymous mode): `GET /api/v1/user` answers `{"email", "username", "photo",
 *   "is_active", "has_documents", "khoj_version"}` (routers/api.py `user_info`).
 * - Locked: `/api/v1/user` is `@requires(["authenticated"])` -> 403; the auth router (mounted only
 *   outside anonymous mode) answers `GET /auth/oauth/metadata` with `{"google": {"client_id",
 *   "redirect_uri": "/auth/redirect"}}` (url_path_for("auth")). That document identifies the
 *   locked state, confirmed by the 403 on `/api/v1/user`.
 * Version: `khoj_version` (open only).
 * Read from source at 2.0.0-beta.28-12-gae229ca (khoj-ai/khoj, 2026-08-01): src/khoj/routers/api.py
 * (`/v1/user`, `/health`), src/khoj/configure.py (routers, auth router only without anonymous mode),
 * src/khoj/routers/auth.py (`/oauth/metadata`, `/redirect` named auth), src/khoj/utils/cli.py (port 42110, --anonymous-mode).
 */
export const khoj: CatalogEntry = {
  service: 'khoj',
  name: 'Khoj',
  category: 'chat-ui',
  ports: [42110],
  sources: [
    'https://github.com/khoj-ai/khoj/blob/master/src/khoj/routers/api.py',
    'https://github.com/khoj-ai/khoj/blob/master/src/khoj/routers/auth.py',
    'https://github.com/khoj-ai/khoj/blob/master/src/khoj/configure.py',
  ],
  checkedAgainst: { evidence: 'source', release: '2.0.0-beta.28-12-gae229ca' },
  exposes: "the indexed documents, chats and agents of the server's user, and chat on its models",
  identify: [
    {
      request: { path: '/api/v1/user' },
      match: { status: 200, json: [{ path: 'khoj_version', type: 'string' }, { path: 'has_documents', type: 'boolean' }, { path: 'is_active', type: 'boolean' }] },
    },
    {
      request: { path: '/auth/oauth/metadata' },
      match: { status: 200, json: [{ path: 'google.redirect_uri', equals: '/auth/redirect' }, { path: 'google.client_id', exists: true }] },
      confirm: { request: { path: '/api/v1/user' }, match: { status: 403 } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v1/user' },
      match: { status: 200, json: [{ path: 'khoj_version', type: 'string' }] },
      auth: 'none',
      evidence: 'GET /api/v1/user -> {status} as user {json:username} without a login (--anonymous-mode)',
    },
    {
      request: { path: '/api/v1/user' },
      match: { status: 403 },
      auth: 'required',
      evidence: 'GET /api/v1/user -> {status}; the login routes (/auth) are mounted: accounts required',
    },
  ],
  version: [{ request: { path: '/api/v1/user' }, match: { status: 200, json: [{ path: 'khoj_version', type: 'string' }] }, json: 'khoj_version' }],
  // docs "Self-host > Setup": anonymous mode is for single-user local use; remote servers keep authentication
  // (KHOJ_ADMIN_EMAIL / KHOJ_ADMIN_PASSWORD, Google or magic-link login).
  remediation: {
    fix: 'Do not run a reachable Khoj with --anonymous-mode: keep accounts on (KHOJ_ADMIN_EMAIL / KHOJ_ADMIN_PASSWORD and a login method) and bind it to localhost otherwise.',
    settings: ['no --anonymous-mode', 'KHOJ_ADMIN_EMAIL / KHOJ_ADMIN_PASSWORD', '--host 127.0.0.1'],
    docs: 'https://docs.khoj.dev/get-started/setup',
    allows: ['read-data', 'write-data', 'spend-api-keys'],
  },
};
