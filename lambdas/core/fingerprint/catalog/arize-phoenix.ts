import type { CatalogEntry } from '../catalog-schema.js';

/**
 * Arize Phoenix (LLM tracing and evaluation; UI and API on 6006, OTLP gRPC on 4317). Every
 * non-API path serves the SPA `index.html` (`<title>Phoenix</title>`, `content="Arize Phoenix"`),
 * which since 5.0 embeds `window.Config` with `platformVersion` and
 * `authenticationEnabled: Boolean("True"|"False" == "True")`; the page is not behind the login.
 * With authentication off the REST API answers `GET /v1/projects` with `{"data":[{"name",...}],
 * "next_cursor"}`; with it on (`PHOENIX_ENABLE_AUTH`), API routes need a token (401).
 * `GET /arize_phoenix_version` returns the version as plain text. The FastAPI schema at `/openapi.json`
 * (title "Arize-Phoenix REST API") is outside the auth-protected routers and identifies the server.
 * Sources (Arize-ai/phoenix):
 * - src/phoenix/server/templates/index.html: title, meta, `window.Config` fields.
 * - src/phoenix/server/app.py: `FastAPI(title="Arize-Phoenix REST API")`, `Static.get_response` (index fallback with `authentication_enabled`,
 *   `platform_version`), `GET /arize_phoenix_version`, `/healthz`.
 * - src/phoenix/server/api/routers/v1/__init__.py: `/v1` prefix, auth dependencies when enabled.
 * - src/phoenix/server/api/routers/v1/projects.py: `GET /v1/projects` (`GetProjectsResponseBody`).
 * - src/phoenix/server/bearer_auth.py: 401 on missing/invalid token.
 * - src/phoenix/config.py: `PORT = 6006`.
 */
export const arizePhoenix: CatalogEntry = {
  service: 'arize-phoenix',
  name: 'Arize Phoenix',
  category: 'ml-platform',
  ports: [6006],
  sources: [
    'https://github.com/Arize-ai/phoenix/blob/main/src/phoenix/server/templates/index.html',
    'https://github.com/Arize-ai/phoenix/blob/main/src/phoenix/server/app.py',
    'https://github.com/Arize-ai/phoenix/blob/main/src/phoenix/server/api/routers/v1/__init__.py',
    'https://github.com/Arize-ai/phoenix/blob/main/src/phoenix/server/api/routers/v1/projects.py',
    'https://github.com/Arize-ai/phoenix/blob/main/src/phoenix/server/bearer_auth.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'arize-phoenix-v20.3.0-86-g9478f954bb (9478f954bb, 2026-08-21)' },
  exposes: 'LLM traces (prompts, completions, tool calls), datasets, experiments and prompt templates',
  identify: [
    // The SPA page answers every unmatched path alike, so it cannot identify; the FastAPI schema does.
    { request: { path: '/openapi.json' }, match: { status: 200, json: [{ path: 'info.title', equals: 'Arize-Phoenix REST API' }] } },
  ],
  auth: [
    {
      request: { path: '/v1/projects' },
      match: { status: 200, json: [{ path: 'data', type: 'array' }] },
      auth: 'none',
      evidence: 'GET /v1/projects -> {status} without credentials: {count:data[]} projects with traces (first: {json:data[].name})',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: 'authenticationEnabled:\\s*Boolean\\("True" == "True"\\)' },
      auth: 'required',
      evidence: 'GET / -> {status} window.Config authenticationEnabled true (Phoenix login)',
    },
    {
      request: { path: '/' },
      match: { status: 200, bodyRegex: 'authenticationEnabled:\\s*Boolean\\("False" == "True"\\)' },
      auth: 'none',
      evidence: 'GET / -> {status} window.Config authenticationEnabled false (no login)',
    },
  ],
  version: [
    { request: { path: '/' }, regex: 'platformVersion:\\s*"(\\d+\\.\\d+\\.\\d+[^"]*)"' },
    { request: { path: '/arize_phoenix_version' }, regex: '^\\s*(\\d+\\.\\d+\\.\\d+\\S*)\\s*$' },
  ],
  // docs/section-self-hosting/authentication.md (arize.com/docs/phoenix/self-hosting/features/authentication):
  // authentication is off by default; PHOENIX_ENABLE_AUTH=True plus PHOENIX_SECRET (JWT signing secret) turn it on.
  remediation: {
    fix: 'Turn on Phoenix authentication: set PHOENIX_ENABLE_AUTH=True and a long random PHOENIX_SECRET, then give the apps that send traces API keys.',
    settings: ['PHOENIX_ENABLE_AUTH=True', 'PHOENIX_SECRET=<long random secret>'],
    docs: 'https://arize.com/docs/phoenix/self-hosting/features/authentication',
    allows: ['read-data', 'write-data'],
  },
  // The same `GET /v1/projects` the auth rule reads (cached): projects.py `GetProjectsResponseBody` `data[].name`.
  inventory: [{ kind: 'project', request: { path: '/v1/projects' }, json: 'data[].name' }],
};
