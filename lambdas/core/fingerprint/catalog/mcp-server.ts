import type { CatalogEntry } from '../catalog-schema.js';

/**
 * mcp-proxy (npm, bridges a stdio MCP server to SSE and Streamable HTTP) with `--apiKey`: every
 * path but /ping answers 401 with a JSON-RPC 2.0 error envelope and a Bearer challenge, both
 * saying "Unauthorized: Invalid or missing API key" (recorded from a running mcp-proxy 6.7.19 on
 * 2026-12-02, test/fixtures/real/mcp-server/mcp-proxy-api-key.json). Without it, it answers as the
 * SDK transports do (recorded alike: mcp-proxy-open.json).
 */
const MCP_PROXY_API_KEY_WALL = {
  status: 401,
  json: [
    { path: 'jsonrpc', equals: '2.0' },
    { path: 'error.message', equals: 'Unauthorized: Invalid or missing API key' },
  ],
  headers: [{ name: 'www-authenticate', contains: 'Invalid or missing API key' }],
};

/**
 * The SDKs' bearer-auth middleware refusing a request without a token (TypeScript SDK
 * requireBearerAuth: InvalidTokenError "Missing Authorization header"; Python SDK
 * RequireAuthMiddleware: "Authentication required"): 401, an RFC 9728 challenge that also carries
 * `error="invalid_token"`, and the OAuth error object as the body.
 */
const SDK_BEARER_CHALLENGE = {
  status: 401,
  headers: [
    { name: 'www-authenticate', regex: '^Bearer .*resource_metadata="[^"]*/\\.well-known/oauth-protected-resource' },
    { name: 'www-authenticate', contains: 'error="invalid_token"' },
  ],
  json: [{ path: 'error', equals: 'invalid_token' }],
};

/** The first event of the HTTP+SSE transport's stream: `endpoint`, carrying the session's message URL. */
const SSE_ENDPOINT_EVENT = '^event: endpoint\\r?\\ndata: \\S*[?&]session_?[iI]d=';

/**
 * MCP server, Streamable HTTP transport, at the SDKs' conventional endpoint `/mcp` (Python SDK /
 * FastMCP `streamable_http_path`, TypeScript SDK examples). The protocol's own handshake is a POST
 * (`initialize`), which the scanner never sends, so only what the official SDKs answer to a plain
 * `GET /mcp` (Accept: wildcard, no `Mcp-Session-Id`) is used. Every marker is a JSON-RPC 2.0 error
 * envelope (`{"jsonrpc": "2.0", "error": {"code", "message"}, "id": null}`) with the SDKs' own
 * transport messages, which a generic JSON-RPC service does not send on GET:
 * - TypeScript SDK: the GET handler requires `text/event-stream` in Accept *literally*, so a
 *   wildcard gets 406 "Not Acceptable: Client must accept text/event-stream" (code -32000); older
 *   Python SDKs answer the same text (code -32600).
 * - Python SDK (stateful, current): a new session is created for the session-less request and the
 *   GET is refused 400 "Bad Request: Missing session ID", carrying the new `mcp-session-id` header.
 * - Stateless TypeScript servers (the SDK's stateless examples) answer GET 405 "Method not allowed."
 * - Servers that route a session-less GET themselves before the transport, as the SDK's stateful
 *   examples and the reference server "everything" do: 400 "Bad Request: No valid session ID
 *   provided" (code -32000, no `id`, no session header). Recorded from a running
 *   @modelcontextprotocol/server-everything@2026.8.31 (2026-12-02): it answers this, not the 406
 *   the source-derived fixture claimed, and went unidentified on its default port 3001
 *   (test/fixtures/real/mcp-server/streamable-http.json, `npm run conformance`).
 * - Behind the SDKs' bearer-auth middleware (RFC 9728): 401 with
 *   `WWW-Authenticate: Bearer error="invalid_token", ..., resource_metadata="<origin>/.well-known/
 *   oauth-protected-resource/mcp"` and `{"error": "invalid_token", "error_description"}`. That
 *   challenge is OAuth, not MCP, and the middleware answers before the transport, so this is the
 *   weakest marker: it is accepted only on the transports' own paths, `/mcp` and `/sse`, and only
 *   as the SDKs' middleware words it for a request without a token: `error="invalid_token"` in the
 *   challenge and `{"error": "invalid_token"}` as the body. A bare `resource_metadata` challenge is
 *   any RFC 9728 resource server: Spring Security 7's BearerTokenAuthenticationEntryPoint answers
 *   every path 401 with `Bearer resource_metadata="..."`, no error code (RFC 6750 3.1: none when
 *   the request carries no credentials) and no body, and was reported as an MCP server (decoy
 *   test/fixtures/decoys/spring-security-oauth2-resource-server.json).
 * - The older HTTP+SSE transport (MCP specification 2024-11-05, still served by the SDKs'
 *   `SSEServerTransport`): `GET /sse` opens an event stream that never ends, whose first event
 *   must be `endpoint`, the URL to POST messages to: `event: endpoint\ndata: /message?sessionId=
 *   <uuid>\n\n` (@modelcontextprotocol/sdk 1.32.2 server/sse.js `start`). The engine keeps the
 *   first event of a GET's event stream and hangs up (http-session.ts). Recorded from a running
 *   @modelcontextprotocol/server-everything@2026.8.31 (2026-12-02): its `sse` mode (GET /sse,
 *   POST /message, port 3001, no auth: src/everything/transports/sse.ts, dist/transports/sse.js in
 *   the installed package) went unidentified while the engine read that stream to its body
 *   timeout (test/fixtures/real/mcp-server/sse.json). The marker is the event name with a session
 *   URL; a CRLF line end and `session_id` are admitted too (the spec fixes the event, not its
 *   framing or the query name). Reaching it without credentials opens a session anyone can call
 *   tools on (the tool listing is not read there: its answers come on the stream, not as a reply).
 * A stateless Python server opens an SSE stream on GET /mcp (200 text/event-stream, no event to
 * read), and a server mounted on any other path is not found: GET-only identification of MCP is
 * necessarily partial. The RFC 9728 metadata document names no MCP-specific field (only a
 * `resource` URL that conventionally ends in `/mcp`), so it is not used to identify.
 * Auth: reaching the transport's JSON-RPC errors without credentials means the endpoint takes
 * `initialize` and `tools/call` from anyone; the bearer challenge means OAuth is enforced.
 * Sources:
 * - modelcontextprotocol/typescript-sdk packages/server/src/server/streamableHttp.ts:
 *   `handleGetRequest` (406), `createJsonErrorResponse`, `validateSession`, 405 handler.
 * - modelcontextprotocol/typescript-sdk packages/server/src/server/middleware/bearerAuth.ts.
 * - modelcontextprotocol/python-sdk src/mcp/server/streamable_http.py: `check_accept_headers`,
 *   `_handle_get_request`, `_validate_session`, `_create_error_response`;
 *   src/mcp/server/streamable_http_manager.py (new session per session-less request);
 *   src/mcp/server/auth/middleware/bearer_auth.py, src/mcp/server/auth/routes.py.
 * - MCP specification 2025-06-18, basic/transports and basic/authorization; 2024-11-05
 *   basic/transports (HTTP with SSE: the `endpoint` event).
 * - @modelcontextprotocol/sdk 1.32.2 (the version server-everything@2026.8.31 installs)
 *   dist/esm/server/sse.js `SSEServerTransport.start`; modelcontextprotocol/servers
 *   src/everything/transports/sse.ts.
 */
export const mcpServer: CatalogEntry = {
  service: 'mcp-server',
  name: 'MCP server (Streamable HTTP, HTTP+SSE)',
  category: 'agent-builder',
  ports: [443, 8000, 3000],
  // Next to FastMCP's 8000 and the TypeScript SDK examples' 3000, where a second server on the
  // host is put (no product auto-increments here: this is where deployments land, not a default).
  alternatePorts: [3001, 8001],
  sources: [
    'https://github.com/modelcontextprotocol/typescript-sdk/blob/main/packages/server/src/server/streamableHttp.ts',
    'https://github.com/modelcontextprotocol/typescript-sdk/blob/main/packages/server/src/server/middleware/bearerAuth.ts',
    'https://github.com/modelcontextprotocol/python-sdk/blob/main/src/mcp/server/streamable_http.py',
    'https://github.com/modelcontextprotocol/python-sdk/blob/main/src/mcp/server/streamable_http_manager.py',
    'https://github.com/modelcontextprotocol/python-sdk/blob/main/src/mcp/server/auth/middleware/bearer_auth.py',
    'https://modelcontextprotocol.io/specification/2025-06-18/basic/transports',
    'https://github.com/modelcontextprotocol/servers/blob/main/src/everything/transports/streamableHttp.ts',
    'https://modelcontextprotocol.io/specification/2024-11-05/basic/transports',
    'https://www.npmjs.com/package/@modelcontextprotocol/sdk/v/1.32.2',
    'https://github.com/modelcontextprotocol/servers/blob/main/src/everything/transports/sse.ts',
  ],
  checkedAgainst: { evidence: 'recorded', release: 'server-everything 2026.8.31 and mcp-proxy 6.7.19' },
  exposes: "the server's MCP tools and resources (whatever they reach: files, APIs, databases)",
  identify: [
    {
      request: { path: '/mcp' },
      match: { status: 406, json: [{ path: 'jsonrpc', equals: '2.0' }, { path: 'error.message', contains: 'Not Acceptable: Client must accept' }] },
    },
    {
      request: { path: '/mcp' },
      match: {
        status: 400,
        json: [{ path: 'jsonrpc', equals: '2.0' }, { path: 'error.message', equals: 'Bad Request: Missing session ID' }],
        headers: [{ name: 'mcp-session-id' }],
      },
    },
    {
      request: { path: '/mcp' },
      match: { status: 400, json: [{ path: 'jsonrpc', equals: '2.0' }, { path: 'error.message', equals: 'Bad Request: No valid session ID provided' }] },
    },
    {
      request: { path: '/mcp' },
      match: { status: 405, json: [{ path: 'jsonrpc', equals: '2.0' }, { path: 'error.message', equals: 'Method not allowed.' }, { path: 'id', equals: null }] },
    },
    { request: { path: '/mcp' }, match: SDK_BEARER_CHALLENGE },
    // mcp-proxy's API-key wall, in front of both of its transports.
    { request: { path: '/mcp' }, match: MCP_PROXY_API_KEY_WALL },
    {
      request: { path: '/sse' },
      match: { status: 200, headers: [{ name: 'content-type', contains: 'text/event-stream' }], bodyRegex: SSE_ENDPOINT_EVENT },
    },
    // The same bearer middleware in front of the HTTP+SSE transport: as weak as on /mcp, and only on /sse.
    { request: { path: '/sse' }, match: SDK_BEARER_CHALLENGE },
  ],
  auth: [
    {
      request: { path: '/mcp' },
      match: MCP_PROXY_API_KEY_WALL,
      auth: 'required',
      evidence: 'GET /mcp -> {status} "{json:error.message}" (mcp-proxy --apiKey: X-API-Key required)',
    },
    {
      request: { path: '/mcp' },
      match: { status: [400, 405, 406], json: [{ path: 'jsonrpc', equals: '2.0' }] },
      auth: 'none',
      evidence: 'GET /mcp -> {status} from the MCP transport itself ("{json:error.message}"): no credentials asked, tools callable by anyone',
    },
    {
      request: { path: '/mcp' },
      match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'resource_metadata=' }] },
      auth: 'required',
      evidence: 'GET /mcp -> {status} Bearer challenge with RFC 9728 resource_metadata: OAuth required',
    },
    {
      request: { path: '/sse' },
      match: { status: 200, headers: [{ name: 'content-type', contains: 'text/event-stream' }], bodyRegex: SSE_ENDPOINT_EVENT },
      auth: 'none',
      evidence: 'GET /sse -> {status} event stream whose first event is `endpoint` (HTTP+SSE transport): a session opened without credentials, tools callable by anyone',
    },
    {
      request: { path: '/sse' },
      match: { status: 401, headers: [{ name: 'www-authenticate', contains: 'resource_metadata=' }] },
      auth: 'required',
      evidence: 'GET /sse -> {status} Bearer challenge with RFC 9728 resource_metadata: OAuth required on the HTTP+SSE transport',
    },
  ],
  // MCP specification 2025-06-18 basic/authorization (OAuth 2.1 resource server, RFC 9728 metadata); the SDKs ship
  // it: typescript-sdk middleware/bearerAuth.ts `requireBearerAuth`, python-sdk FastMCP `auth`/`token_verifier`.
  remediation: {
    fix: 'Require OAuth bearer tokens on the MCP endpoint as the MCP authorization spec describes (TypeScript SDK requireBearerAuth, Python SDK FastMCP auth settings with a token verifier), or bind the server to 127.0.0.1 if only local clients use it.',
    settings: ['requireBearerAuth({ verifier }) (TypeScript SDK)', 'FastMCP(auth=AuthSettings(...), token_verifier=...) (Python SDK)', 'host=127.0.0.1'],
    docs: 'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization',
    allows: ['read-data'],
  },
  inventoryProtocol: 'mcp-tools',
};
