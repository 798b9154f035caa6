import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Hugging Face chat-ui (the HuggingChat app), port 3000 in Docker (5173 in development). Its API
 * answers superjson (`{"json": {...}}`):
 * - `GET /api/v2/feature-flags`: `{"json": {"enableAssistants", "loginEnabled", "isAdmin",
 *   "transcriptionEnabled"}}`; `loginEnabled` is `!!OPENID_CONFIG.CLIENT_ID`. Without OIDC there is
 *   no login at all: anyone chats on the configured models (their keys). With OIDC the pages need a
 *   login (AUTOMATIC_LOGIN=true: every route redirects to the provider and this route is not
 *   reached, so such an instance is not identified).
 * - `GET /api/v2/public-config`: the `PUBLIC_*` settings, e.g. `PUBLIC_APP_NAME` (default "ChatUI").
 * Markers: the feature-flag document, confirmed by the public config.
 * Read from source at v0.10.0-174-gc100c16 (huggingface/chat-ui, 2026-08-21): src/routes/api/v2/feature-flags/+server.ts,
 * src/routes/api/v2/public-config/+server.ts, src/lib/server/api/utils/superjsonResponse.ts, src/lib/server/auth.ts
 * (`loginEnabled`), src/lib/server/hooks/handle.ts (login redirects, AUTOMATIC_LOGIN), .env (PUBLIC_APP_NAME=ChatUI).
 */
export const huggingfaceChatUi: CatalogEntry = {
  service: 'huggingface-chat-ui',
  name: 'Hugging Face chat-ui',
  category: 'chat-ui',
  ports: [3000, 5173],
  sources: [
    'https://github.com/huggingface/chat-ui/blob/main/src/routes/api/v2/feature-flags/+server.ts',
    'https://github.com/huggingface/chat-ui/blob/main/src/lib/server/auth.ts',
    'https://github.com/huggingface/chat-ui/blob/main/src/lib/server/hooks/handle.ts',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.10.0-174-gc100c16' },
  exposes: 'chat on the configured models (billed to their API keys) and the stored conversations',
  identify: [
    {
      request: { path: '/api/v2/feature-flags' },
      match: { status: 200, json: [{ path: 'json.loginEnabled', type: 'boolean' }, { path: 'json.enableAssistants', type: 'boolean' }, { path: 'json.isAdmin', type: 'boolean' }] },
      confirm: { request: { path: '/api/v2/public-config' }, match: { status: 200, json: [{ path: 'json.PUBLIC_APP_NAME', type: 'string' }] } },
    },
  ],
  auth: [
    {
      request: { path: '/api/v2/feature-flags' },
      match: { status: 200, json: [{ path: 'json.loginEnabled', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/v2/feature-flags -> {status} "loginEnabled": false: no OpenID login configured, anyone can chat',
    },
    {
      request: { path: '/api/v2/feature-flags' },
      match: { status: 200, json: [{ path: 'json.loginEnabled', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/v2/feature-flags -> {status} "loginEnabled": true (OpenID login configured)',
    },
  ],
  // README "OpenID connect": set OPENID_CONFIG (CLIENT_ID/CLIENT_SECRET/PROVIDER_URL) to require logins;
  // AUTOMATIC_LOGIN=true makes authentication required on all routes.
  remediation: {
    fix: 'Configure an OpenID Connect provider (OPENID_CLIENT_ID / OPENID_CLIENT_SECRET / OPENID_PROVIDER_URL) and set AUTOMATIC_LOGIN=true so every route needs a login.',
    settings: ['OPENID_CLIENT_ID=<id>', 'OPENID_CLIENT_SECRET=<secret>', 'OPENID_PROVIDER_URL=<issuer>', 'AUTOMATIC_LOGIN=true'],
    docs: 'https://huggingface.co/docs/chat-ui/configuration/open-id',
    allows: ['spend-api-keys', 'run-inference', 'read-data'],
  },
};
