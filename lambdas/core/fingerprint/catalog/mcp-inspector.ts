import type { CatalogEntry } from '../catalog-schema.js';

/**
 * MCP Inspector, v1 (the proxy, "MCPP", default port 6277, next to its web client on 6274): the
 * MCP project's debugging tool, whose proxy starts any MCP server for its web client, including a
 * local process: `GET /stdio?transportType=stdio&command=...` runs that command on the host. Every
 * API route (`/mcp`, `/stdio`, `/sse`, `/message`, `/fetch`, `/config`) sits behind two guards, in
 * this order (server/build/index.js, request-guards.js of the installed package):
 * 1. `originValidationMiddleware`: an `Origin` not in ALLOWED_ORIGINS (default
 *    `http://localhost:6274`) is refused 403 `{"error": "Forbidden - invalid origin", "message":
 *    "Request blocked to prevent DNS rebinding attacks. Configure allowed origins via environment
 *    variable."}`. A request with no `Origin` is refused the same way *only when auth is disabled*
 *    (DANGEROUSLY_OMIT_AUTH=true); with auth on it passes to the token check.
 * 2. `authMiddleware` (skipped under DANGEROUSLY_OMIT_AUTH): without `X-MCP-Proxy-Auth: Bearer
 *    <session token>` (random per start, printed on the console, or MCP_PROXY_AUTH_TOKEN) it answers
 *    401 `{"error": "Unauthorized", "message": "Authentication required. Use the session token shown
 *    in the console when starting the server."}`.
 * The scanner never sends an Origin, so the same `GET /mcp` tells the two configurations apart: 401
 * with that message is the token check (`required`); the 403 "invalid origin" to an Origin-less
 * request is given only with the token check off, and the Origin check that remains is passed by
 * any non-browser client that sends the allowed Origin, after which `/stdio` runs a command for
 * anyone (`none`). Both answers name the product in their own words: those are the two markers.
 * Past both guards, `GET /mcp` without a session is 404 "Session not found" (nothing started), so
 * it is a harmless read in every configuration; `/stdio` and `/sse` are never probed (past the
 * guards they start a process or a connection). `/config` answers the same guards, but Gradio and
 * SD WebUI also identify by it: a third user would make it a path probed on every open port.
 * `GET /health` is an unguarded `{"status": "ok"}`, too common to say anything. No route names a
 * version, so none is read.
 * Recorded from a running @modelcontextprotocol/inspector@1.0.3 (2026-12-02), in both
 * configurations (test/fixtures/real/mcp-inspector/, `npm run conformance`), on Node 24.
 * Not identified: an open proxy that lets an Origin-less request past both guards, as releases
 * from before the session token (the fix of CVE-2025-49596, which the README cites) do: it answers
 * `GET /mcp` with a bare 404 "Session not found", and its one marker, `GET /config`'s JSON, is not
 * read (see above).
 * Sources (the 1.0.3 package, v1 line of modelcontextprotocol/inspector):
 * - server/build/index.js (server/src/index.ts): `authMiddleware` (401 text), the routes and their
 *   guards, `DEFAULT_MCP_PROXY_LISTEN_PORT = "6277"`, `HOST` (default localhost), `sessionToken`.
 * - server/build/request-guards.js: `createOriginValidationMiddleware` (403 text; Origin-less
 *   requests refused only when auth is disabled), `getAllowedOrigins`.
 * - README.md "Security Considerations": Authentication, Local-only Binding, DNS Rebinding Protection.
 */
export const mcpInspector: CatalogEntry = {
  service: 'mcp-inspector',
  name: 'MCP Inspector (proxy)',
  category: 'agent-builder',
  ports: [6277],
  openSeverity: 'critical',
  sources: [
    'https://www.npmjs.com/package/@modelcontextprotocol/inspector/v/1.0.3',
    'https://github.com/modelcontextprotocol/inspector/blob/main/server/src/index.ts',
  ],
  checkedAgainst: { evidence: 'recorded', release: '1.0.3' },
  exposes: 'a proxy that starts any MCP server for its caller, a local command included (arbitrary code execution on the host)',
  identify: [
    {
      request: { path: '/mcp' },
      match: {
        status: 401,
        json: [
          { path: 'error', equals: 'Unauthorized' },
          { path: 'message', contains: 'Use the session token shown in the console when starting the server' },
        ],
      },
    },
    {
      request: { path: '/mcp' },
      match: {
        status: 403,
        json: [
          { path: 'error', equals: 'Forbidden - invalid origin' },
          { path: 'message', contains: 'Request blocked to prevent DNS rebinding attacks' },
        ],
      },
    },
  ],
  auth: [
    {
      request: { path: '/mcp' },
      match: { status: 401, json: [{ path: 'message', contains: 'session token' }] },
      auth: 'required',
      evidence: 'GET /mcp -> {status} Unauthorized: the proxy asks for its session token (the default)',
    },
    {
      request: { path: '/mcp' },
      match: { status: 403, json: [{ path: 'error', equals: 'Forbidden - invalid origin' }] },
      auth: 'none',
      evidence:
        'GET /mcp -> {status} "Forbidden - invalid origin" to a request without Origin, given only with DANGEROUSLY_OMIT_AUTH (token on: 401); sending the allowed Origin passes, and /stdio runs any command',
    },
  ],
  // README "Security Considerations": keep the session token (never DANGEROUSLY_OMIT_AUTH), keep the
  // default HOST=localhost (its Docker example publishes 127.0.0.1:6277 only).
  remediation: {
    fix: 'Stop the Inspector when not debugging; never set DANGEROUSLY_OMIT_AUTH (keep the session token, or set a strong MCP_PROXY_AUTH_TOKEN) and keep the proxy on HOST=localhost.',
    settings: ['unset DANGEROUSLY_OMIT_AUTH', 'MCP_PROXY_AUTH_TOKEN=<random>', 'HOST=localhost'],
    docs: 'https://www.npmjs.com/package/@modelcontextprotocol/inspector/v/1.0.3#security-considerations',
    allows: ['run-code'],
  },
};
