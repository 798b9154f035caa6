import type { CatalogEntry } from '../catalog-schema.js';

/** The OpenAPI document of an mcpo server, in either of its two modes (see `mcpo`). */
const MCPO_CONFIG_MODE = { path: 'info.description', contains: 'Automatically generated API from MCP Tool Schemas' };

/**
 * mcpo (Open WebUI's MCP-to-OpenAPI proxy), port 8000: it runs MCP servers (stdio commands, SSE or
 * Streamable HTTP) and exposes each MCP tool as `POST /<tool>`, so an open instance lets anyone
 * call the tools: often shell, file system, browser or SaaS tools holding the operator's tokens.
 * - Config mode (`--config`): the main app keeps the defaults `info.title` "MCP OpenAPI Proxy" and
 *   `info.description` "Automatically generated API from MCP Tool Schemas" (two texts of its own),
 *   each MCP server mounted as a sub-app under `/<name>`.
 * - Single-server mode (`mcpo -- <command>`): the title becomes the MCP server's name, the
 *   description "<name> MCP Server", and every tool's request model is named `<tool>_form_model`
 *   (both markers are required).
 * Auth: `--api-key` puts `verify_api_key` (FastAPI `HTTPBearer`) on every tool route, so the
 * document lists an `HTTPBearer` scheme; without it the routes take anyone. With `--strict-auth`
 * the `APIKeyMiddleware` answers 401 even for `/openapi.json`, which leaves nothing specific to
 * mcpo to identify: such instances are not reported (they are closed).
 * No version: `info.version` is the MCP server's (or the `--version` flag).
 * Read from source at v0.0.20 (open-webui/mcpo, 2026-02-27): src/mcpo/main.py (`run`: name/description defaults,
 * port 8000, APIKeyMiddleware under strict_auth; `create_dynamic_endpoints`: title/description from serverInfo,
 * `<tool>_form_model`, `dependencies=[Depends(api_dependency)]`), src/mcpo/utils/auth.py (`get_verify_api_key`,
 * `APIKeyMiddleware`), README.md (`--api-key`).
 */
export const mcpo: CatalogEntry = {
  service: 'mcpo',
  name: 'mcpo (MCP to OpenAPI proxy)',
  category: 'agent-builder',
  ports: [8000],
  openSeverity: 'critical',
  sources: [
    'https://github.com/open-webui/mcpo/blob/main/src/mcpo/main.py',
    'https://github.com/open-webui/mcpo/blob/main/src/mcpo/utils/auth.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v0.0.20 (2026-02-27)' },
  exposes: 'MCP tools (shell, files, browsers, SaaS APIs with the operator\'s tokens) callable as REST endpoints',
  identify: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.title', equals: 'MCP OpenAPI Proxy' }, MCPO_CONFIG_MODE] },
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'info.description', contains: ' MCP Server' }], bodyRegex: '"[A-Za-z0-9_.-]+_form_model"' },
    },
  ],
  auth: [
    {
      request: { path: '/openapi.json' },
      match: { status: 200, bodyContains: ['"HTTPBearer"'] },
      auth: 'required',
      evidence: 'GET /openapi.json -> {status}: the tool routes require a Bearer API key (--api-key)',
    },
    {
      request: { path: '/openapi.json' },
      match: { status: 200, json: [{ path: 'openapi', type: 'string' }], bodyExcludes: ['"HTTPBearer"', '"securitySchemes"'] },
      auth: 'none',
      evidence: 'GET /openapi.json -> {status} "{json:info.title}": MCP tools served as REST routes without an API key',
    },
  ],
  // README "Quick Usage": `mcpo --port 8000 --api-key "top-secret" -- <command>`; `--strict-auth` protects docs and spec too.
  remediation: {
    fix: 'Start mcpo with --api-key <random> (and --strict-auth to cover the docs and OpenAPI spec too), and keep it off public addresses.',
    settings: ['--api-key <random>', '--strict-auth', '--host 127.0.0.1'],
    docs: 'https://github.com/open-webui/mcpo#-quick-usage',
    allows: ['run-code', 'read-data', 'write-data', 'spend-api-keys'],
  },
};
