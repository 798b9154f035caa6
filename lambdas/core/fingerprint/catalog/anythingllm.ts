import type { CatalogEntry } from '../catalog-schema.js';

/**
 * AnythingLLM (server, default port 3001). The Express app serves the SPA for every path it does
 * not route (`app.use("/", IndexPage.generate)`), so only JSON answers identify it:
 * - `GET /manifest.json` is generated (`MetaGenerator.generateManifest`): `{"name": "AnythingLLM"`
 *   (or the admin's custom page title)`, "short_name", "display": "standalone", "orientation":
 *   "portrait", ...}`. SillyTavern probes the same path, so it costs one request for both.
 * - `GET /api/setup-complete` is unauthenticated (no `validatedRequest`) and answers
 *   `{"results": SystemSettings.currentSettings()}`: `RequiresAuth`/`AuthToken` (= AUTH_TOKEN set),
 *   `JWTSecret` (= JWT_SECRET set), `MultiUserMode`, `LLMProvider`, `VectorDB`, `EmbeddingEngine`, ...
 * Auth, from `validatedRequest`: single-user mode passes every request when AUTH_TOKEN *or*
 * JWT_SECRET is unset; multi-user mode always checks the session token.
 * No version is exposed before login.
 * Sources (Mintplex-Labs/anything-llm):
 * - server/index.js: `/api` router, `/manifest.json`, the index-page catch-all, SERVER_PORT 3001.
 * - server/endpoints/system.js: `GET /setup-complete`, `GET /ping`.
 * - server/models/systemSettings.js: `currentSettings`.
 * - server/utils/boot/MetaGenerator.js: `generateManifest`, default title.
 * - server/utils/middleware/validatedRequest.js: AUTH_TOKEN / JWT_SECRET / multi-user checks.
 */
export const anythingllm: CatalogEntry = {
  service: 'anythingllm',
  name: 'AnythingLLM',
  category: 'chat-ui',
  ports: [3001],
  sources: [
    'https://github.com/Mintplex-Labs/anything-llm/blob/master/server/index.js',
    'https://github.com/Mintplex-Labs/anything-llm/blob/master/server/endpoints/system.js',
    'https://github.com/Mintplex-Labs/anything-llm/blob/master/server/models/systemSettings.js',
    'https://github.com/Mintplex-Labs/anything-llm/blob/master/server/utils/boot/MetaGenerator.js',
    'https://github.com/Mintplex-Labs/anything-llm/blob/master/server/utils/middleware/validatedRequest.js',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.16.0-17-g72aabbd15 (2026-08-21)' },
  exposes: 'workspaces, uploaded documents, chat history and the configured LLM/vector-DB settings',
  identify: [
    {
      request: { path: '/manifest.json' },
      match: { status: 200, json: [{ path: 'name', equals: 'AnythingLLM' }, { path: 'orientation', equals: 'portrait' }] },
    },
    {
      request: { path: '/api/setup-complete' },
      match: {
        status: 200,
        json: [
          { path: 'results.RequiresAuth', type: 'boolean' },
          { path: 'results.MultiUserMode', type: 'boolean' },
          { path: 'results.EmbeddingEngine', type: 'string' },
          { path: 'results.HasExistingEmbeddings', type: 'boolean' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/api/setup-complete' },
      match: { status: 200, json: [{ path: 'results.MultiUserMode', equals: false }, { path: 'results.RequiresAuth', equals: false }] },
      auth: 'none',
      evidence:
        'GET /api/setup-complete -> {status}: single-user mode without AUTH_TOKEN, no password at all (LLM {json:results.LLMProvider}, vector DB {json:results.VectorDB})',
    },
    {
      request: { path: '/api/setup-complete' },
      match: { status: 200, json: [{ path: 'results.MultiUserMode', equals: false }, { path: 'results.JWTSecret', equals: false }] },
      auth: 'none',
      evidence:
        'GET /api/setup-complete -> {status}: AUTH_TOKEN set but JWT_SECRET unset, so validatedRequest lets every request through (LLM {json:results.LLMProvider})',
    },
    {
      request: { path: '/api/setup-complete' },
      match: { status: 200, json: [{ path: 'results.MultiUserMode', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/setup-complete -> {status} with MultiUserMode=true: user login required (LLM {json:results.LLMProvider})',
    },
    {
      request: { path: '/api/setup-complete' },
      match: { status: 200, json: [{ path: 'results.RequiresAuth', equals: true }] },
      auth: 'required',
      evidence: 'GET /api/setup-complete -> {status} with RequiresAuth=true: single-user password (AUTH_TOKEN) required',
    },
  ],
  // docker/.env.example and server/utils/middleware/validatedRequest.js (Mintplex-Labs/anything-llm): single-user
  // password mode needs AUTH_TOKEN *and* JWT_SECRET; SECURITY.md: password or multi-user mode are the two protections.
  remediation: {
    fix: "Turn on AnythingLLM's own protection: set a password (AUTH_TOKEN=<password> together with JWT_SECRET=<random string>; either alone leaves every request open) or enable multi-user mode in Settings > Security.",
    settings: ['AUTH_TOKEN=<password>', 'JWT_SECRET=<random string, 12+ chars>', 'Settings > Security > Multi-user mode'],
    docs: 'https://github.com/Mintplex-Labs/anything-llm/blob/master/docker/.env.example',
    allows: ['read-data', 'write-data', 'spend-api-keys', 'admin'],
  },
  // server/endpoints/workspaces.js: `GET /api/workspaces` (validatedRequest, open here) answers `{"workspaces": [{"name", "slug", ...}]}`.
  inventory: [{ kind: 'project', request: { path: '/api/workspaces' }, json: 'workspaces[].name' }],
};
