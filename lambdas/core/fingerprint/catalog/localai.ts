import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LocalAI. No auth by default. Static keys (`LOCALAI_API_KEY`/`API_KEY`) or the user-auth system
 * make API paths answer 401 + `WWW-Authenticate: Bearer` with
 * `{"error":{"code":401,"message":"An authentication key is required","type":"invalid_request_error"}}`
 * (v3.x rendered the login page instead for non-JSON requests). The React UI at `/`, `/healthz`,
 * `/readyz`, `/api/auth/status` and `/.well-known/localai.json` stay public. With user auth and no
 * user yet, the first account to register becomes admin (unclaimed). LocalAI also emulates Ollama
 * (`/api/tags`, `/api/version` = "0.9.0", optionally `GET /` = "Ollama is running"), hence `order: 90`
 * to run before the Ollama entry on unhinted ports.
 * Sources (mudler/LocalAI):
 * - core/http/auth/middleware.go (`Middleware`, `authError`), core/http/auth/public_routes.go.
 * - core/http/routes/localai.go: `GET /version` -> `{"version":"<tag> (<commit>)"}` (internal/version.go
 *   `PrintableVersion`), `GET /.well-known/localai.json` (`version`, `endpoints`, `endpoint_groups`).
 * - core/http/routes/auth.go: `GET /api/auth/status` -> `authEnabled`, `staticApiKeyRequired`,
 *   `providers`, `hasUsers`, `registrationMode`; core/http/auth/roles.go (first user becomes admin).
 * - core/http/routes/ollama.go, core/http/endpoints/ollama/models.go (Ollama emulation).
 * - core/http/react-ui/index.html: `<title>LocalAI</title>`; core/http/views/login.html (v3.x): `alt="LocalAI Logo"`.
 * - core/cli/run.go: `LOCALAI_ADDRESS` default `:8080`.
 */
export const localai: CatalogEntry = {
  service: 'localai',
  name: 'LocalAI',
  category: 'llm-server',
  ports: [8080],
  order: 90,
  sources: [
    'https://github.com/mudler/LocalAI/blob/master/core/http/auth/middleware.go',
    'https://github.com/mudler/LocalAI/blob/master/core/http/auth/public_routes.go',
    'https://github.com/mudler/LocalAI/blob/master/core/http/routes/localai.go',
    'https://github.com/mudler/LocalAI/blob/master/core/http/routes/auth.go',
    'https://github.com/mudler/LocalAI/blob/master/core/http/routes/ollama.go',
    'https://github.com/mudler/LocalAI/blob/master/core/http/react-ui/index.html',
  ],
  checkedAgainst: { evidence: 'source', release: 'v4.9.0-22-g82c191afa (2026-08-22)' },
  exposes: 'model list, model/backend installation from galleries, inference, TTS, image generation',
  identify: [
    { request: { path: '/' }, match: { status: [200, 401], bodyContainsAny: ['<title>LocalAI</title>', '<title>LocalAI ', 'alt="LocalAI Logo"'] } },
    {
      request: { path: '/v1/models' },
      match: { status: 401, json: [{ path: 'error.message', equals: 'An authentication key is required' }] },
    },
  ],
  auth: [
    {
      request: { path: '/api/auth/status' },
      match: { status: 200, json: [{ path: 'authEnabled', equals: true }, { path: 'hasUsers', equals: false }] },
      auth: 'none',
      evidence: 'GET /api/auth/status -> {status} authEnabled but hasUsers:false: unclaimed, the first visitor to register becomes admin',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a key, {count:data[]} models (first: {json:data[].id})',
    },
    {
      request: { path: '/api/auth/status' },
      match: { status: 200, json: [{ path: 'authEnabled', equals: true }, { path: 'registrationMode', equals: 'open' }] },
      auth: 'none',
      evidence: 'GET /api/auth/status -> {status} registrationMode "open": anyone can self-register an account',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 401 },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} "{json:error.message}" (LocalAI API key / user auth)',
    },
  ],
  version: [
    { request: { path: '/version' }, json: 'version', regex: '^v?(\\d+\\.\\d+\\.\\d+[\\w.+-]*)' },
    { request: { path: '/.well-known/localai.json' }, json: 'version', regex: '^v?(\\d+\\.\\d+\\.\\d+[\\w.+-]*)' },
  ],
  // docs/content/features/authentication.md (localai.io/features/authentication): LOCALAI_API_KEY (shared keys,
  // full admin access) or LOCALAI_AUTH=true (user accounts, the first one becomes admin).
  remediation: {
    fix: 'Turn on LocalAI authentication: set LOCALAI_API_KEY=<key> (comma-separated for several keys), or LOCALAI_AUTH=true for user accounts and register the admin account right away.',
    settings: ['LOCALAI_API_KEY=<key>', 'LOCALAI_AUTH=true'],
    docs: 'https://localai.io/features/authentication',
    allows: ['run-inference', 'pull-models', 'admin'],
  },
  // The same `GET /v1/models` the auth rule reads (cached): OpenAI-style `data[].id`.
  inventory: [{ kind: 'model', request: { path: '/v1/models' }, json: 'data[].id' }],
};
