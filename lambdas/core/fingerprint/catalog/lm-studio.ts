import type { CatalogEntry } from '../catalog-schema.js';

/**
 * LM Studio local server (closed source; desktop app or headless `lms` daemon). `GET
 * /lmstudio-greeting` answers `{"lmstudio":true}`; the official `lms` CLI requires exactly that before
 * it talks to a server. Authentication is off by default; from 0.4.0 "Require Authentication" makes
 * the REST, OpenAI-compatible and SDK APIs demand an API token. LM Studio answers unknown paths with
 * 200 `{"error":"Unexpected endpoint or method. (GET /path)"}`, so no rule here trusts a bare 200.
 * Sources:
 * - lmstudio-ai/lms src/createClient.ts: `isLocalServerAtPortLMStudioServerOrThrow` (GET
 *   /lmstudio-greeting, status 200, `lmstudio === true`).
 * - https://lmstudio.ai/docs/api/rest-api (`GET /api/v0/models`: `data[]` with `type`,
 *   `publisher`, `arch`, `compatibility_type`, `quantization`, `state`, `max_context_length`; 0.3.6+).
 * - https://lmstudio.ai/docs/developer/core/authentication (off by default; token required when on, 0.4.0+).
 * - https://lmstudio.ai/docs/developer/rest/list (examples on http://localhost:1234, the default port).
 * Unverified (closed source): whether /lmstudio-greeting stays public with authentication on, and
 * the exact 401 body; the catch-all 200 error body is from third-party observations.
 */
export const lmStudio: CatalogEntry = {
  service: 'lm-studio',
  name: 'LM Studio',
  category: 'llm-server',
  ports: [1234],
  sources: [
    'https://github.com/lmstudio-ai/lms/blob/main/src/createClient.ts',
    'https://lmstudio.ai/docs/api/rest-api',
    'https://lmstudio.ai/docs/developer/rest/list',
    'https://lmstudio.ai/docs/developer/core/authentication',
  ],
  checkedAgainst: { evidence: 'source', release: 'lms main@07b7252 (2026-08-13; the server itself is closed source)' },
  exposes: 'downloaded and loaded model list, model load/unload and inference',
  identify: [
    // LM Studio's own error text for a route it does not serve, checked exactly (the whole body) on
    // the shared `/` probe; the greeting is the positive self-identification.
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: '^\\s*\\{\\s*"error"\\s*:\\s*"Unexpected endpoint or method\\. \\(GET /\\)"\\s*\\}\\s*$' },
    },
    { request: { path: '/lmstudio-greeting' }, match: { status: 200, json: [{ path: 'lmstudio', equals: true }] } },
  ],
  auth: [
    {
      request: { path: '/api/v0/models' },
      match: { status: 200, json: [{ path: 'data', type: 'array' }], bodyExcludes: ['Unexpected endpoint or method'] },
      auth: 'none',
      evidence: 'GET /api/v0/models -> {status} without a token, {count:data[]} models on disk (first: {json:data[].id})',
    },
    {
      request: { path: '/v1/models' },
      match: { status: 200, json: [{ path: 'object', equals: 'list' }, { path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/models -> {status} without a token, {count:data[]} models',
    },
    {
      request: { path: '/v1/models' },
      match: { status: [401, 403] },
      auth: 'required',
      evidence: 'GET /v1/models -> {status} (LM Studio "Require Authentication" API tokens)',
    },
  ],
  // lmstudio.ai docs/developer/core/authentication ("Require Authentication" in Developer > Server Settings, 0.4.0+)
  // and docs/developer/core/server/serve-on-network ("Serve on Local Network" binds beyond localhost).
  remediation: {
    fix: 'Turn on "Require Authentication" in Developer > Server Settings (LM Studio 0.4.0+) and give clients an API token, or switch "Serve on Local Network" off so the server listens on localhost only.',
    settings: ['Server Settings: Require Authentication = on', 'Server Settings: Serve on Local Network = off', 'LM_API_TOKEN=<token> (clients)'],
    docs: 'https://lmstudio.ai/docs/developer/core/authentication',
    allows: ['run-inference', 'pull-models'],
  },
  // The same `GET /api/v0/models` / `GET /v1/models` the auth rules read (cached): `data[].id` (names de-duplicated).
  inventory: [
    { kind: 'model', request: { path: '/api/v0/models' }, match: { status: 200, json: [{ path: 'data', type: 'array' }] }, json: 'data[].id' },
    { kind: 'model', request: { path: '/v1/models' }, match: { status: 200, json: [{ path: 'data', type: 'array' }] }, json: 'data[].id' },
  ],
};
