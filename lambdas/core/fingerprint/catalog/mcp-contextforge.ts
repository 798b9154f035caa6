import type { CatalogEntry } from '../catalog-schema.js';

/**
 * IBM ContextForge MCP Gateway (mcp-context-forge), port 4444: a registry and proxy for MCP
 * servers, A2A agents and REST tools. Auth is on by default (`AUTH_REQUIRED=true`, JWT or basic
 * `admin` / `changeme`); `AUTH_REQUIRED=false` opens every API.
 * - `GET /health` (public): `{"status": "healthy", "mcp_runtime": {...}}` with the
 *   `x-contextforge-mcp-runtime-mode` and related headers (`_apply_runtime_mode_headers`).
 * - `GET /tools/`: the tool registry (200 when auth is off); with auth on, 401/403 "Not
 *   authenticated" (`verify_credentials`).
 * Markers: the health document with the ContextForge runtime headers, and the tools route's answer
 * (the auth verdict). The version route is admin-only: none is read.
 * Read from source at v1.0.8-13-gecba50e (IBM/mcp-context-forge, 2026-08-21): mcpgateway/main.py (`healthcheck`,
 * `_apply_runtime_mode_headers`, `tool_router` at /tools), mcpgateway/config.py (auth_required True, basic_auth_user admin,
 * basic_auth_password changeme), mcpgateway/utils/verify_credentials.py (401/403 texts), README.md (port 4444).
 */
export const mcpContextforge: CatalogEntry = {
  service: 'mcp-contextforge',
  name: 'ContextForge MCP Gateway',
  category: 'ai-gateway',
  ports: [4444],
  sources: [
    'https://github.com/IBM/mcp-context-forge/blob/main/mcpgateway/main.py',
    'https://github.com/IBM/mcp-context-forge/blob/main/mcpgateway/config.py',
    'https://github.com/IBM/mcp-context-forge/blob/main/mcpgateway/utils/verify_credentials.py',
  ],
  checkedAgainst: { evidence: 'source', release: 'v1.0.8-13-gecba50e' },
  exposes: 'registered MCP servers, tools and agents to call through the gateway, and its admin API',
  identify: [
    {
      request: { path: '/health' },
      match: { status: 200, json: [{ path: 'status', type: 'string' }, { path: 'mcp_runtime', type: 'object' }], headers: [{ name: 'x-contextforge-mcp-runtime-mode', regex: '.' }] },
    },
  ],
  auth: [
    {
      request: { path: '/tools/' },
      match: { status: 200, bodyRegex: '^\\s*[\\[{]' },
      auth: 'none',
      evidence: 'GET /tools/ -> {status}: the tool registry without credentials (AUTH_REQUIRED=false)',
    },
    {
      request: { path: '/tools/' },
      match: { status: [401, 403], json: [{ path: 'detail', type: 'string' }] },
      auth: 'required',
      evidence: 'GET /tools/ -> {status} "{json:detail}" (AUTH_REQUIRED=true, the default; the basic default admin/changeme must be changed)',
    },
  ],
  // docs "Configuration > Security": keep AUTH_REQUIRED=true, change BASIC_AUTH_PASSWORD and JWT_SECRET_KEY, keep the admin UI off.
  remediation: {
    fix: 'Keep AUTH_REQUIRED=true, replace the default BASIC_AUTH_PASSWORD (changeme) and JWT_SECRET_KEY, and keep MCPGATEWAY_UI_ENABLED off on reachable deployments.',
    settings: ['AUTH_REQUIRED=true', 'BASIC_AUTH_PASSWORD=<strong>', 'JWT_SECRET_KEY=<random>', 'MCPGATEWAY_UI_ENABLED=false'],
    docs: 'https://ibm.github.io/mcp-context-forge/manage/securing/',
    allows: ['run-code', 'read-data', 'admin', 'spend-api-keys'],
  },
};
